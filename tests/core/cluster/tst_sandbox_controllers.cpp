#include "fixture.h"

using namespace capstan;
using namespace capstan::cluster;
using namespace capstan::cluster::test;

namespace {

const ResourceKey kWeb { "apps", "Deployment", "default", "web" };

std::vector<manifest::Object> pods(SandboxCluster &c)
{
    ListQuery q;
    q.kind = GroupKind { "", "Pod" };
    q.labelSelector = *LabelSelector::parse("app=web");
    return *c.list(q);
}

std::string condition(const manifest::Object &o, const std::string &type, const char *field)
{
    if (const auto *conditions = o.root().at({ "status", "conditions" }))
        for (const auto &cond : conditions->items())
            if (cond.textAt({ "type" }) == type)
                return cond.textAt({ field });
    return {};
}

std::string waitingReason(const manifest::Object &pod)
{
    const auto *statuses = pod.root().at({ "status", "containerStatuses" });
    return statuses && !statuses->items().empty() ? statuses->items().front().textAt({ "state", "waiting", "reason" })
                                                  : std::string();
}

} // namespace

class TestSandboxControllers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rolloutProgressesThenCompletes()
    {
        auto c = sandbox();
        QVERIFY(c->apply(object(deployment("web", 3, "nginx:1.25"))).ok());
        QVERIFY(c->advance(std::chrono::seconds(2)).ok());
        auto d = *c->get(kWeb);
        QCOMPARE(condition(d, "Progressing", "reason"), std::string("ReplicaSetUpdated"));
        QVERIFY(intAt(d, { "status", "availableReplicas" }) < 3);
        QVERIFY(c->advance(std::chrono::seconds(20)).ok());
        d = *c->get(kWeb);
        QCOMPARE(intAt(d, { "status", "observedGeneration" }), intAt(d, { "metadata", "generation" }));
        QCOMPARE(intAt(d, { "status", "availableReplicas" }), 3);
        QCOMPARE(intAt(d, { "status", "updatedReplicas" }), 3);
        QCOMPARE(condition(d, "Progressing", "reason"), std::string("NewReplicaSetAvailable"));
        QCOMPARE(condition(d, "Available", "status"), std::string("True"));
        QCOMPARE(pods(*c).size(), std::size_t(3));
        // Pods are named after their ReplicaSet, which carries the pod-template-hash.
        const std::string hash = pods(*c).front().root().textAt({ "metadata", "labels", "pod-template-hash" });
        QVERIFY(!hash.empty());
        QVERIFY(pods(*c).front().name().rfind("web-" + hash + "-", 0) == 0);
        QCOMPARE(d.root().textAt({ "metadata", "annotations", "deployment.kubernetes.io/revision" }), std::string("1"));
    }

    void watchersSeeControllerChanges()
    {
        auto c = sandbox();
        ListQuery q;
        q.kind = GroupKind { "apps", "Deployment" };
        int modified = 0;
        std::string lastReason;
        c->watch(q, [&](const WatchEvent &e) {
            modified += e.type == WatchEvent::Type::Modified;
            lastReason = condition(e.object, "Progressing", "reason");
        });
        QVERIFY(c->apply(object(deployment("web", 2, "nginx:1.25"))).ok());
        QVERIFY(c->advance(std::chrono::seconds(15)).ok());
        QVERIFY(modified > 0);
        QCOMPARE(lastReason, std::string("NewReplicaSetAvailable"));
    }

    void rollingUpdateRespectsSurgeAndUnavailable_data()
    {
        QTest::addColumn<int>("replicas");
        QTest::addColumn<QString>("strategy");
        QTest::addColumn<int>("maxTotal");
        QTest::addColumn<int>("minAvailable");
        QTest::newRow("defaults 25%") << 4 << "" << 5 << 3;
        QTest::newRow("surge only") << 4 << "  strategy:\n    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}\n"
                                    << 5 << 4;
        QTest::newRow("unavailable only") << 4 << "  strategy:\n    rollingUpdate: {maxSurge: 0, maxUnavailable: 2}\n"
                                          << 4 << 2;
    }
    void rollingUpdateRespectsSurgeAndUnavailable()
    {
        QFETCH(int, replicas);
        QFETCH(QString, strategy);
        QFETCH(int, maxTotal);
        QFETCH(int, minAvailable);
        auto c = sandbox();
        QVERIFY(c->apply(object(deployment("web", replicas, "nginx:1.25", strategy.toStdString()))).ok());
        QVERIFY(c->advance(std::chrono::seconds(30)).ok());
        QCOMPARE(intAt(*c->get(kWeb), { "status", "availableReplicas" }), replicas);

        QVERIFY(c->apply(object(deployment("web", replicas, "nginx:1.26", strategy.toStdString()))).ok());
        bool sawMixed = false;
        for (int second = 0; second < 90; ++second) {
            QVERIFY(c->advance(std::chrono::seconds(1)).ok());
            const auto all = pods(*c);
            int ready = 0, updated = 0;
            for (const auto &p : all) {
                ready += condition(p, "Ready", "status") == "True";
                updated += p.root().at({ "spec", "containers" })->items().front().textAt({ "image" }) == "nginx:1.26";
            }
            QVERIFY2(
                int(all.size()) <= maxTotal, qPrintable(QString("%1 pods at second %2").arg(all.size()).arg(second)));
            QVERIFY2(ready >= minAvailable, qPrintable(QString("%1 ready at second %2").arg(ready).arg(second)));
            sawMixed = sawMixed || (updated > 0 && updated < int(all.size()));
        }
        QVERIFY(sawMixed); // it really rolled, step by step
        const auto d = *c->get(kWeb);
        QCOMPARE(intAt(d, { "status", "updatedReplicas" }), replicas);
        QCOMPARE(intAt(d, { "status", "replicas" }), replicas);
        QCOMPARE(condition(d, "Progressing", "reason"), std::string("NewReplicaSetAvailable"));
        QCOMPARE(d.root().textAt({ "metadata", "annotations", "deployment.kubernetes.io/revision" }), std::string("2"));
    }

    void missingTagEndsInImagePullBackOff()
    {
        auto c = sandbox();
        QVERIFY(c->registry().addImage("shop/web", { "v1", "v2" }).ok());
        QVERIFY(c->apply(object(deployment("web", 2, "shop/web:v1", "  progressDeadlineSeconds: 60\n"))).ok());
        QVERIFY(c->advance(std::chrono::seconds(20)).ok());
        QVERIFY(c->apply(object(deployment("web", 2, "shop/web:v3", "  progressDeadlineSeconds: 60\n"))).ok());
        QVERIFY(c->advance(std::chrono::seconds(1)).ok());
        QVERIFY(c->advance(std::chrono::seconds(1)).ok());
        bool sawErrImagePull = false, sawBackOff = false;
        for (int i = 0; i < 10; ++i) {
            for (const auto &p : pods(*c)) {
                sawErrImagePull = sawErrImagePull || waitingReason(p) == "ErrImagePull";
                sawBackOff = sawBackOff || waitingReason(p) == "ImagePullBackOff";
            }
            QVERIFY(c->advance(std::chrono::seconds(1)).ok());
        }
        QVERIFY(sawErrImagePull);
        QVERIFY(sawBackOff);
        QCOMPARE(condition(*c->get(kWeb), "Progressing", "reason"), std::string("ReplicaSetUpdated"));
        QVERIFY(c->advance(std::chrono::seconds(120)).ok());
        const auto d = *c->get(kWeb);
        QCOMPARE(condition(d, "Progressing", "status"), std::string("False"));
        QCOMPARE(condition(d, "Progressing", "reason"), std::string("ProgressDeadlineExceeded"));
        // The old pods keep serving: the service is degraded, not down.
        QVERIFY(intAt(d, { "status", "availableReplicas" }) >= 1);
    }

    void brokenImageCrashLoops()
    {
        auto c = sandbox();
        QVERIFY(c->registry().markBroken("shop/web:v3").ok());
        QVERIFY(c->apply(object(deployment("web", 1, "shop/web:v3"))).ok());
        QVERIFY(c->advance(std::chrono::seconds(5)).ok());
        auto pod = pods(*c).front();
        QCOMPARE(waitingReason(pod), std::string("CrashLoopBackOff"));
        const auto restarts = [&] {
            const auto pod = pods(*c).front();
            return std::stoll(
                pod.root().at({ "status", "containerStatuses" })->items().front().textAt({ "restartCount" }));
        };
        const auto early = restarts();
        QVERIFY(c->advance(std::chrono::seconds(120)).ok());
        QVERIFY(restarts() > early);
        QCOMPARE(condition(*c->get(kWeb), "Available", "status"), std::string("False"));
    }

    void jobCompletesOrFails()
    {
        auto c = sandbox();
        QVERIFY(c->registry().markBroken("tools/migrate:bad").ok());
        const auto job = [](const std::string &name, const std::string &image) {
            return object("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: " + name
                + "\nspec:\n  backoffLimit: 2\n  template:\n    spec:\n      restartPolicy: Never\n"
                  "      containers:\n      - name: run\n        image: "
                + image + "\n");
        };
        QVERIFY(c->apply(job("good", "tools/migrate:ok")).ok());
        QVERIFY(c->apply(job("bad", "tools/migrate:bad")).ok());
        QVERIFY(c->advance(std::chrono::seconds(3)).ok());
        QCOMPARE(intAt(*c->get({ "batch", "Job", "default", "good" }), { "status", "active" }), 1);
        QVERIFY(c->advance(std::chrono::seconds(30)).ok());
        auto good = *c->get({ "batch", "Job", "default", "good" });
        QCOMPARE(condition(good, "Complete", "status"), std::string("True"));
        QCOMPARE(intAt(good, { "status", "succeeded" }), 1);
        auto bad = *c->get({ "batch", "Job", "default", "bad" });
        QCOMPARE(condition(bad, "Failed", "reason"), std::string("BackoffLimitExceeded"));
        QCOMPARE(intAt(bad, { "status", "failed" }), 3);
    }

    void serviceEndpointsFollowReadyPods()
    {
        auto c = sandbox();
        QVERIFY(c->apply(object(deployment("web", 2, "nginx:1"))).ok());
        QVERIFY(c->apply(object("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: LoadBalancer\n"
                                "  selector: {app: web}\n  ports:\n  - port: 80\n    targetPort: 8080\n"))
                    .ok());
        QVERIFY(c->advance(std::chrono::seconds(2)).ok());
        auto early = c->get({ "", "Endpoints", "default", "web" });
        QVERIFY(early.ok());
        QVERIFY(!early->root().at({ "subsets" })
            || !early->root().at({ "subsets" })->items().front().contains("addresses"));
        QVERIFY(c->advance(std::chrono::seconds(10)).ok());
        auto ep = *c->get({ "", "Endpoints", "default", "web" });
        const auto &subset = ep.root().at({ "subsets" })->items().front();
        QCOMPARE(subset.at({ "addresses" })->items().size(), std::size_t(2));
        QCOMPARE(subset.at({ "ports" })->items().front().textAt({ "port" }), std::string("8080"));
        auto svc = *c->get({ "", "Service", "default", "web" });
        QVERIFY(!svc.root().at({ "status", "loadBalancer", "ingress" })->items().front().textAt({ "ip" }).empty());
    }

    void autoscalerAndBudgetReportStatus()
    {
        auto c = sandbox();
        QVERIFY(c->apply(object(deployment("web", 1, "nginx:1"))).ok());
        QVERIFY(c->apply(object("apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\n"
                                "spec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n"
                                "  minReplicas: 2\n  maxReplicas: 5\n"))
                    .ok());
        QVERIFY(c->apply(object("apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\n"
                                "spec:\n  minAvailable: 1\n  selector:\n    matchLabels: {app: web}\n"))
                    .ok());
        QVERIFY(c->advance(std::chrono::seconds(20)).ok());
        auto hpa = *c->get({ "autoscaling", "HorizontalPodAutoscaler", "default", "web" });
        QCOMPARE(intAt(hpa, { "status", "desiredReplicas" }), 2);
        QCOMPARE(condition(hpa, "AbleToScale", "status"), std::string("True"));
        auto d = *c->get(kWeb);
        QCOMPARE(intAt(d, { "spec", "replicas" }), 2);
        QCOMPARE(intAt(d, { "status", "availableReplicas" }), 2);
        auto pdb = *c->get({ "policy", "PodDisruptionBudget", "default", "web" });
        QCOMPARE(intAt(pdb, { "status", "currentHealthy" }), 2);
        QCOMPARE(intAt(pdb, { "status", "disruptionsAllowed" }), 1);
        // The autoscaler now owns spec.replicas: applying another count conflicts.
        auto conflict = c->apply(object(deployment("web", 1, "nginx:1")));
        QCOMPARE(conflict.code(), ErrorCode::Conflict);
        QVERIFY(conflict.error().message.find("kube-controller-manager") != std::string::npos);
    }

    void statefulSetAndDaemonSetBecomeReady()
    {
        auto c = sandbox();
        const std::string podTemplate = "  template:\n    metadata:\n      labels: {app: db}\n    spec:\n"
                                        "      containers:\n      - {name: db, image: postgres:16}\n";
        QVERIFY(c->apply(object("apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  replicas: 3\n"
                                "  serviceName: db\n  selector:\n    matchLabels: {app: db}\n"
                             + podTemplate))
                    .ok());
        QVERIFY(c->apply(object("apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n"
                                "  selector:\n    matchLabels: {app: db}\n"
                             + podTemplate))
                    .ok());
        QVERIFY(c->advance(std::chrono::seconds(5)).ok());
        // OrderedReady: db-1 waits for db-0.
        QCOMPARE(c->get({ "", "Pod", "default", "db-2" }).code(), ErrorCode::NotFound);
        QVERIFY(c->advance(std::chrono::seconds(30)).ok());
        auto sts = *c->get({ "apps", "StatefulSet", "default", "db" });
        QCOMPARE(intAt(sts, { "status", "readyReplicas" }), 3);
        QCOMPARE(sts.root().textAt({ "status", "currentRevision" }), sts.root().textAt({ "status", "updateRevision" }));
        auto ds = *c->get({ "apps", "DaemonSet", "default", "agent" });
        QCOMPARE(intAt(ds, { "status", "desiredNumberScheduled" }), 3);
        QCOMPARE(intAt(ds, { "status", "numberReady" }), 3);
    }

    void cronJobSpawnsJobs()
    {
        auto c = sandbox();
        QVERIFY(
            c->apply(object("apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: report\nspec:\n"
                            "  schedule: \"*/5 * * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n"
                            "          restartPolicy: OnFailure\n          containers:\n"
                            "          - {name: r, image: tools/report:1}\n"))
                .ok());
        QVERIFY(c->advance(std::chrono::minutes(11)).ok());
        ListQuery q;
        q.kind = GroupKind { "batch", "Job" };
        const auto jobs = *c->list(q);
        QVERIFY(jobs.size() >= 2 && jobs.size() <= 3);
        QVERIFY(!c->get({ "batch", "CronJob", "default", "report" })
                     ->root()
                     .textAt({ "status", "lastScheduleTime" })
                     .empty());
    }
};

QTEST_GUILESS_MAIN(TestSandboxControllers)
#include "tst_sandbox_controllers.moc"
