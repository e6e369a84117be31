// Sync operations against an in-memory sandbox whose clock the runner steps: waves, hooks,
// retries, termination and timeouts.

#include "fixture.h"

#include "reconcile/health/health.h"

using namespace capstan;
using namespace capstan::sync;
using namespace capstan::sync::test;
using namespace std::chrono_literals;

namespace {

QString str(health::HealthStatus s)
{
    const auto text = health::toString(s);
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

std::string uidOf(
    cluster::SandboxCluster &c, const std::string &group, const std::string &kind, const std::string &name)
{
    auto o = c.get({ group, kind, "shop", name });
    return o ? o->root().textAt({ "metadata", "uid" }) : std::string();
}

} // namespace

class TestSyncRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullSyncOfSmallApp()
    {
        auto c = sandbox();
        AppHarness app { *c };
        const auto desired
            = objects(join({ kNamespace, configMap("settings", "on"), deployment("web", "nginx:1.25"), kService }));
        QCOMPARE(str(app.compare(desired).status), str(compare::SyncStatus::OutOfSync));

        const OperationState state = app.sync(desired);
        QCOMPARE(str(state.phase), str(OperationPhase::Succeeded));
        QCOMPARE(state.message, std::string("successfully synced (all tasks run)"));
        QVERIFY(state.finishedAt.has_value());
        QCOMPARE(state.resources.size(), std::size_t(4));
        for (const auto &r : state.resources)
            QCOMPARE(str(r.status), str(std::optional(ResultCode::Synced)));
        QCOMPARE(result(state, "Namespace", "shop")->message, std::string("namespace/shop created"));
        QCOMPARE(result(state, "Deployment", "web")->message, std::string("deployment.apps/web created"));
        QCOMPARE(result(state, "Deployment", "web")->ns, std::string("shop"));
        // Namespace first, then kind order.
        QCOMPARE(state.resources.front().kind, std::string("Namespace"));

        const auto after = app.compare(desired);
        QCOMPARE(str(after.status), str(compare::SyncStatus::Synced));

        // Syncing again changes nothing.
        const OperationState again = app.sync(desired);
        QCOMPARE(str(again.phase), str(OperationPhase::Succeeded));
        QCOMPARE(result(again, "ConfigMap", "settings")->message, std::string("configmap/settings unchanged"));
    }

    void nextWaveWaitsForHealthyDeployment()
    {
        auto c = sandbox();
        addNamespace(*c);
        AppHarness app { *c };
        const auto desired
            = objects(join({ deployment("web", "nginx:1.25", wave(0)), configMap("after", "x", wave(1)) }));
        auto op = app.operation(app.plan(desired));
        const auto started = c->now();
        bool sawWaiting = false;
        while (!op->step()) {
            const auto s = op->state();
            sawWaiting = sawWaiting || s.message == "waiting for healthy state of apps/Deployment/web";
            if (app.exists("", "ConfigMap", "after", "shop")) {
                // Wave 1 was applied only once wave 0 was healthy.
                auto web = c->get({ "apps", "Deployment", "shop", "web" });
                QVERIFY(web.ok());
                QCOMPARE(str(health::assess(*web)->status), str(health::HealthStatus::Healthy));
            }
        }
        QVERIFY(sawWaiting);
        QVERIFY(c->now() - started >= 3s); // the clock really moved while waiting
        const auto s = op->state();
        QCOMPARE(str(s.phase), str(OperationPhase::Succeeded));
        QVERIFY(app.exists("", "ConfigMap", "after", "shop"));
        QCOMPARE(str(result(s, "Deployment", "web")->hookPhase), str(OperationPhase::Succeeded));
        QCOMPARE(result(s, "ConfigMap", "after")->wave, 1);
    }

