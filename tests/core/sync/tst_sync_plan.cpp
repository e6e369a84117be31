// Sync plans: phases, waves, Argo CD's kind order, prune waves, hooks and sync options.

#include "fixture.h"

#include "reconcile/sync/task_order.h"

using namespace capstan;
using namespace capstan::sync;
using namespace capstan::sync::test;

Q_DECLARE_METATYPE(std::vector<std::string>)

namespace {

std::string cm(const std::string &name, const std::string &wave = {}, const std::string &ns = {})
{
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + (ns.empty() ? "" : "\n  namespace: " + ns)
        + (wave.empty() ? "" : "\n  annotations:\n    argocd.argoproj.io/sync-wave: \"" + wave + "\"") + "\n";
}

std::string kindDoc(const std::string &apiVersion, const std::string &kind, const std::string &name,
    const std::string &annotations = {}, const std::string &extra = {})
{
    return "apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata:\n  name: " + name
        + (annotations.empty() ? "" : "\n  annotations:\n" + annotations) + "\n" + extra;
}

// Live copies as the app tracks them: the desired YAML with the tracking annotation.
std::vector<manifest::Object> tracked(const std::string &yaml)
{
    auto out = objects(yaml);
    for (auto &o : out) {
        if (o.ns().empty() && o.kind() != "Namespace")
            o.setNamespace("shop");
        compare::setTracking(o, "shop", compare::TrackingMethod::Annotation, "shop");
    }
    return out;
}

std::string describeTask(const SyncTask &t)
{
    return std::string(toString(t.phase)) + "/" + std::to_string(t.wave) + "/" + t.object().kind() + "/"
        + t.object().name() + (t.isPrune() ? " (prune)" : "");
}

SyncPlan makePlan(const std::string &desiredYaml, const std::string &liveYaml, const SyncRequest &request,
    bool namespaceExists = true)
{
    PlanInput input;
    input.appName = "shop";
    input.destinationNamespace = "shop";
    input.desired = objects(desiredYaml);
    input.live = tracked(liveYaml);
    compare::CompareRequest cr;
    cr.appName = "shop";
    cr.defaultNamespace = "shop";
    cr.desired = input.desired;
    cr.live = input.live;
    input.comparison = compare::compareApp(cr);
    input.request = request;
    input.startedAt = std::chrono::system_clock::time_point(std::chrono::seconds(1764130000));
    input.isNamespaced = [](const std::string &group, const std::string &kind) -> std::optional<bool> {
        if (kind == "Namespace" || kind == "CustomResourceDefinition" || kind == "ClusterRole")
            return false;
        if (group == "example.com")
            return std::nullopt;
        return true;
    };
    input.destinationNamespaceExists = namespaceExists;
    auto plan = planSync(input);
    if (!plan)
        qFatal("plan failed: %s", plan.error().toString().c_str());
    return std::move(*plan);
}

std::vector<std::string> order(const SyncPlan &plan)
{
    std::vector<std::string> out;
    for (const auto &t : plan.tasks)
        out.push_back(describeTask(t));
    return out;
}

const std::string kHookAnnotation = "    argocd.argoproj.io/hook: ";

} // namespace

class TestSyncPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ordering_data()
    {
        QTest::addColumn<QString>("desired");
        QTest::addColumn<QString>("live");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<bool>("prune");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("kinds in Argo CD's order, custom resources last")
            << QString::fromStdString(join({ deployment("web", "nginx:1"), kindDoc("example.com/v1", "Widget", "w"),
                   kindDoc("networking.k8s.io/v1", "Ingress", "web"), kindDoc("v1", "Service", "web"), cm("settings"),
                   kindDoc("v1", "Secret", "creds"), kindDoc("v1", "ServiceAccount", "runner"),
                   kindDoc("apiextensions.k8s.io/v1", "CustomResourceDefinition", "things.other.io"),
                   kindDoc("v1", "Namespace", "shop") }))
            << QString() << QStringList() << false
            << QStringList { "Sync/0/Namespace/shop", "Sync/0/ServiceAccount/runner", "Sync/0/Secret/creds",
                   "Sync/0/ConfigMap/settings", "Sync/0/CustomResourceDefinition/things.other.io", "Sync/0/Service/web",
                   "Sync/0/Deployment/web", "Sync/0/Ingress/web", "Sync/0/Widget/w" };

        QTest::newRow("waves before kinds, negative first, then names")
            << QString::fromStdString(
                   join({ cm("b", "1"), deployment("api", "nginx:1", "    argocd.argoproj.io/sync-wave: \"-2\""),
                       cm("a", "1"), cm("c"), cm("d", "not-a-number") }))
            << QString() << QStringList() << false
            << QStringList { "Sync/-2/Deployment/api", "Sync/0/ConfigMap/c", "Sync/0/ConfigMap/d", "Sync/1/ConfigMap/a",
                   "Sync/1/ConfigMap/b" };

        QTest::newRow("hooks in their phases, SyncFail last, Skip never")
            << QString::fromStdString(
                   join({ jobHook("post", "PostSync", "busybox"), jobHook("migrate", "PreSync", "busybox"),
                       jobHook("cleanup", "SyncFail", "busybox"), jobHook("both", "PreSync,PostSync", "busybox"),
                       cm("plain"), kindDoc("v1", "ConfigMap", "manual", kHookAnnotation + "Skip"), cm("app") }))
            << QString() << QStringList() << false
            << QStringList { "PreSync/0/Job/both", "PreSync/0/Job/migrate", "Sync/0/ConfigMap/app",
                   "Sync/0/ConfigMap/plain", "PostSync/0/Job/both", "PostSync/0/Job/post", "SyncFail/0/Job/cleanup" };

        QTest::newRow("a namespace moves to the first wave that uses it")
            << QString::fromStdString(
                   join({ kindDoc("v1", "Namespace", "team", "    argocd.argoproj.io/sync-wave: \"5\""),
                       cm("early", "-1", "team"), cm("first", "-3") }))
            << QString() << QStringList() << false
            << QStringList { "Sync/-3/ConfigMap/first", "Sync/-1/Namespace/team", "Sync/-1/ConfigMap/early" };

        QTest::newRow("a CRD moves before its first custom resource")
            << QString::fromStdString(join({ kindDoc("apiextensions.k8s.io/v1", "CustomResourceDefinition",
                                                 "widgets.example.com", "    argocd.argoproj.io/sync-wave: \"2\"",
                                                 "spec:\n  group: example.com\n  names:\n    kind: Widget\n"),
                   kindDoc("example.com/v1", "Widget", "w", "    argocd.argoproj.io/sync-wave: \"-1\"") }))
            << QString() << QStringList() << false
            << QStringList { "Sync/-1/CustomResourceDefinition/widgets.example.com", "Sync/-1/Widget/w" };

        QTest::newRow("prune waves are reversed")
            << QString::fromStdString(cm("keep", "1"))
            << QString::fromStdString(join({ cm("keep", "1"), cm("old-a", "0"), cm("old-b", "3") })) << QStringList()
            << true
            << QStringList { "Sync/0/ConfigMap/old-b (prune)", "Sync/1/ConfigMap/keep",
                   "Sync/3/ConfigMap/old-a (prune)" };

        QTest::newRow("PruneLast puts prune after the last sync wave")
            << QString::fromStdString(join({ cm("keep", "1"), cm("later", "2") }))
            << QString::fromStdString(join({ cm("keep", "1"), cm("old", "0") })) << QStringList { "PruneLast=true" }
            << true
            << QStringList { "Sync/1/ConfigMap/keep", "Sync/2/ConfigMap/later", "Sync/3/ConfigMap/old (prune)" };

        QTest::newRow("PruneLast per resource")
            << QString::fromStdString(cm("keep"))
            << QString::fromStdString(join({ cm("keep"),
                   kindDoc("v1", "ConfigMap", "last", "    argocd.argoproj.io/sync-options: PruneLast=true"),
                   cm("now") }))
            << QStringList() << true
            << QStringList { "Sync/0/ConfigMap/keep", "Sync/0/ConfigMap/now (prune)", "Sync/1/ConfigMap/last (prune)" };

        QTest::newRow("ApplyOutOfSyncOnly leaves Synced resources out")
            << QString::fromStdString(join({ cm("same"), cm("changed") + "data:\n  k: new\n", cm("missing") }))
            << QString::fromStdString(join({ cm("same"), cm("changed") + "data:\n  k: old\n" }))
            << QStringList { "ApplyOutOfSyncOnly=true" } << false
            << QStringList { "Sync/0/ConfigMap/changed", "Sync/0/ConfigMap/missing" };

        QTest::newRow("CreateNamespace adds a PreSync namespace")
            << QString::fromStdString(cm("app")) << QString() << QStringList { "CreateNamespace=true" } << false
            << QStringList { "PreSync/0/Namespace/shop", "Sync/0/ConfigMap/app" };
    }
    void ordering()
    {
        QFETCH(QString, desired);
        QFETCH(QString, live);
        QFETCH(QStringList, options);
        QFETCH(bool, prune);
        QFETCH(QStringList, expected);
        SyncRequest request;
        request.prune = prune;
        for (const auto &o : options)
            request.syncOptions.push_back(o.toStdString());
        const SyncPlan plan = makePlan(desired.toStdString(), live.toStdString(), request, false);
        QStringList actual;
        for (const auto &line : order(plan))
            actual << QString::fromStdString(line);
        QCOMPARE(actual, expected);
    }

    void createNamespaceOnlyWhenNeeded()
    {
        SyncRequest request;
        request.syncOptions = { "CreateNamespace=true" };
        // Already there: nothing to create.
        QCOMPARE(makePlan(cm("app"), {}, request, true).tasks.size(), std::size_t(1));
        // In Git: the app's own Namespace is synced like any resource, not created twice.
        const auto plan = makePlan(join({ cm("app"), kindDoc("v1", "Namespace", "shop") }), {}, request, false);
        QCOMPARE(plan.tasks.size(), std::size_t(2));
        QVERIFY(!plan.tasks.front().createsNamespace);
    }

    void selectedResourcesOnly()
    {
        SyncRequest request;
        request.prune = true;
        request.resources
            = { *ResourceSelector::parse(":ConfigMap:b"), *ResourceSelector::parse("apps:Deployment:shop/web") };
        const auto plan = makePlan(
            join({ cm("a"), cm("b"), deployment("web", "nginx:1"), jobHook("migrate", "PreSync", "busybox") }),
            join({ cm("gone") }), request);
        QCOMPARE(order(plan), (std::vector<std::string> { "Sync/0/ConfigMap/b", "Sync/0/Deployment/web" }));
    }

    void targetsCarryTrackingAndNamespace()
    {
        const auto plan = makePlan(join({ cm("app"), kindDoc("v1", "Namespace", "other") }), {}, {});
        for (const auto &t : plan.tasks) {
            const std::string id
                = t.target->root().textAt({ "metadata", "annotations", "argocd.argoproj.io/tracking-id" });
            if (t.target->kind() == "ConfigMap") {
                QCOMPARE(t.target->ns(), std::string("shop"));
                QCOMPARE(id, std::string("shop:/ConfigMap:shop/app"));
            } else {
                QCOMPARE(t.target->ns(), std::string()); // cluster-scoped kinds get none
                QCOMPARE(id, std::string("shop:/Namespace:shop/other"));
            }
        }
    }

    void generateNameHooksGetAName()
    {
        const std::string hook = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: migrate-\n"
                                 "  annotations:\n    argocd.argoproj.io/hook: PreSync,PostSync\n";
        SyncRequest request;
        request.revision = "ABCDEF0123456789";
        const auto plan = makePlan(hook, {}, request);
        QCOMPARE(order(plan),
            (std::vector<std::string> { "PreSync/0/Job/migrate-abcdef0-presync-1764130000",
                "PostSync/0/Job/migrate-abcdef0-postsync-1764130000" }));
    }

    void hookDeletePolicies_data()
    {
        QTest::addColumn<QString>("annotation");
        QTest::addColumn<QStringList>("policies");
        QTest::newRow("default") << QString() << QStringList { "BeforeHookCreation" };
        QTest::newRow("one") << "HookSucceeded" << QStringList { "HookSucceeded" };
        QTest::newRow("two") << "HookSucceeded, HookFailed" << QStringList { "HookSucceeded", "HookFailed" };
        QTest::newRow("unknown only") << "Whenever" << QStringList { "BeforeHookCreation" };
    }
    void hookDeletePolicies()
    {
        QFETCH(QString, annotation);
        QFETCH(QStringList, policies);
        const std::string extra = annotation.isEmpty()
            ? std::string()
            : "    argocd.argoproj.io/hook-delete-policy: " + annotation.toStdString() + "\n";
        const auto plan = makePlan(jobHook("h", "Sync", "busybox", extra), {}, {});
        QCOMPARE(plan.tasks.size(), std::size_t(1));
        QStringList actual;
        for (const auto p : plan.tasks.front().deletePolicies)
            actual << (p == HookDeletePolicy::HookSucceeded ? "HookSucceeded"
                    : p == HookDeletePolicy::HookFailed     ? "HookFailed"
                                                            : "BeforeHookCreation");
        QCOMPARE(actual, policies);
    }

    void syncOptions_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("summary");
        QTest::newRow("defaults") << QStringList() << true << "ns=0 last=0 oos=0 ssa=0 replace=0 validate=1 fg";
        QTest::newRow("all on") << QStringList { "CreateNamespace=true", "PruneLast=true", "ApplyOutOfSyncOnly=true",
            "ServerSideApply=true", "Replace=true", "Validate=false", "PrunePropagationPolicy=orphan" }
                                << true << "ns=1 last=1 oos=1 ssa=1 replace=1 validate=0 orphan";
        QTest::newRow("unknown ignored") << QStringList { "RespectIgnoreDifferences=true", "FailOnSharedResource=true" }
                                         << true << "ns=0 last=0 oos=0 ssa=0 replace=0 validate=1 fg";
        QTest::newRow("background") << QStringList { "PrunePropagationPolicy=background" } << true
                                    << "ns=0 last=0 oos=0 ssa=0 replace=0 validate=1 bg";
        QTest::newRow("bad policy") << QStringList { "PrunePropagationPolicy=sideways" } << false << QString();
        QTest::newRow("bad bool") << QStringList { "CreateNamespace=yes" } << false << QString();
    }
    void syncOptions()
    {
        QFETCH(QStringList, options);
        QFETCH(bool, ok);
        QFETCH(QString, summary);
        std::vector<std::string> raw;
        for (const auto &o : options)
            raw.push_back(o.toStdString());
        const auto parsed = SyncOptions::parse(raw);
        QCOMPARE(parsed.ok(), ok);
        if (!ok) {
            QVERIFY(!parsed.error().message.empty());
            return;
        }
        const auto &o = *parsed;
        const char *policy = o.prunePropagation == cluster::Propagation::Foreground ? "fg"
            : o.prunePropagation == cluster::Propagation::Background                ? "bg"
                                                                                    : "orphan";
        const QString actual = QString("ns=%1 last=%2 oos=%3 ssa=%4 replace=%5 validate=%6 %7")
                                   .arg(o.createNamespace)
                                   .arg(o.pruneLast)
                                   .arg(o.applyOutOfSyncOnly)
                                   .arg(o.serverSideApply)
                                   .arg(o.replace)
                                   .arg(o.validate)
                                   .arg(policy);
        QCOMPARE(actual, summary);
    }

    void resourceSelectors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("parsed"); // "" when invalid
        QTest::newRow("core group") << ":ConfigMap:settings"
                                    << "|ConfigMap|settings|";
        QTest::newRow("with namespace") << "apps:Deployment:web:prod"
                                        << "apps|Deployment|web|prod";
        QTest::newRow("namespace/name") << "apps:Deployment:prod/web"
                                        << "apps|Deployment|web|prod";
        QTest::newRow("too short") << "Deployment:web"
                                   << "";
        QTest::newRow("no name") << "apps:Deployment:"
                                 << "";
    }
    void resourceSelectors()
    {
        QFETCH(QString, text);
        QFETCH(QString, parsed);
        const auto s = ResourceSelector::parse(text.toStdString());
        QCOMPARE(s.ok(), !parsed.isEmpty());
        if (s)
            QCOMPARE(QString::fromStdString(s->group + "|" + s->kind + "|" + s->name + "|" + s->ns), parsed);
    }
};

QTEST_GUILESS_MAIN(TestSyncPlan)
#include "tst_sync_plan.moc"
