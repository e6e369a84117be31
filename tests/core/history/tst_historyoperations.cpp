// Operations are written before they start and completed after: a crash
// leaves them visible as unfinished.

#include "history_fixture.h"

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace historytest;
using capstan::manifest::ResourceId;

class TestHistoryOperations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void beginFinishRoundTrip()
    {
        QTemporaryDir dir;
        HistoryStore store = openStore(dir);
        OperationStart start = syncStart("orders-prod", "def5678", at(3, 9));
        start.kind = OperationKind::Rollback;
        start.approvalNote = "CHG-1042 approved in CAB";
        start.approvers = { "carol", "dave" };
        start.prune = true;
        start.selectedResources = { ResourceId { "apps", "v1", "Deployment", "prod", "orders" },
            ResourceId { "", "v1", "Service", "prod", "orders" } };
        auto id = store.beginOperation(start);
        HISTORY_VERIFY_OK(id);

        // Visible while it runs, with everything that was known at the start.
        auto running = store.operation(*id);
        HISTORY_VERIFY_OK(running);
        QCOMPARE(running->phase, OperationPhase::Running);
        QVERIFY(!running->finishedAt.isValid());
        QCOMPARE(running->approvers, start.approvers);
        QCOMPARE(running->selectedResources, start.selectedResources);

        const std::vector<ResourceResult> results = {
            { ResourceId { "apps", "v1", "Deployment", "prod", "orders" }, ResourceStatus::Synced, "configured" },
            { ResourceId { "", "v1", "ConfigMap", "prod", "old" }, ResourceStatus::Pruned, "pruned" },
        };
        HISTORY_VERIFY_OK(store.updateOperation(*id, { OperationPhase::Running, "wave 0 applied", { results[0] } }));
        OperationFinish finish { OperationPhase::Succeeded, "successfully synced", at(3, 9, 2), results,
            deployment("orders", "registry.local/orders:v1.1.0") };
        HISTORY_VERIFY_OK(store.finishOperation(*id, finish));

        auto entry = store.historyEntry(*id);
        HISTORY_VERIFY_OK(entry);
        const Operation &op = entry->operation;
        QCOMPARE(op.app, start.app);
        QCOMPARE(op.kind, OperationKind::Rollback);
        QCOMPARE(op.revision, start.revision);
        QCOMPARE(op.sourcePath, start.sourcePath);
        QCOMPARE(op.initiatedBy, start.initiatedBy);
        QCOMPARE(op.approvalNote, start.approvalNote);
        QCOMPARE(op.approvers, start.approvers);
        QVERIFY(op.prune);
        QVERIFY(!op.dryRun);
        QCOMPARE(op.startedAt, at(3, 9));
        QCOMPARE(entry->deployedAt(), at(3, 9, 2));
        QCOMPARE(entry->result(), OperationPhase::Succeeded);
        QCOMPARE(op.message, finish.message);
        QCOMPARE(op.resources, results);
        QCOMPARE(op.appliedManifests, finish.appliedManifests);
        QVERIFY(!entry->badMark);

        auto unfinished = store.unfinishedOperations();
        HISTORY_VERIFY_OK(unfinished);
        QVERIFY(unfinished->empty());
    }

    void crashLeavesUnfinishedOperation_data()
    {
        QTest::addColumn<bool>("killed");
        QTest::newRow("store closed without finishing") << false;
        QTest::newRow("process ended abruptly") << true;
    }

    void crashLeavesUnfinishedOperation()
    {
        QFETCH(bool, killed);
        QTemporaryDir dir;
        std::int64_t owner = QCoreApplication::applicationPid();
        // The process that starts the sync: stops with the operation running.
        auto startSync = [&dir](bool endAbruptly) -> std::int64_t {
            HistoryStore store = openStore(dir);
            recordSync(store, syncStart("orders-prod", "abc1234", at(1)), at(1, 12, 1));
            auto id = store.beginOperation(syncStart("orders-prod", "def5678", at(2)));
            if (!id || !store.updateOperation(*id, { OperationPhase::Running, "applying wave 1", {} }))
                return 0;
            if (endAbruptly) // no destructors, no checkpoint: the WAL is left as it is; the id is the exit status
                ::_exit(static_cast<int>(*id));
            return *id;
        };
        std::int64_t crashed = 0;
        if (killed) {
            const pid_t child = ::fork();
            QVERIFY(child >= 0);
            if (child == 0) {
                startSync(true);
                ::_exit(0); // begin or update failed
            }
            int status = 0;
            QCOMPARE(::waitpid(child, &status, 0), child);
            QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) != 0);
            QVERIFY(QFile::exists(dir.filePath("history.db-wal")));
            owner = child;
            crashed = WEXITSTATUS(status);
        } else {
            crashed = startSync(false);
            QVERIFY(crashed != 0);
        }

        HistoryStore reopened = openStore(dir);
        auto unfinished = reopened.unfinishedOperations();
        HISTORY_VERIFY_OK(unfinished);
        QCOMPARE(unfinished->size(), 1u);
        QCOMPARE(unfinished->front().id, crashed);
        QCOMPARE(unfinished->front().revision, std::string("def5678"));
        QCOMPARE(unfinished->front().message, std::string("applying wave 1"));
        QCOMPARE(unfinished->front().ownerPid, owner);
        // Not history: it has no result.
        auto history = reopened.history("orders-prod");
        HISTORY_VERIFY_OK(history);
        QCOMPARE(history->total, 1);

        HISTORY_VERIFY_OK(reopened.markInterrupted(crashed, "Capstan stopped during the sync", at(2, 13)));
        unfinished = reopened.unfinishedOperations();
        HISTORY_VERIFY_OK(unfinished);
        QVERIFY(unfinished->empty());
        auto op = reopened.operation(crashed);
        HISTORY_VERIFY_OK(op);
        QCOMPARE(op->phase, OperationPhase::Interrupted);
        QCOMPARE(op->finishedAt, at(2, 13));
        // An interrupted operation cannot be finished afterwards.
        QVERIFY(!reopened.finishOperation(crashed, {}).ok());
    }

    void refusedTransitions_data()
    {
        QTest::addColumn<int>("action");
        QTest::addColumn<QString>("expected");
        QTest::newRow("finish twice") << 0 << "already finished (Succeeded)";
        QTest::newRow("update after finish") << 1 << "already finished";
        QTest::newRow("finish as Running") << 2 << "not Running";
        QTest::newRow("update as Succeeded") << 3 << "finish it instead";
        QTest::newRow("unknown operation") << 4 << "there is no operation 999";
        QTest::newRow("interrupt finished") << 5 << "already finished";
    }

    void refusedTransitions()
    {
        QFETCH(int, action);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        HistoryStore store = openStore(dir);
        const std::int64_t done = recordSync(store, syncStart("a", "r1"), at(1));
        auto running = store.beginOperation(syncStart("a", "r2"));
        HISTORY_VERIFY_OK(running);
        capstan::Result<void> result;
        switch (action) {
        case 0:
            result = store.finishOperation(done, {});
            break;
        case 1:
            result = store.updateOperation(done, {});
            break;
        case 2:
            result = store.finishOperation(*running, { OperationPhase::Running, {}, {}, {}, {} });
            break;
        case 3:
            result = store.updateOperation(*running, { OperationPhase::Succeeded, {}, {} });
            break;
        case 4:
            result = store.finishOperation(999, {});
            break;
        case 5:
            result = store.markInterrupted(done);
            break;
        }
        QVERIFY(!result.ok());
        QVERIFY2(QString::fromStdString(result.error().message).contains(expected), result.error().message.c_str());
        // Errors name the database file.
        QCOMPARE(QString::fromStdString(result.error().where), dir.filePath("history.db"));
        // A refused finish leaves the running operation running.
        auto unfinished = store.unfinishedOperations();
        HISTORY_VERIFY_OK(unfinished);
        QCOMPARE(unfinished->size(), 1u);
    }

    void incompleteStartRefused()
    {
        QTemporaryDir dir;
        HistoryStore store = openStore(dir);
        OperationStart nobody = syncStart("a", "r1");
        nobody.initiatedBy.clear();
        QVERIFY(!store.beginOperation(nobody).ok());
        QVERIFY(!store.beginOperation(syncStart("", "r1")).ok());
    }

    void dryRunsAndGitOperationsAreNotHistory()
    {
        QTemporaryDir dir;
        HistoryStore store = openStore(dir);
        OperationStart dry = syncStart("a", "r1", at(1));
        dry.dryRun = true;
        const std::int64_t dryId = recordSync(store, dry, at(1));
        const std::int64_t revert = recordSync(store, syncStart("a", "r2", at(2), OperationKind::Revert), at(2));
        const std::int64_t failed = recordSync(store, syncStart("a", "r3", at(3)), at(3), {}, OperationPhase::Failed);
        QVERIFY(dryId && revert && failed);
        auto history = store.history("a");
        HISTORY_VERIFY_OK(history);
        QCOMPARE(history->total, 1);
        QCOMPARE(history->entries.front().id(), failed);
        QCOMPARE(history->entries.front().result(), OperationPhase::Failed);
        QVERIFY(!store.historyEntry(dryId).ok());
        QVERIFY(store.operation(revert).ok());
    }

    void reopenKeepsSchemaAndData()
    {
        QTemporaryDir dir;
        std::int64_t id = 0;
        {
            HistoryStore store = openStore(dir);
            id = recordSync(store, syncStart("a", "r1"), at(1));
        }
        HistoryStore again = openStore(dir);
        auto entry = again.historyEntry(id);
        HISTORY_VERIFY_OK(entry);
        QCOMPARE(entry->operation.revision, std::string("r1"));
    }

    void newerSchemaRefused()
    {
        QTemporaryDir dir;
        {
            openStore(dir);
        }
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(dir.filePath("history.db").toUtf8().constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "UPDATE schema_version SET version = 999", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
        auto store = HistoryStore::open(dir.filePath("history.db").toStdString());
        QVERIFY(!store.ok());
        QVERIFY(QString::fromStdString(store.error().message).contains("newer"));
        QCOMPARE(QString::fromStdString(store.error().where), dir.filePath("history.db"));
    }

    void unopenablePathNamed()
    {
        const std::string path = "/nonexistent-dir/history.db";
        auto store = HistoryStore::open(path);
        QVERIFY(!store.ok());
        QCOMPARE(store.error().where, path);
    }
};

QTEST_GUILESS_MAIN(TestHistoryOperations)
#include "tst_historyoperations.moc"
