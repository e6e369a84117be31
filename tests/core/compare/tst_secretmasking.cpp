#include "manifest/yaml_reader.h"
#include "reconcile/compare/compare.h"

#include <QtTest>

using namespace capstan;
using namespace capstan::compare;

namespace {

std::vector<manifest::Object> objects(const QByteArray &yaml)
{
    auto parsed = manifest::parseObjects(yaml.toStdString(), "secret.yaml");
    if (!parsed)
        qFatal("bad test YAML: %s", parsed.error().toString().c_str());
    return *parsed;
}

QByteArray b64(const char *plain)
{
    return QByteArray(plain).toBase64();
}

// Every string the comparison hands out.
QString everything(const CompareResult &result)
{
    QString all;
    for (const ResourceComparison &r : result.resources)
        all += QString::fromStdString(r.desiredYaml + r.liveYaml + r.diff + r.id.toString());
    if (result.error)
        all += QString::fromStdString(result.error->toString());
    return all;
}

const char *const Unchanged = "s3cr3t-unchanged";
const char *const OldToken = "tok-old-value";
const char *const NewToken = "tok-new-value";
const char *const Stale = "stale-but-live";
const char *const GitOnly = "only-in-git";

} // namespace

class TestSecretMasking : public QObject
{
    Q_OBJECT

private:
    CompareResult compareSecrets()
    {
        // Git: one value as stringData (plain text), the others as data (base64).
        const QByteArray desired = "apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: prod}\n"
                                   "stringData:\n  password: "
            + QByteArray(Unchanged)
            + "\n"
              "data:\n  token: "
            + b64(NewToken) + "\n  fresh: " + b64(GitOnly)
            + "\n"
              "---\napiVersion: v1\nkind: Secret\nmetadata: {name: new, namespace: prod}\n"
              "stringData: {key: "
            + QByteArray(GitOnly) + "}\n";
        // Live: what the server stores, with the plain-text last-applied copy
        // kubectl leaves behind, and a tracked Secret no longer in Git.
        const QByteArray live
            = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: prod\n"
              "  annotations:\n"
              "    argocd.argoproj.io/tracking-id: shop:/Secret:prod/db\n"
              "    kubectl.kubernetes.io/last-applied-configuration: '{\"stringData\":{\"password\":\""
            + QByteArray(Unchanged) + "\",\"token\":\"" + QByteArray(OldToken)
            + "\"}}'\n"
              "data:\n  password: "
            + b64(Unchanged) + "\n  token: " + b64(OldToken)
            + "\n"
              "  stale: "
            + b64(Stale)
            + "\n"
              "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: gone\n  namespace: prod\n"
              "  annotations: {argocd.argoproj.io/tracking-id: 'shop:/Secret:prod/gone'}\n"
              "data: {key: "
            + b64(Stale) + "}\n";
        CompareRequest request;
        request.appName = "shop";
        request.desired = objects(desired);
        request.live = objects(live);
        return compareApp(request);
    }

private Q_SLOTS:
    void neverLeaks_data()
    {
        QTest::addColumn<QByteArray>("plain");
        for (const char *value : { Unchanged, OldToken, NewToken, Stale, GitOnly })
            QTest::newRow(value) << QByteArray(value);
    }

    // No value, in plain text or base64, appears anywhere in the output.
    void neverLeaks()
    {
        QFETCH(QByteArray, plain);
        const CompareResult result = compareSecrets();
        QCOMPARE(result.resources.size(), std::size_t(3));
        const QString all = everything(result);
        QVERIFY2(!all.contains(QString::fromLatin1(plain)), qPrintable(all));
        QVERIFY2(!all.contains(QString::fromLatin1(plain.toBase64())), qPrintable(all));
        // Also not as a base64 fragment without padding.
        QVERIFY(!all.contains(QString::fromLatin1(plain.toBase64(QByteArray::OmitTrailingEquals))));
    }

    // Same value, same mask; changed value, a different mask — so the diff
    // still tells which keys changed.
    void masksTellEqualFromChanged()
    {
        const CompareResult result = compareSecrets();
        QCOMPARE(result.status, SyncStatus::OutOfSync);
        const ResourceComparison &db = result.resources[0];
        QCOMPARE(db.status, ResourceStatus::OutOfSync);
        QVERIFY2(db.desiredYaml.find("password: ++++++++\n") != std::string::npos, db.desiredYaml.c_str());
        QVERIFY2(db.liveYaml.find("password: ++++++++\n") != std::string::npos, db.liveYaml.c_str());
        QVERIFY(db.desiredYaml.find("token: ++++++++\n") != std::string::npos);
        QVERIFY(db.liveYaml.find("token: ++++++++++++\n") != std::string::npos);
        QVERIFY2(db.diff.find("-  token: ++++++++++++\n+  token: ++++++++\n") != std::string::npos, db.diff.c_str());
        // Unchanged: at most a context line, never a change.
        QVERIFY(db.diff.find("-  password") == std::string::npos);
        QVERIFY(db.diff.find("+  password") == std::string::npos);
    }

    void missingAndPrunedSecretsAreMasked()
    {
        const CompareResult result = compareSecrets();
        QCOMPARE(result.resources[1].status, ResourceStatus::Missing);
        QVERIFY2(result.resources[1].desiredYaml.find("key: ++++++++\n") != std::string::npos,
            result.resources[1].desiredYaml.c_str());
        QCOMPARE(result.resources[2].status, ResourceStatus::RequiresPruning);
        QVERIFY(result.resources[2].liveYaml.find("key: ++++++++\n") != std::string::npos);
    }

    void stringDataComparesWithData()
    {
        CompareRequest request;
        request.desired = objects("apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: prod}\n"
                                  "stringData: {password: hunter2}\n");
        request.live = objects("apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: prod}\ntype: Opaque\n"
                               "data: {password: "
            + b64("hunter2") + "}\n");
        const CompareResult result = compareApp(request);
        QVERIFY2(result.status == SyncStatus::Synced, result.resources[0].diff.c_str());
        QVERIFY(result.resources[0].liveYaml.find("hunter2") == std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestSecretMasking)
#include "tst_secretmasking.moc"