    void failingPreSyncHookRunsSyncFail()
    {
        auto c = sandbox();
        addNamespace(*c);
        QVERIFY(c->registry().markBroken("migrate:broken").ok());
        AppHarness app { *c };
        const auto desired = objects(join({ jobHook("migrate", "PreSync", "migrate:broken"),
            jobHook("notify", "SyncFail", "busybox:1"), configMap("settings", "on") }));
        const OperationState s = app.sync(desired);
        QCOMPARE(str(s.phase), str(OperationPhase::Failed));
        QVERIFY2(contains(s.message, "one or more synchronization tasks completed unsuccessfully"), s.message.c_str());
        QVERIFY2(contains(s.message, "batch/Job/migrate"), s.message.c_str());
        const auto *migrate = result(s, "Job", "migrate");
        QVERIFY(migrate);
        QCOMPARE(str(migrate->hookPhase), str(OperationPhase::Failed));
        QCOMPARE(str(migrate->hookType), str(std::optional(SyncPhase::PreSync)));
        const auto *notify = result(s, "Job", "notify");
        QVERIFY(notify);
        QCOMPARE(str(notify->syncPhase), str(SyncPhase::SyncFail));
        QCOMPARE(str(notify->hookPhase), str(OperationPhase::Succeeded));
        // The Sync phase never ran.
        QVERIFY(!result(s, "ConfigMap", "settings"));
        QVERIFY(!app.exists("", "ConfigMap", "settings", "shop"));
    }

    void hookDeletePolicy_data()
    {
        QTest::addColumn<QString>("policy");
        QTest::addColumn<bool>("hookSucceeds");
        QTest::addColumn<bool>("remains");
        QTest::newRow("HookSucceeded, succeeded") << "HookSucceeded" << true << false;
        QTest::newRow("HookSucceeded, failed") << "HookSucceeded" << false << true;
        QTest::newRow("HookFailed, failed") << "HookFailed" << false << false;
        QTest::newRow("HookFailed, succeeded") << "HookFailed" << true << true;
        QTest::newRow("BeforeHookCreation") << "BeforeHookCreation" << true << true;
    }
    void hookDeletePolicy()
    {
        QFETCH(QString, policy);
        QFETCH(bool, hookSucceeds);
        QFETCH(bool, remains);
        auto c = sandbox();
        addNamespace(*c);
        QVERIFY(c->registry().markBroken("task:broken").ok());
        AppHarness app { *c };
        const auto desired
            = objects(join({ jobHook("task", "PostSync", hookSucceeds ? "task:ok" : "task:broken",
                                 "    argocd.argoproj.io/hook-delete-policy: " + policy.toStdString() + "\n"),
                configMap("settings", "on") }));
        const OperationState s = app.sync(desired);
        QCOMPARE(str(s.phase), str(hookSucceeds ? OperationPhase::Succeeded : OperationPhase::Failed));
        QCOMPARE(app.exists("batch", "Job", "task", "shop"), remains);
    }

    void beforeHookCreationRecreatesTheHook()
    {
        auto c = sandbox();
        addNamespace(*c);
        AppHarness app { *c };
        const auto desired = objects(join({ jobHook("migrate", "PreSync", "busybox:1"), configMap("settings", "on") }));
        QCOMPARE(str(app.sync(desired).phase), str(OperationPhase::Succeeded));
        const std::string first = uidOf(*c, "batch", "Job", "migrate");
        QVERIFY(!first.empty());
        const OperationState again = app.sync(desired);
        QCOMPARE(str(again.phase), str(OperationPhase::Succeeded));
        const std::string second = uidOf(*c, "batch", "Job", "migrate");
        QVERIFY(!second.empty());
        QVERIFY(first != second); // deleted and created anew, so it ran again
    }

