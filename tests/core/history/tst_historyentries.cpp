// History entries: order, pages, explicit retention, bad marks, the images
// index and automated-sync skips.

#include "history_fixture.h"

using namespace historytest;

namespace {

// Revisions r1..rN of `app`, finished a day apart from November 1st (r1 oldest).
std::vector<std::int64_t> recordDays(HistoryStore &store, const std::string &app, int count)
{
    std::vector<std::int64_t> ids;
    for (int day = 1; day <= count; ++day) {
        const std::string revision = "r" + std::to_string(day);
        ids.push_back(recordSync(store, syncStart(app, revision, at(day)), at(day, 12, 5)));
    }
    return ids;
}

QStringList revisions(const std::vector<HistoryEntry> &entries)
{
    QStringList list;
    for (const HistoryEntry &entry : entries)
        list << QString::fromStdString(entry.operation.revision);
    return list;
}

} // namespace

class TestHistoryEntries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newestFirstInPages_data()
    {
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("first page") << 0 << 3 << QStringList { "r12", "r11", "r10" };
        QTest::newRow("second page") << 3 << 3 << QStringList { "r9", "r8", "r7" };
        QTest::newRow("last, short page") << 10 << 5 << QStringList { "r2", "r1" };
        QTest::newRow("past the end") << 12 << 5 << QStringList {};
        QTest::newRow("no limit: all twelve, not ten")
            << 0 << 0 << QStringList { "r12", "r11", "r10", "r9", "r8", "r7", "r6", "r5", "r4", "r3", "r2", "r1" };
    }

    void newestFirstInPages()
    {
        QFETCH(int, offset);
        QFETCH(int, limit);
        QFETCH(QStringList, expected);
        QTemporaryDir dir;
        HistoryStore store = openStore(dir);
        // Recorded out of order, and another application in between.
        for (int day : { 5, 1, 12, 3, 7, 2, 9, 4, 11, 6, 10, 8 }) {
            recordSync(store, syncStart("orders", "r" + std::to_string(day), at(day)), at(day, 12, 5));
            recordSync(store, syncStart("billing", "b" + std::to_string(day), at(day)), at(day, 13));
        }
        auto page = store.history("orders", Page { offset, limit });
        HISTORY_VERIFY_OK(page);
        QCOMPARE(page->total, 12);
        QCOMPARE(revisions(page->entries), expected);
        // Lists leave the manifests out unless asked.
        for (const HistoryEntry &entry : page->entries)
            QVERIFY(entry.operation.appliedManifests.empty());
    }

    void listWithManifests()
    {
        QTemporaryDir dir;
        HistoryStore store = openStore(dir);
        const std::string yaml = deployment("orders", "orders:v2");
        recordSync(store, syncStart("orders", "r1", at(1)), at(1), yaml);
        auto page = store.history("orders", {}, ManifestText::Include);
        HISTORY_VERIFY_OK(page);
        QCOMPARE(page->entries.front().operation.appliedManifests, yaml);
    }

    void retentionPrunesOnlyWhenAsked_data()
    {
        QTest::addColumn<std::optional<int>>("keepLast");
        QTest::addColumn<std::optional<int>>("maxAgeDays");
        QTest::addColumn<QString>("ruleApp");
        QTest::addColumn<QStringList>("kept");
        // Entries r1..r10 finished November 1st..10th; prune runs November 11th, 00:00.
        QTest::newRow("keep last 3") << std::optional<int>(3) << std::optional<int>() << "orders"
                                     << QStringList { "r10", "r9", "r8" };
        QTest::newRow("younger than 4 days")
            << std::optional<int>() << std::optional<int>(4) << "orders" << QStringList { "r10", "r9", "r8", "r7" };
        QTest::newRow("both limits: the stricter wins")
            << std::optional<int>(2) << std::optional<int>(4) << "orders" << QStringList { "r10", "r9" };
        QTest::newRow("default rule for all applications")
            << std::optional<int>(1) << std::optional<int>() << "" << QStringList { "r10" };
        QTest::newRow("rule of another application")
            << std::optional<int>(1) << std::optional<int>() << "billing"
            << QStringList { "r10", "r9", "r8", "r7", "r6", "r5", "r4", "r3", "r2", "r1" };
        QTest::newRow("more kept than there are")
            << std::optional<int>(50) << std::optional<int>() << "orders"
            << QStringList { "r10", "r9", "r8", "r7", "r6", "r5", "r4", "r3", "r2", "r1" };
    }

    void retentionPrunesOnlyWhenAsked()
    {
        QFETCH(std::optional<int>, keepLast);
        QFETCH(std::optional<int>, maxAgeDays);
        QFETCH(QString, ruleApp);
        QFETCH(QStringList, kept);
        QTemporaryDir dir;
        HistoryStore store = openStore(dir);
        recordDays(store, "orders", 10);
        const std::int64_t running = *store.beginOperation(syncStart("orders", "r11", at(1)));
        HISTORY_VERIFY_OK(store.markRevisionBad("orders", "r1", "broken image", "bob"));

        const RetentionRule rule { ruleApp.toStdString(), keepLast, maxAgeDays };
        HISTORY_VERIFY_OK(store.setRetention(rule));
        auto rules = store.retentionRules();
        HISTORY_VERIFY_OK(rules);
        QCOMPARE(*rules, std::vector<RetentionRule> { rule });
        // Setting a rule deletes nothing by itself.
        QCOMPARE(store.history("orders")->total, 10);

        auto pruned = store.prune(at(11, 0));
        HISTORY_VERIFY_OK(pruned);
        QCOMPARE(*pruned, 10 - int(kept.size()));
        auto history = store.history("orders", Page { 0, 0 });
        HISTORY_VERIFY_OK(history);
        QCOMPARE(revisions(history->entries), kept);
        // Never the running operation, never the bad marks.
        QVERIFY(store.operation(running).ok());
        QCOMPARE(*store.isBad("orders", "r1"), true);
    }

    void keepLastAlsoPrunesOlderOperations()
    {
        QTemporaryDir dir;
        HistoryStore store = openStore(dir);
        recordDays(store, "orders", 10);
        OperationStart dry = syncStart("orders", "r1", at(1, 8));
        dry.dryRun = true;
        const std::int64_t oldDryRun = recordSync(store, dry, at(1, 8));
        const std::int64_t interrupted = *store.beginOperation(syncStart("orders", "r2", at(2, 8)));
        HISTORY_VERIFY_OK(store.markInterrupted(interrupted, {}, at(2, 9)));
        const std::int64_t recentRevert
            = recordSync(store, syncStart("orders", "r9", at(9, 14), OperationKind::Revert), at(9, 14));

        HISTORY_VERIFY_OK(store.setRetention({ {}, 3, std::nullopt }));
        auto pruned = store.prune(at(11));
        HISTORY_VERIFY_OK(pruned);
        QCOMPARE(*pruned, 7 + 2);
        // Older than the oldest kept entry (r8): gone; newer: kept.
        QVERIFY(!store.operation(oldDryRun).ok());
        QVERIFY(!store.operation(interrupted).ok());
        QVERIFY(store.operation(recentRevert).ok());
    }

    void retentionRejectsNonsense()
    {
        QTemporaryDir dir;
        HistoryStore store = openStore(dir);
        QVERIFY(!store.setRetention({ "orders", 0, std::nullopt }).ok());
        QVERIFY(!store.setRetention({ "orders", std::nullopt, -1 }).ok());
        HISTORY_VERIFY_OK(store.setRetention({ "orders", 5, std::nullopt }));
        HISTORY_VERIFY_OK(store.setRetention({ "orders", std::nullopt, std::nullopt })); // removes it
        QVERIFY(store.retentionRules()->empty());
    }

    void badMarks()
    {
        QTemporaryDir dir;
        HistoryStore store = openStore(dir);
        const auto ids = recordDays(store, "orders", 3);
        HISTORY_VERIFY_OK(store.markEntryBad("orders", ids[1], "CrashLoopBackOff in prod", "bob", at(20)));
        HISTORY_VERIFY_OK(store.markRevisionBad("orders", "r3", "memory leak", "carol", at(21)));
        // Another application's revision of the same name is not bad.
        QCOMPARE(*store.isBad("billing", "r2"), false);
        QCOMPARE(*store.isBad("orders", "r2"), true);
        QCOMPARE(*store.isBad("orders", "r1"), false);

        auto marks = store.badMarks("orders");
        HISTORY_VERIFY_OK(marks);
        QCOMPARE(marks->size(), 2u);
        QCOMPARE(marks->at(0).revision, std::string("r3"));
        QVERIFY(!marks->at(0).historyId);
        QCOMPARE(marks->at(1).revision, std::string("r2"));
        QCOMPARE(marks->at(1).historyId, std::optional<std::int64_t>(ids[1]));
        QCOMPARE(marks->at(1).reason, std::string("CrashLoopBackOff in prod"));
        QCOMPARE(marks->at(1).markedBy, std::string("bob"));
        QCOMPARE(marks->at(1).markedAt, at(20));

        // History shows the mark on the entry, for pickers to warn about.
        auto history = store.history("orders");
        HISTORY_VERIFY_OK(history);
        QVERIFY(history->entries.at(0).badMark);
        QVERIFY(history->entries.at(1).badMark);
        QVERIFY(!history->entries.at(2).badMark);

        QVERIFY(!store.markEntryBad("billing", ids[0], "wrong app", "bob").ok());
        QCOMPARE(*store.clearBad("orders", "r2"), true);
        QCOMPARE(*store.clearBad("orders", "r2"), false);
        QCOMPARE(*store.isBad("orders", "r2"), false);
    }

    void deployedImages()
    {
        QTemporaryDir dir;
        HistoryStore store = openStore(dir);
        const std::string cron = "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: report}\nspec:\n"
                                 "  jobTemplate:\n    spec:\n      template:\n        spec:\n"
                                 "          initContainers: [{name: init, image: 'busybox:1.36'}]\n"
                                 "          containers: [{name: run, image: 'reg:5000/tools/report@sha256:abcd'}]\n";
        const std::string v1 = deployment("orders", "reg:5000/shop/orders:v1.0.0");
        const std::string v2 = deployment("orders", "reg:5000/shop/orders:v1.1.0");
        const std::int64_t a = recordSync(store, syncStart("orders", "r1", at(1)), at(1), v1 + "---\n" + cron);
        const std::int64_t b = recordSync(store, syncStart("orders", "r2", at(2)), at(2), v2);
        // Failed, dry-run and other applications' syncs do not count as run.
        recordSync(store, syncStart("orders", "r3", at(3)), at(3), deployment("orders", "orders:failed"),
            OperationPhase::Failed);
        OperationStart dry = syncStart("orders", "r4", at(4));
        dry.dryRun = true;
        recordSync(store, dry, at(4), deployment("orders", "orders:dry"));
        recordSync(store, syncStart("billing", "r1", at(4)), at(4), deployment("billing", "billing:v9"));
        const std::int64_t c = recordSync(store, syncStart("orders", "r5", at(5), OperationKind::Rollback), at(5), v1);

        auto images = store.deployedImages("orders");
        HISTORY_VERIFY_OK(images);
        QCOMPARE(images->size(), 4u);
        const DeployedImage &latest = images->at(0);
        QCOMPARE(latest.image, std::string("reg:5000/shop/orders:v1.0.0"));
        QCOMPARE(latest.repository, std::string("reg:5000/shop/orders"));
        QCOMPARE(latest.tag, std::string("v1.0.0"));
        QCOMPARE(latest.firstDeployedAt, at(1));
        QCOMPARE(latest.lastDeployedAt, at(5));
        QCOMPARE(latest.historyIds, (std::vector<std::int64_t> { c, a }));
        QCOMPARE(images->at(1).image, std::string("reg:5000/shop/orders:v1.1.0"));
        QCOMPARE(images->at(1).historyIds, std::vector<std::int64_t> { b });
        QStringList rest { QString::fromStdString(images->at(2).image), QString::fromStdString(images->at(3).image) };
        rest.sort();
        QCOMPARE(rest, (QStringList { "busybox:1.36", "reg:5000/tools/report@sha256:abcd" }));
        for (const DeployedImage &image : *images) {
            if (image.image.find('@') != std::string::npos) {
                QCOMPARE(image.repository, std::string("reg:5000/tools/report"));
                QCOMPARE(image.tag, std::string("sha256:abcd"));
            }
        }
        // Pruned history leaves the index with it.
        HISTORY_VERIFY_OK(store.setRetention({ "orders", 1, std::nullopt }));
        HISTORY_VERIFY_OK(store.prune(at(6)));
        images = store.deployedImages("orders");
        HISTORY_VERIFY_OK(images);
        QCOMPARE(images->size(), 1u);
        QCOMPARE(images->front().historyIds, std::vector<std::int64_t> { c });
    }

    void autoSyncSkips()
    {
        QTemporaryDir dir;
        HistoryStore store = openStore(dir);
        HISTORY_VERIFY_OK(store.skipRevisionForAutoSync("orders", "def5678", "rolled back to abc1234", at(3)));
        QCOMPARE(*store.isAutoSyncSkipped("orders", "def5678"), true);
        QCOMPARE(*store.isAutoSyncSkipped("orders", "abc1234"), false);
        QCOMPARE(*store.isAutoSyncSkipped("billing", "def5678"), false);
        auto skips = store.autoSyncSkips("orders");
        HISTORY_VERIFY_OK(skips);
        QCOMPARE(skips->size(), 1u);
        QCOMPARE(skips->front().reason, std::string("rolled back to abc1234"));
        QCOMPARE(skips->front().skippedAt, at(3));
        QCOMPARE(*store.clearAutoSyncSkip("orders", "def5678"), true);
        QCOMPARE(*store.isAutoSyncSkipped("orders", "def5678"), false);
        QCOMPARE(*store.clearAutoSyncSkip("orders", "def5678"), false);
    }
};

QTEST_GUILESS_MAIN(TestHistoryEntries)
#include "tst_historyentries.moc"
