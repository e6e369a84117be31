// RFC 6902 operations on a document.
#include "kustomize/json_patch.h"
#include "manifest/yaml_reader.h"
#include "manifest/yaml_writer.h"

#include <QTest>

using namespace capstan;

namespace {

manifest::Node parse(const QString &text)
{
    auto docs = manifest::parseDocuments(text.toStdString(), "test.yaml");
    if (!docs || docs->empty())
        qFatal("bad test YAML");
    return docs->front();
}

} // namespace

class TestJsonPatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void apply_data()
    {
        QTest::addColumn<QString>("document");
        QTest::addColumn<QString>("operations");
        QTest::addColumn<QString>("expected"); // empty: the patch must fail

        const QString doc = "metadata:\n  annotations: {}\nspec:\n  list: [a, b]\n  n: 1\n";
        QTest::newRow("add with escaped key") << doc << "- {op: add, path: /metadata/annotations/a~1b~0c, value: x}"
                                              << "metadata:\n  annotations:\n    a/b~c: x\nspec:\n  list:\n  - a\n  - b\n  \"n\": 1\n";
        QTest::newRow("add to the end and by index") << doc << "- {op: add, path: /spec/list/-, value: c}\n- {op: add, path: /spec/list/0, value: z}"
                                                     << "metadata:\n  annotations: {}\nspec:\n  list:\n  - z\n  - a\n  - b\n  - c\n  \"n\": 1\n";
        QTest::newRow("remove, replace, move, copy")
            << doc
            << "- {op: remove, path: /spec/list/0}\n- {op: replace, path: /spec/n, value: 2}\n"
               "- {op: copy, from: /spec/n, path: /spec/m}\n- {op: move, from: /spec/list, path: /moved}"
            << "metadata:\n  annotations: {}\nmoved:\n- b\nspec:\n  m: 2\n  \"n\": 2\n";
        QTest::newRow("test passes") << doc << "- {op: test, path: /spec/n, value: 1}" << "metadata:\n  annotations: {}\nspec:\n  list:\n  - a\n  - b\n  \"n\": 1\n";
        QTest::newRow("test fails") << doc << "- {op: test, path: /spec/n, value: 2}" << "";
        QTest::newRow("replace of a missing path fails") << doc << "- {op: replace, path: /spec/missing, value: 2}" << "";
        QTest::newRow("add below a missing parent fails") << doc << "- {op: add, path: /nope/x, value: 2}" << "";
    }

    void apply()
    {
        QFETCH(QString, document);
        QFETCH(QString, operations);
        QFETCH(QString, expected);
        manifest::Node node = parse(document);
        const auto ok = kustomize::applyJsonPatch(node, parse(operations));
        if (expected.isEmpty()) {
            QVERIFY(!ok.ok());
            return;
        }
        QVERIFY2(ok.ok(), ok.ok() ? "" : ok.error().message.c_str());
        QCOMPARE(QString::fromStdString(manifest::emitYaml(node)), expected);
    }
};

QTEST_GUILESS_MAIN(TestJsonPatch)
#include "tst_json_patch.moc"