    void retryWithBackoff()
    {
        auto c = sandbox();
        AppHarness app { *c };
        SyncRequest request;
        RetryStrategy retry;
        retry.limit = 2;
        retry.backoff = Backoff { "10s", 3, "1m" };
        request.retry = retry;
        auto op = app.operation(app.plan(objects(configMap("settings", "1")), request)); // no namespace yet

        QVERIFY(!op->step());
        auto s = op->state();
        QCOMPARE(str(s.phase), str(OperationPhase::Running));
        QCOMPARE(s.retryCount, std::int64_t(1));
        QVERIFY(s.finishedAt && s.nextRetryAt);
        QCOMPARE(*s.nextRetryAt - *s.finishedAt, std::chrono::system_clock::duration(10s));
        QVERIFY2(contains(s.message, ". Retrying attempt #1 at "), s.message.c_str());

        // Not due yet: nothing happens.
        QVERIFY(c->advance(5s).ok());
        QVERIFY(!op->step());
        QCOMPARE(op->state().retryCount, std::int64_t(1));

        QVERIFY(c->advance(5s).ok());
        QVERIFY(!op->step()); // attempt 2 fails too
        s = op->state();
        QCOMPARE(s.retryCount, std::int64_t(2));
        QCOMPARE(*s.nextRetryAt - *s.finishedAt, std::chrono::system_clock::duration(30s));

        // Fixed in the meantime: the last retry succeeds.
        addNamespace(*c);
        QVERIFY(c->advance(30s).ok());
        op->run();
        s = op->state();
        QCOMPARE(str(s.phase), str(OperationPhase::Succeeded));
        QCOMPARE(s.retryCount, std::int64_t(2));
        QVERIFY(!s.nextRetryAt);
        QVERIFY(app.exists("", "ConfigMap", "settings", "shop"));
    }

    void retriesRunOut()
    {
        auto c = sandbox();
        AppHarness app { *c };
        SyncRequest request;
        request.retry = RetryStrategy { 1, Backoff { "5s", 2, "3m" } };
        auto op = app.operation(app.plan(objects(configMap("settings", "1")), request));
        op->run();
        const auto s = op->state();
        QCOMPARE(str(s.phase), str(OperationPhase::Failed));
        QCOMPARE(s.retryCount, std::int64_t(1));
        QVERIFY2(contains(s.message, "(retried 1 times)."), s.message.c_str());
    }

    void terminateMidOperation()
    {
        auto c = sandbox();
        addNamespace(*c);
        AppHarness app { *c };
        auto op = app.operation(app.plan(
            objects(join({ jobHook("migrate", "PreSync", "busybox:1", {}, 600), configMap("settings", "1") }))));
        for (int i = 0; i < 5; ++i)
            QVERIFY(!op->step());
        QCOMPARE(op->state().message, std::string("waiting for completion of hook batch/Job/migrate"));
        QVERIFY(app.exists("batch", "Job", "migrate", "shop"));
        op->terminate();
        QCOMPARE(str(op->state().phase), str(OperationPhase::Terminating));
        QVERIFY(op->step());
        const auto s = op->state();
        QCOMPARE(str(s.phase), str(OperationPhase::Failed));
        QCOMPARE(s.message, std::string("Operation terminated"));
        QVERIFY(!app.exists("batch", "Job", "migrate", "shop")); // the running hook was stopped
        QVERIFY(!app.exists("", "ConfigMap", "settings", "shop"));
        QVERIFY(op->step()); // finished stays finished
    }

    void brokenImageTimesOutTheWave_data()
    {
        QTest::addColumn<QString>("image");
        QTest::newRow("missing tag (ImagePullBackOff)") << "nginx:9.9";
        QTest::newRow("broken (CrashLoopBackOff)") << "nginx:1.25-broken";
    }
    void brokenImageTimesOutTheWave()
    {
        QFETCH(QString, image);
        auto c = sandbox();
        addNamespace(*c);
        QVERIFY(c->registry().addImage("nginx", { "1.25", "1.25-broken" }).ok());
        QVERIFY(c->registry().markBroken("nginx:1.25-broken").ok());
        AppHarness app { *c };
        app.waveTimeout = 60s;
        const auto start = c->now();
        const OperationState s = app.sync(
            objects(join({ deployment("web", image.toStdString(), wave(0)), configMap("after", "x", wave(1)) })));
        QCOMPARE(str(s.phase), str(OperationPhase::Failed));
        QVERIFY2(contains(s.message, "timed out after 60s waiting for healthy state of apps/Deployment/web"),
            s.message.c_str());
        QVERIFY(c->now() - start >= 60s);
        QVERIFY(c->now() - start < 70s);
        QCOMPARE(str(result(s, "Deployment", "web")->hookPhase), str(OperationPhase::Failed));
        QVERIFY(!app.exists("", "ConfigMap", "after", "shop"));
    }
};

QTEST_GUILESS_MAIN(TestSyncRun)
#include "tst_sync_run.moc"
