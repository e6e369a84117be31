// The audit log of approvals and operations: appended, listed newest first,
// and never rewritten, not even by SQL run directly on the file.

#include "history_fixture.h"

#include <sqlite3.h>

using namespace historytest;

namespace {

AuditEvent auditEvent(const std::string &actor, const std::string &app, const std::string &action,
    const std::string &details = {}, const QDateTime &time = {})
{
    return AuditEvent { 0, time, actor, app, action, details };
}

QStringList actions(const std::vector<AuditEvent> &events)
{
    QStringList list;
    for (const AuditEvent &e : events)
        list << QString::fromStdString(e.app + ":" + e.action);
    return list;
}

} // namespace

class TestAuditLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appendAndList()
    {
        QTemporaryDir dir;
        HistoryStore store = openStore(dir);
        auto first = store.appendAudit(auditEvent("carol", "orders-prod", "sync-approved", "CHG-1042", at(3, 9)));
        HISTORY_VERIFY_OK(first);
        HISTORY_VERIFY_OK(store.appendAudit(auditEvent("dave", "orders-prod", "sync-refused", "outside window")));
        HISTORY_VERIFY_OK(store.appendAudit(auditEvent("alice", "billing-prod", "rollback")));
        HISTORY_VERIFY_OK(store.appendAudit(auditEvent("alice", "", "promote", "order-service def5678 to staging")));

        auto all = store.audit();
        HISTORY_VERIFY_OK(all);
        QCOMPARE(actions(*all),
            (QStringList {
                ":promote", "billing-prod:rollback", "orders-prod:sync-refused", "orders-prod:sync-approved" }));
        const AuditEvent &approved = all->back();
        QCOMPARE(approved.id, *first);
        QCOMPARE(approved.actor, std::string("carol"));
        QCOMPARE(approved.details, std::string("CHG-1042"));
        QCOMPARE(approved.time, at(3, 9));
        // An event without a time is stamped now.
        QVERIFY(qAbs(all->at(2).time.secsTo(QDateTime::currentDateTimeUtc())) < 60);

        auto orders = store.audit(std::string("orders-prod"), 1);
        HISTORY_VERIFY_OK(orders);
        QCOMPARE(actions(*orders), QStringList { "orders-prod:sync-refused" });
        QVERIFY(!store.appendAudit(auditEvent("", "orders-prod", "rollback")).ok());
    }

    void appendOnly_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::newRow("update") << QByteArray("UPDATE audit SET actor = 'mallory'");
        QTest::newRow("delete") << QByteArray("DELETE FROM audit");
        QTest::newRow("replace") << QByteArray("INSERT OR REPLACE INTO audit (id, time, actor, app, action, details)"
                                               " SELECT id, time, 'mallory', app, action, details FROM audit");
    }

    void appendOnly()
    {
        QFETCH(QByteArray, sql);
        QTemporaryDir dir;
        {
            HistoryStore store = openStore(dir);
            HISTORY_VERIFY_OK(store.appendAudit(auditEvent("carol", "orders-prod", "sync-approved")));
        }
        // Straight at the file, around the store's API.
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(dir.filePath("history.db").toUtf8().constData(), &db), SQLITE_OK);
        char *message = nullptr;
        const int rc = sqlite3_exec(db, sql.constData(), nullptr, nullptr, &message);
        const QString error = QString::fromUtf8(message ? message : "");
        sqlite3_free(message);
        sqlite3_close(db);
        QVERIFY(rc != SQLITE_OK);
        QVERIFY2(error.contains("append-only"), qPrintable(error));

        HistoryStore store = openStore(dir);
        auto all = store.audit();
        HISTORY_VERIFY_OK(all);
        QCOMPARE(all->size(), 1u);
        QCOMPARE(all->front().actor, std::string("carol"));
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
