// The name suffix of generated ConfigMaps and Secrets; expected values are the
// suffixes `kubectl kustomize` produced for the same content.
#include "kustomize/content_hash.h"
#include "manifest/yaml_reader.h"

#include <QTest>

using namespace capstan;

class TestContentHash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void suffix_data()
    {
        QTest::addColumn<QString>("object");
        QTest::addColumn<QString>("suffix");
        QTest::newRow("configmap literal") << "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata: {a: \"1\"}\n"
                                           << "h29d89cmmt";
        // The name never takes part: kustomize looks it up under a key that does not exist.
        QTest::newRow("same data, other name") << "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: p-cm-x}\ndata: {a: \"1\"}\n"
                                               << "h29d89cmmt";
        QTest::newRow("configmap without data") << "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: empty}\n"
                                                << "6ct58987ht";
    }

    void suffix()
    {
        QFETCH(QString, object);
        QFETCH(QString, suffix);
        auto docs = manifest::parseDocuments(object.toStdString(), "test.yaml");
        QVERIFY(docs.ok());
        QCOMPARE(QString::fromStdString(kustomize::contentHash(docs->front())), suffix);
    }

    void jsonEscapesLikeGo()
    {
        QCOMPARE(QString::fromStdString(kustomize::encodeJson(manifest::Node::string("<a & \"b\">\n"))),
                 QStringLiteral("\"\\u003ca \\u0026 \\\"b\\\"\\u003e\\n\""));
    }
};

QTEST_GUILESS_MAIN(TestContentHash)
#include "tst_content_hash.moc"
