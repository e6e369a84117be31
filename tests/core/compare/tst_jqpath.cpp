#include "manifest/yaml_reader.h"
#include "manifest/yaml_writer.h"
#include "reconcile/compare/field_path.h"
#include "reconcile/compare/jq_path.h"

#include <QtTest>

using namespace capstan;
using namespace capstan::compare;

namespace {

const char *const Pod = R"(spec:
  containers:
  - image: app:1
    name: app
  - image: istio/proxy:1.20
    name: istio-proxy
  initContainers:
  - image: init:1
    name: injected
metadata:
  annotations:
    example.com/note: hi
    keep: me
)";

manifest::Node podNode()
{
    auto docs = manifest::parseDocuments(Pod, "pod.yaml");
    if (!docs || docs->size() != 1)
        qFatal("bad test YAML");
    return docs->front();
}

} // namespace

class TestJqPath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void remove_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QStringList>("gone"); // strings that must disappear from the YAML
        QTest::addColumn<QStringList>("kept"); // strings that must stay

        QTest::newRow("field") << ".metadata.annotations" << QStringList { "example.com/note", "keep: me" }
                               << QStringList { "app:1" };
        QTest::newRow("quoted key") << R"(.metadata.annotations["example.com/note"])"
                                    << QStringList { "example.com/note" } << QStringList { "keep: me" };
        QTest::newRow("dotted quoted key") << R"(.metadata.annotations."example.com/note")"
                                           << QStringList { "example.com/note" } << QStringList { "keep: me" };
        QTest::newRow("every item") << ".spec.containers[]" << QStringList { "app:1", "istio/proxy" }
                                    << QStringList { "init:1" };
        QTest::newRow("one item") << ".spec.containers[1]" << QStringList { "istio/proxy" } << QStringList { "app:1" };
        QTest::newRow("select an item") << R"(.spec.containers[] | select(.name == "istio-proxy"))"
                                        << QStringList { "istio" } << QStringList { "app:1" };
        QTest::newRow("select then field")
            << R"(.spec.containers[] | select(.name == "app") | .image)" << QStringList { "app:1" }
            << QStringList { "name: app", "istio/proxy:1.20" };
        QTest::newRow("select not equal")
            << R"(.spec.containers[] | select(.name != "app"))" << QStringList { "istio" } << QStringList { "app:1" };
        QTest::newRow("argo docs example") << R"(.spec.initContainers[] | select(.name == "injected"))"
                                           << QStringList { "init:1" } << QStringList { "app:1" };
        QTest::newRow("missing path selects nothing")
            << ".spec.volumes[]" << QStringList {} << QStringList { "app:1", "init:1" };
    }

    void remove()
    {
        QFETCH(QString, expression);
        QFETCH(QStringList, gone);
        QFETCH(QStringList, kept);
        manifest::Node node = podNode();
        auto paths = jqPaths(node, expression.toStdString());
        QVERIFY2(paths, paths ? "" : paths.error().message.c_str());
        removePaths(node, *paths);
        const QString yaml = QString::fromStdString(manifest::emitYaml(node));
        for (const QString &s : gone)
            QVERIFY2(!yaml.contains(s), qPrintable(yaml));
        for (const QString &s : kept)
            QVERIFY2(yaml.contains(s), qPrintable(yaml));
    }

    void unsupported_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::newRow("function") << "del(.a)";
        QTest::newRow("no leading dot") << "spec.replicas";
        QTest::newRow("unclosed bracket") << ".spec.containers[";
        QTest::newRow("unknown operator") << R"(.a[] | select(.name ~ "x"))";
    }

    void unsupported()
    {
        QFETCH(QString, expression);
        const auto paths = jqPaths(podNode(), expression.toStdString());
        QVERIFY(!paths);
        QVERIFY(QString::fromStdString(paths.error().message).contains(expression));
    }

    void jsonPointers_data()
    {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("gone");
        QTest::addColumn<bool>("resolves");

        QTest::newRow("index") << "/spec/containers/1/image"
                               << "istio/proxy" << true;
        QTest::newRow("escaped slash") << "/metadata/annotations/example.com~1note"
                                       << "example.com/note" << true;
        QTest::newRow("out of range") << "/spec/containers/7"
                                      << "" << false;
        QTest::newRow("absent") << "/spec/replicas"
                                << "" << false;
        QTest::newRow("not a pointer") << "spec"
                                       << "" << false;
    }

    void jsonPointers()
    {
        QFETCH(QString, pointer);
        QFETCH(QString, gone);
        QFETCH(bool, resolves);
        manifest::Node node = podNode();
        const auto paths = jsonPointerPaths(node, pointer.toStdString());
        QCOMPARE(!paths.empty(), resolves);
        removePaths(node, paths);
        if (resolves)
            QVERIFY(!QString::fromStdString(manifest::emitYaml(node)).contains(gone));
        else
            QVERIFY(node == podNode());
    }
};

QTEST_GUILESS_MAIN(TestJqPath)
#include "tst_jqpath.moc"
