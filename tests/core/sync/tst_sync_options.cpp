// Sync options and requests against an in-memory sandbox: prune, PruneLast, ApplyOutOfSyncOnly,
// selected resources, dry run, Replace, ServerSideApply, CreateNamespace, and Secret masking.

#include "fixture.h"

#include "reconcile/sync/task_actions_p.h"

using namespace capstan;
using namespace capstan::sync;
using namespace capstan::sync::test;
using namespace std::chrono_literals;

class TestSyncOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void prune_data()
    {
        QTest::addColumn<bool>("prune");
        QTest::addColumn<QString>("oldStatus");
        QTest::addColumn<QString>("oldMessage");
        QTest::addColumn<bool>("oldRemains");
        QTest::newRow("prune") << true << "Pruned"
                               << "pruned" << false;
        QTest::newRow("no prune") << false << "PruneSkipped"
                                  << "ignored (requires pruning)" << true;
    }
    void prune()
    {
        QFETCH(bool, prune);
        QFETCH(QString, oldStatus);
        QFETCH(QString, oldMessage);
        QFETCH(bool, oldRemains);
        auto c = sandbox();
        addNamespace(*c);
        AppHarness app { *c };
        QCOMPARE(app.sync(objects(join({ configMap("keep", "1"), configMap("old", "1"),
                              configMap("kept", "1", "    argocd.argoproj.io/sync-options: Prune=false") })))
                     .phase,
            OperationPhase::Succeeded);
        SyncRequest request;
        request.prune = prune;
        const OperationState s = app.sync(objects(configMap("keep", "1")), request);
        QCOMPARE(str(s.phase), str(OperationPhase::Succeeded));
        const auto *old = result(s, "ConfigMap", "old");
        QVERIFY(old);
        QCOMPARE(QString(toString(*old->status)), oldStatus);
        QCOMPARE(QString::fromStdString(old->message), oldMessage);
        QCOMPARE(app.exists("", "ConfigMap", "old", "shop"), oldRemains);
        // Prune=false on the resource wins over --prune.
        const auto *kept = result(s, "ConfigMap", "kept");
        QCOMPARE(str(kept->status), str(std::optional(ResultCode::PruneSkipped)));
        QCOMPARE(kept->message, std::string(prune ? "ignored (no prune)" : "ignored (requires pruning)"));
        QVERIFY(app.exists("", "ConfigMap", "kept", "shop"));
    }

    void pruneLastWaitsForEverything_data()
    {
        QTest::addColumn<bool>("pruneLast");
        QTest::newRow("prune in its wave") << false;
        QTest::newRow("PruneLast") << true;
    }
    void pruneLastWaitsForEverything()
    {
        QFETCH(bool, pruneLast);
        auto c = sandbox();
        addNamespace(*c);
        AppHarness app { *c };
        QCOMPARE(str(app.sync(objects(configMap("old", "1"))).phase), str(OperationPhase::Succeeded));
        SyncRequest request;
        request.prune = true;
        if (pruneLast)
            request.syncOptions = { "PruneLast=true" };
        auto op = app.operation(app.plan(
            objects(join({ deployment("web", "nginx:1.25", wave(0)), configMap("after", "x", wave(1)) })), request));
        bool oldWhileWaiting = false;
        while (!op->step())
            if (op->state().message == "waiting for healthy state of apps/Deployment/web")
                oldWhileWaiting = oldWhileWaiting || app.exists("", "ConfigMap", "old", "shop");
        QCOMPARE(str(op->state().phase), str(OperationPhase::Succeeded));
        QCOMPARE(oldWhileWaiting, pruneLast);
        QVERIFY(!app.exists("", "ConfigMap", "old", "shop"));
        QCOMPARE(result(op->state(), "ConfigMap", "old")->wave, pruneLast ? 2 : 0);
    }

    void applyOutOfSyncOnly_data()
    {
        QTest::addColumn<bool>("outOfSyncOnly");
        QTest::addColumn<QStringList>("applied");
        QTest::newRow("all") << false << QStringList { "a", "b" };
        QTest::newRow("ApplyOutOfSyncOnly") << true << QStringList { "b" };
    }
    void applyOutOfSyncOnly()
    {
        QFETCH(bool, outOfSyncOnly);
        QFETCH(QStringList, applied);
        auto c = sandbox();
        addNamespace(*c);
        AppHarness app { *c };
        QCOMPARE(str(app.sync(objects(join({ configMap("a", "1"), configMap("b", "1") }))).phase),
            str(OperationPhase::Succeeded));
        SyncRequest request;
        if (outOfSyncOnly)
            request.syncOptions = { "ApplyOutOfSyncOnly=true" };
        const OperationState s = app.sync(objects(join({ configMap("a", "1"), configMap("b", "2") })), request);
        QCOMPARE(str(s.phase), str(OperationPhase::Succeeded));
        QStringList actual;
        for (const auto &r : s.resources)
            actual << QString::fromStdString(r.name);
        QCOMPARE(actual, applied);
        QCOMPARE(c->get({ "", "ConfigMap", "shop", "b" })->root().textAt({ "data", "key" }), std::string("2"));
    }

    void selectedResourcesOnly()
    {
        auto c = sandbox();
        addNamespace(*c);
        AppHarness app { *c };
        SyncRequest request;
        request.resources = { *ResourceSelector::parse(":ConfigMap:b") };
        const OperationState s = app.sync(
            objects(join({ configMap("a", "1"), configMap("b", "1"), jobHook("migrate", "PreSync", "busybox:1") })),
            request);
        QCOMPARE(str(s.phase), str(OperationPhase::Succeeded));
        QCOMPARE(s.resources.size(), std::size_t(1));
        QVERIFY(app.exists("", "ConfigMap", "b", "shop"));
        QVERIFY(!app.exists("", "ConfigMap", "a", "shop"));
        QVERIFY(!app.exists("batch", "Job", "migrate", "shop"));
    }

    void dryRunChangesNothing()
    {
        auto c = sandbox();
        AppHarness app { *c };
        // The namespace is created by the sync itself, so its contents cannot be checked
        // against it in a dry run: they are not failures.
        QCOMPARE(
            str(app.sync(objects(join({ kNamespace, configMap("old", "1") }))).phase), str(OperationPhase::Succeeded));
        SyncRequest request;
        request.dryRun = true;
        request.prune = true;
        const auto desired = objects(join({ kNamespace, configMap("settings", "2"),
            deployment("web", "nginx:1.25", wave(1)), jobHook("migrate", "PreSync", "busybox:1") }));
        const OperationState s = app.sync(desired, request);
        QCOMPARE(str(s.phase), str(OperationPhase::Succeeded));
        QVERIFY(s.dryRun);
        QCOMPARE(result(s, "ConfigMap", "settings")->message, std::string("configmap/settings created (dry run)"));
        QCOMPARE(result(s, "ConfigMap", "old")->message, std::string("pruned (dry run)"));
        QVERIFY(!app.exists("", "ConfigMap", "settings", "shop"));
        QVERIFY(!app.exists("apps", "Deployment", "web", "shop"));
        QVERIFY(!app.exists("batch", "Job", "migrate", "shop"));
        QVERIFY(app.exists("", "ConfigMap", "old", "shop"));
    }

    void replace_data()
    {
        QTest::addColumn<QString>("appOption");
        QTest::addColumn<QString>("resourceOption");
        QTest::addColumn<bool>("foreignLabelKept");
        QTest::newRow("apply merges") << ""
                                      << "" << true;
        QTest::newRow("Replace=true") << "Replace=true"
                                      << "" << false;
        QTest::newRow("per resource") << ""
                                      << "Replace=true" << false;
    }
    void replace()
    {
        QFETCH(QString, appOption);
        QFETCH(QString, resourceOption);
        QFETCH(bool, foreignLabelKept);
        auto c = sandbox();
        addNamespace(*c);
        AppHarness app { *c };
        const std::string annotations = resourceOption.isEmpty()
            ? std::string()
            : "    argocd.argoproj.io/sync-options: " + resourceOption.toStdString();
        const auto desired = objects(configMap("settings", "1", annotations));
        QCOMPARE(str(app.sync(desired).phase), str(OperationPhase::Succeeded));
        // Someone else labels it by hand.
        cluster::ApplyOptions byHand;
        byHand.fieldManager = "kubectl-edit";
        QVERIFY(c->apply(objects("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: shop\n"
                                 "  labels:\n    edited: by-hand\n")
                             .front(),
                     byHand)
                    .ok());
        SyncRequest request;
        if (!appOption.isEmpty())
            request.syncOptions = { appOption.toStdString() };
        QCOMPARE(str(app.sync(objects(configMap("settings", "2", annotations)), request).phase),
            str(OperationPhase::Succeeded));
        const auto live = c->get({ "", "ConfigMap", "shop", "settings" });
        QCOMPARE(live->root().textAt({ "data", "key" }), std::string("2"));
        QCOMPARE(!live->root().textAt({ "metadata", "labels", "edited" }).empty(), foreignLabelKept);
    }

    void serverSideApply_data()
    {
        QTest::addColumn<QString>("appOption");
        QTest::addColumn<QString>("resourceOption");
        QTest::addColumn<QString>("operation");
        QTest::newRow("client-side by default, as Argo CD") << ""
                                                            << ""
                                                            << "Update";
        QTest::newRow("ServerSideApply=true") << "ServerSideApply=true"
                                              << ""
                                              << "Apply";
        QTest::newRow("per resource") << ""
                                      << "ServerSideApply=true"
                                      << "Apply";
        QTest::newRow("resource opts out") << "ServerSideApply=true"
                                           << "ServerSideApply=false"
                                           << "Update";
    }
    void serverSideApply()
    {
        QFETCH(QString, appOption);
        QFETCH(QString, resourceOption);
        QFETCH(QString, operation);
        auto c = sandbox();
        addNamespace(*c);
        AppHarness app { *c };
        SyncRequest request;
        if (!appOption.isEmpty())
            request.syncOptions = { appOption.toStdString() };
        const std::string annotations = resourceOption.isEmpty()
            ? std::string()
            : "    argocd.argoproj.io/sync-options: " + resourceOption.toStdString();
        QCOMPARE(str(app.sync(objects(configMap("settings", "1", annotations)), request).phase),
            str(OperationPhase::Succeeded));
        const auto live = c->get({ "", "ConfigMap", "shop", "settings" });
        QStringList managers;
        for (const auto &entry : live->root().at({ "metadata", "managedFields" })->items())
            managers << QString::fromStdString(entry.textAt({ "manager" }) + "/" + entry.textAt({ "operation" }));
        QCOMPARE(managers, QStringList { "capstan/" + operation });
    }

    void createNamespace_data()
    {
        QTest::addColumn<bool>("option");
        QTest::newRow("without") << false;
        QTest::newRow("CreateNamespace=true") << true;
    }
    void createNamespace()
    {
        QFETCH(bool, option);
        auto c = sandbox();
        AppHarness app { *c };
        SyncRequest request;
        if (option)
            request.syncOptions = { "CreateNamespace=true" };
        const OperationState s = app.sync(objects(configMap("settings", "1")), request);
        QCOMPARE(app.exists("", "Namespace", "shop", ""), option);
        QCOMPARE(app.exists("", "ConfigMap", "settings", "shop"), option);
        if (!option) {
            QCOMPARE(str(s.phase), str(OperationPhase::Failed));
            QVERIFY2(contains(s.message, "one or more objects failed to apply (dry run)"), s.message.c_str());
            QVERIFY2(contains(s.message, "namespaces \"shop\" not found"), s.message.c_str());
            return;
        }
        QCOMPARE(str(s.phase), str(OperationPhase::Succeeded));
        const auto *ns = result(s, "Namespace", "shop");
        QVERIFY(ns);
        QCOMPARE(str(ns->syncPhase), str(SyncPhase::PreSync));
    }

    void validateFalseSkipsTheUpfrontCheck_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<bool>("firstWaveApplied");
        QTest::addColumn<QString>("message");
        QTest::newRow("checked before anything is applied")
            << "" << false << "one or more objects failed to apply (dry run), reason: /ConfigMap/bad: ";
        QTest::newRow("Validate=false") << "Validate=false" << true
                                        << "one or more objects failed to apply, reason: /ConfigMap/bad: ";
    }
    void validateFalseSkipsTheUpfrontCheck()
    {
        QFETCH(QString, option);
        QFETCH(bool, firstWaveApplied);
        QFETCH(QString, message);
        auto c = sandbox();
        addNamespace(*c);
        AppHarness app { *c };
        SyncRequest request;
        if (!option.isEmpty())
            request.syncOptions = { option.toStdString() };
        const std::string invalid = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bad\n  annotations:\n"
            + wave(1) + "\n  labels:\n    tier: \"not a valid value!\"\n";
        const OperationState s = app.sync(objects(join({ configMap("first", "1"), invalid })), request);
        QCOMPARE(str(s.phase), str(OperationPhase::Failed));
        QVERIFY2(contains(s.message, message.toStdString()), s.message.c_str());
        QCOMPARE(str(result(s, "ConfigMap", "bad")->status), str(ResultCode::SyncFailed));
        QCOMPARE(app.exists("", "ConfigMap", "first", "shop"), firstWaveApplied);
        QVERIFY(!app.exists("", "ConfigMap", "bad", "shop"));
    }

    void secretValuesNeverShown_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain value") << "bad value s3cr3t-pw in field"
                                     << "bad value ++++++++ in field";
        QTest::newRow("base64 as stored") << "data: czNjcjN0LXB3"
                                          << "data: ++++++++";
        QTest::newRow("not inside other words") << "length 12 is fine"
                                                << "length 12 is fine";
    }
    void secretValuesNeverShown()
    {
        QFETCH(QString, message);
        QFETCH(QString, expected);
        const auto secret = objects("apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\ndata:\n"
                                    "  password: czNjcjN0LXB3\nstringData:\n  n: \"1\"\n")
                                .front();
        QCOMPARE(QString::fromStdString(detail::redact(message.toStdString(), secret)), expected);
    }

    void secretSyncReportsNoData()
    {
        auto c = sandbox();
        addNamespace(*c);
        AppHarness app { *c };
        const std::string secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\nstringData:\n"
                                   "  password: hunter2-topsecret\n";
        const OperationState s = app.sync(objects(secret));
        QCOMPARE(str(s.phase), str(OperationPhase::Succeeded));
        QVERIFY(!contains(s.message, "hunter2"));
        for (const auto &r : s.resources)
            QVERIFY2(
                !contains(r.message, "hunter2") && !contains(r.message, "aHVudGVyMi10b3BzZWNyZXQ"), r.message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestSyncOptions)
#include "tst_sync_options.moc"
