// Secret values never reach the history database, whatever the caller forgot
// to mask: neither their plain text nor their base64 appears in the file.

#include "history_fixture.h"

#include <QDir>

using namespace historytest;

namespace {

const QByteArray Plain = "hunter2-s3cr3t-PLAIN";

// Every byte of the database and its WAL and journal files.
QByteArray databaseBytes(const QTemporaryDir &dir)
{
    QByteArray bytes;
    const QStringList files = QDir(dir.path()).entryList({ "history.db*" }, QDir::Files);
    for (const QString &name : files) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    return bytes;
}

} // namespace

class TestHistorySecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secretValuesNeverStored_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        const QByteArray b64 = Plain.toBase64();
        const QByteArray meta = "metadata:\n  name: db-credentials\n  namespace: prod\n";
        QTest::newRow("data, base64") << "apiVersion: v1\nkind: Secret\n" + meta + "data:\n  password: " + b64 + "\n";
        QTest::newRow("stringData, plain")
            << "apiVersion: v1\nkind: Secret\n" + meta + "stringData:\n  password: " + Plain + "\n";
        QTest::newRow("caller masked data, forgot stringData") << "apiVersion: v1\nkind: Secret\n" + meta
                + "data:\n  token: '++++++++'\nstringData:\n  password: " + Plain + "\n";
        QTest::newRow("last-applied annotation")
            << "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-credentials\n  annotations:\n"
               "    kubectl.kubernetes.io/last-applied-configuration: '{\"data\":{\"password\":\""
                + b64 + "\"}}'\ndata:\n  password: '++++++++'\n";
        QTest::newRow("repeated data key") << "apiVersion: v1\nkind: Secret\n" + meta + "data:\n  password: " + b64
                + "\ndata:\n  password: '++++++++'\n";
        QTest::newRow("inside a List") << "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Secret\n  "
                                          "metadata: {name: db-credentials}\n"
                                          "  data: {password: "
                + b64 + "}\n";
        QTest::newRow("among other objects, any apiVersion") << QByteArray(deployment("orders", "orders:v1").c_str())
                + "---\napiVersion: v2\nkind: Secret\n" + meta + "data:\n  password: " + b64 + "\n";
    }

    void secretValuesNeverStored()
    {
        QFETCH(QByteArray, yaml);
        QTemporaryDir dir;
        std::int64_t id = 0;
        {
            HistoryStore store = openStore(dir);
            id = recordSync(store, syncStart("orders-prod", "r1", at(1)), at(1), yaml.toStdString());
            QVERIFY(id != 0);
            auto entry = store.historyEntry(id);
            HISTORY_VERIFY_OK(entry);
            // The Secret is still recorded, its values as masks.
            const QByteArray stored = QByteArray::fromStdString(entry->operation.appliedManifests);
            QVERIFY2(stored.contains("db-credentials"), stored.constData());
            QVERIFY2(stored.contains("++++++++"), stored.constData());
            QVERIFY2(!stored.contains(Plain) && !stored.contains(Plain.toBase64()), stored.constData());
        }
        const QByteArray bytes = databaseBytes(dir);
        QVERIFY(!bytes.isEmpty());
        QVERIFY(bytes.contains("orders-prod")); // the check reads the right bytes
        QVERIFY(!bytes.contains(Plain));
        QVERIFY(!bytes.contains(Plain.toBase64()));
    }

    void manifestsWithoutSecretsKeptAsGiven()
    {
        QTemporaryDir dir;
        HistoryStore store = openStore(dir);
        // Not canonical on purpose: the store keeps the text as applied.
        const std::string yaml = "# rendered at def5678\nkind: ConfigMap\napiVersion: v1\nmetadata: {name: settings}\n"
                                 "data: {password-hint: ask the on-call}\n";
        const std::int64_t id = recordSync(store, syncStart("orders-prod", "r1", at(1)), at(1), yaml);
        QVERIFY(id != 0);
        QCOMPARE(store.historyEntry(id)->operation.appliedManifests, yaml);
    }

    void uncheckableManifestsRefused()
    {
        QTemporaryDir dir;
        HistoryStore store = openStore(dir);
        auto id = store.beginOperation(syncStart("orders-prod", "r1", at(1)));
        HISTORY_VERIFY_OK(id);
        OperationFinish finish;
        finish.appliedManifests = "kind: Secret\ndata: {password: " + Plain.toStdString() + "\n  broken: [";
        auto result = store.finishOperation(*id, finish);
        QVERIFY(!result.ok());
        QVERIFY2(QString::fromStdString(result.error().message).contains("not stored"), result.error().message.c_str());
        // Still unfinished: the caller can retry with valid manifests.
        QCOMPARE(store.unfinishedOperations()->size(), 1u);
    }
};

QTEST_GUILESS_MAIN(TestHistorySecrets)
#include "tst_historysecrets.moc"
