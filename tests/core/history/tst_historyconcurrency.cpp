// Several threads, each with its own HistoryStore on one file: WAL lets them
// read while another writes, and writers queue instead of failing.

#include "history_fixture.h"

#include <atomic>
#include <latch>
#include <thread>

using namespace historytest;

class TestHistoryConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoThreadsOnOneFile()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("history.db").toStdString();
        constexpr int Rounds = 40;
        std::latch start(2);
        std::atomic<int> failures { 0 };
        std::vector<std::string> errors(2);

        // Both open the brand-new file at the same moment: both must agree on one schema.
        auto work = [&](int thread) {
            start.arrive_and_wait();
            auto store = HistoryStore::open(path);
            if (!store) {
                errors[thread] = store.error().toString();
                ++failures;
                return;
            }
            const std::string app = "app-" + std::to_string(thread);
            for (int i = 0; i < Rounds; ++i) {
                auto id = store->beginOperation(syncStart(app, "r" + std::to_string(i)));
                capstan::Result<void> step = id
                    ? store->finishOperation(*id,
                        { OperationPhase::Succeeded, "ok", {}, {}, deployment(app, app + ":v" + std::to_string(i)) })
                    : capstan::Result<void>(id.error());
                auto audit = store->appendAudit({ 0, {}, "automated", app, "sync", std::to_string(i) });
                auto other = store->history("app-" + std::to_string(1 - thread), Page { 0, 5 });
                if (!step || !audit || !other) {
                    errors[thread] = !step ? step.error().toString()
                        : !audit           ? audit.error().toString()
                                           : other.error().toString();
                    ++failures;
                    return;
                }
            }
        };
        std::thread a(work, 0);
        std::thread b(work, 1);
        a.join();
        b.join();
        QVERIFY2(failures == 0, (errors[0] + " | " + errors[1]).c_str());

        HistoryStore store = openStore(dir);
        for (const std::string app : { "app-0", "app-1" }) {
            auto history = store.history(app);
            HISTORY_VERIFY_OK(history);
            QCOMPARE(history->total, Rounds);
            QCOMPARE(store.deployedImages(app)->size(), std::size_t(Rounds));
        }
        QCOMPARE(store.audit({}, 0)->size(), std::size_t(2 * Rounds));
        QVERIFY(store.unfinishedOperations()->empty());
        // WAL mode is a property of the file: it stays on for the next opener.
        QFile wal(dir.filePath("history.db-wal"));
        QVERIFY(wal.exists());
    }
};

QTEST_GUILESS_MAIN(TestHistoryConcurrency)
#include "tst_historyconcurrency.moc"
