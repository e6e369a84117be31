// Resource and application health, on Capstan's own fixtures (fixtures/*.yaml):
// every object there is listed in resources_data() with the health a user
// should see for it.

#include "health_test_support.h"
#include "reconcile/health/application_health.h"
#include "reconcile/health/health.h"

#include <QDir>
#include <QTest>

#include <map>

using namespace capstan;
using health::ApplicationHealth;
using health::Health;
using health::HealthStatus;
using health::ManagedResource;

Q_DECLARE_METATYPE(HealthStatus)
Q_DECLARE_METATYPE(std::vector<HealthStatus>)

namespace QTest {
// Readable QCOMPARE failures.
template<> inline char *toString(const Health &health)
{
    return qstrdup((std::string(capstan::health::toString(health.status)) + " \"" + health.message + "\"").c_str());
}
} // namespace QTest

namespace {

// Statuses compare as their words: QCOMPARE's ADL would pick health::toString for the enum.
QString word(HealthStatus status)
{
    return QString::fromUtf8(health::toString(status));
}

QString word(const std::optional<Health> &health)
{
    return health ? word(health->status) : QStringLiteral("(no health)");
}

} // namespace

class TestHealth final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void statusWords();
    void worst_data();
    void worst();
    void resources_data();
    void resources();
    void everyFixtureIsChecked();
    void unsupportedVersion();
    void workflowWithoutKind();
    void overrideComesAfterDeletion();
    void application_data();
    void application();
    void applicationCauses();
    void selfManagedApplication();
    void childApplications();

private:
    // "Kind/name" → object, from every fixture file.
    const manifest::Object &object(const QString &key) const;

    std::map<QString, manifest::Object> m_objects;
    QSet<QString> m_checked;
};

void TestHealth::initTestCase()
{
    const QDir dir(QStringLiteral(CAPSTAN_TEST_DATA "/fixtures"));
    const QStringList files = dir.entryList({ QStringLiteral("*.yaml") }, QDir::Files, QDir::Name);
    QVERIFY(!files.isEmpty());
    for (const QString &file : files) {
        std::vector<manifest::Object> objects;
        if (!health::test::readObjects(dir.filePath(file), objects))
            return;
        for (manifest::Object &o : objects) {
            const QString key = QString::fromStdString(o.kind() + "/" + o.name());
            QVERIFY2(!m_objects.count(key), qPrintable(QStringLiteral("%1 twice in the fixtures").arg(key)));
            m_objects.emplace(key, std::move(o));
        }
    }
}

const manifest::Object &TestHealth::object(const QString &key) const
{
    static const manifest::Object none;
    const auto it = m_objects.find(key);
    return it == m_objects.end() ? none : it->second;
}

void TestHealth::statusWords()
{
    const QStringList words = { QStringLiteral("Healthy"), QStringLiteral("Suspended"), QStringLiteral("Progressing"),
        QStringLiteral("Missing"), QStringLiteral("Degraded"), QStringLiteral("Unknown") };
    for (const QString &w : words) {
        const auto status = health::parseHealthStatus(w.toStdString());
        QVERIFY2(status, qPrintable(w));
        QCOMPARE(word(*status), w);
    }
    QVERIFY(!health::parseHealthStatus("healthy"));
    QVERIFY(!health::parseHealthStatus(""));
}

void TestHealth::worst_data()
{
    using S = HealthStatus;
    QTest::addColumn<std::vector<HealthStatus>>("statuses");
    QTest::addColumn<HealthStatus>("expected");
    QTest::newRow("none") << std::vector<S> {} << S::Healthy;
    QTest::newRow("suspended beats healthy") << std::vector<S> { S::Healthy, S::Suspended } << S::Suspended;
    QTest::newRow("progressing beats suspended") << std::vector<S> { S::Suspended, S::Progressing } << S::Progressing;
    QTest::newRow("missing beats progressing") << std::vector<S> { S::Progressing, S::Missing } << S::Missing;
    QTest::newRow("degraded beats missing") << std::vector<S> { S::Missing, S::Degraded, S::Healthy } << S::Degraded;
    QTest::newRow("unknown is worst") << std::vector<S> { S::Degraded, S::Unknown, S::Suspended } << S::Unknown;
}

void TestHealth::worst()
{
    QFETCH(std::vector<HealthStatus>, statuses);
    QFETCH(HealthStatus, expected);
    QCOMPARE(word(health::worst(statuses)), word(expected));
}

void TestHealth::resources_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("status"); // "" for no health at all
    QTest::addColumn<QString>("message");
    const auto row = [](const char *key, const char *status, const char *message = "") {
        QTest::newRow(key) << QString::fromUtf8(key) << QString::fromUtf8(status) << QString::fromUtf8(message);
    };

    row("Deployment/rolled-out", "Healthy");
    row("Deployment/not-yet-observed", "Progressing",
        "Waiting for rollout to finish: observed deployment generation less than desired generation");
    row("Deployment/updating", "Progressing",
        "Waiting for rollout to finish: 1 out of 3 new replicas have been updated...");
    row("Deployment/terminating-old", "Progressing",
        "Waiting for rollout to finish: 2 old replicas are pending termination...");
    row("Deployment/becoming-available", "Progressing",
        "Waiting for rollout to finish: 2 of 3 updated replicas are available...");
    row("Deployment/paused", "Suspended", "Deployment is paused");
    row("Deployment/stuck", "Degraded", "Deployment \"stuck\" exceeded its progress deadline");
    row("Deployment/old-api", "Unknown", "unsupported Deployment API version apps/v1beta2 for health assessment");
    row("Deployment/extensions-api", "");
    row("Deployment/custom-kind-named-like-a-workload", "");

    row("StatefulSet/postgres", "Healthy",
        "statefulset rolling update complete 3 pods at revision postgres-5d8c7b9f6...");
    row("StatefulSet/never-observed", "Progressing", "Waiting for statefulset spec update to be observed...");
    row("StatefulSet/starting", "Progressing", "Waiting for 2 pods to be ready...");
    row("StatefulSet/rolling", "Progressing",
        "waiting for statefulset rolling update to complete 1 pods at revision rolling-7a1e2f3d4...");
    row("StatefulSet/partitioned", "Progressing",
        "Waiting for partitioned roll out to finish: 1 out of 3 new pods have been updated...");
    row("StatefulSet/partition-done", "Healthy", "partitioned roll out complete: 3 new pods have been updated...");
    row("StatefulSet/on-delete", "Healthy", "statefulset has 2 ready pods");

    row("DaemonSet/log-shipper", "Healthy");
    row("DaemonSet/updating", "Progressing",
        "Waiting for daemon set \"updating\" rollout to finish: 2 out of 4 new pods have been updated...");
    row("DaemonSet/becoming-available", "Progressing",
        "Waiting for daemon set \"becoming-available\" rollout to finish: 3 of 4 updated pods are available...");
    row("DaemonSet/not-yet-observed", "Progressing",
        "Waiting for rollout to finish: observed daemon set generation less than desired generation");
    row("DaemonSet/on-delete", "Healthy", "daemon set 1 out of 4 new pods have been updated");

    row("ReplicaSet/frontend-5c9d7f8b6", "Healthy");
    row("ReplicaSet/scaling-up", "Progressing",
        "Waiting for rollout to finish: 1 out of 3 new replicas are available...");
    row("ReplicaSet/quota-exceeded", "Degraded", "pods \"quota-exceeded-x2k9q\" is forbidden: exceeded quota: compute");
    row("ReplicaSet/not-yet-observed", "Progressing",
        "Waiting for rollout to finish: observed replica set generation less than desired generation");

    row("Pod/web-ready", "Healthy");
    row("Pod/web-starting", "Progressing");
    row("Pod/web-restarted", "Degraded", "container web restarted");
    row("Pod/web-crashloop", "Degraded",
        "back-off 5m0s restarting failed container=web pod=web-crashloop_shop, secret \"sidecar-token\" not found");
    row("Pod/web-bad-tag", "Degraded", "Back-off pulling image \"registry.example.com/shop/frontend:9.9.9\"");
    row("Pod/web-scheduling", "Progressing", "0/3 nodes are available: 3 Insufficient cpu.");
    row("Pod/migrate-running", "Progressing");
    row("Pod/migrate-pulling", "Progressing");
    row("Pod/batch-ignore-policy", "Healthy");
    row("Pod/batch-ignore-policy-backoff", "Degraded", "Back-off pulling image \"worker:missing\"");
    row("Pod/hook-ignore-policy", "Progressing");
    row("Pod/helm-hook-ignore-policy", "Progressing");
    row("Pod/migrate-done", "Healthy");
    row("Pod/migrate-exit-code", "Degraded", "container \"migrate\" failed with exit code 3");
    row("Pod/migrate-oom", "Degraded", "OOMKilled");
    row("Pod/migrate-termination-message", "Degraded", "relation \"orders\" already exists");
    row("Pod/evicted", "Degraded", "The node was low on resource: memory.");
    row("Pod/being-deleted", "Progressing", "Pending deletion");
    row("Pod/hook-kept-by-finalizer", "Healthy");
    row("Pod/phase-unknown", "Unknown", "node unreachable");

    row("Job/db-migrate-running", "Progressing");
    row("Job/db-migrate-complete", "Healthy", "migrated 12 tables");
    row("Job/db-migrate-failed", "Degraded", "Job has reached the specified backoff limit");
    row("Job/report-suspended", "Suspended", "paused for the maintenance window");
    row("Job/report-resumed", "Healthy", "Job resumed");

    row("CronJob/nightly-report", "Healthy", "CronJob has completed its last execution successfully");
    row("CronJob/last-run-failed", "Degraded", "CronJob has not completed its last execution successfully");
    row("CronJob/running-now", "Healthy", "The job is running. Its last execution may not have been successful");
    row("CronJob/never-succeeded", "Healthy", "The CronJob never completed successfully. It may not be healthy");
    row("CronJob/not-scheduled-yet", "Healthy", "CronJob has not been scheduled yet");
    row("CronJob/new", "Progressing", "Waiting for CronJob");
    row("CronJob/suspended", "Healthy", "CronJob is Suspended");

    row("HorizontalPodAutoscaler/frontend", "Healthy", "recommended size matches current size");
    row("HorizontalPodAutoscaler/no-metrics", "Degraded", "failed to get cpu utilization: missing request for cpu");
    row("HorizontalPodAutoscaler/waiting", "Progressing", "Waiting to Autoscale");
    row("HorizontalPodAutoscaler/just-created", "Progressing", "Waiting to Autoscale");
    row("HorizontalPodAutoscaler/v1-at-max", "Healthy");
    row("HorizontalPodAutoscaler/v1-no-target", "Degraded", "deployments/scale.apps \"gone\" not found");
    row("HorizontalPodAutoscaler/v1-no-annotation", "Progressing", "Waiting to Autoscale");
    row("HorizontalPodAutoscaler/v1-empty-list", "Progressing", "Waiting to Autoscale");
    row("HorizontalPodAutoscaler/v1-broken-annotation", "Unknown");
    row("HorizontalPodAutoscaler/v2beta2", "Unknown");

    row("Service/frontend", "Healthy");
    row("Service/public-pending", "Progressing");
    row("Service/public", "Healthy");
    row("Service/hello", "");
    row("Ingress/shop", "Healthy");
    row("Ingress/shop-pending", "Progressing");
    row("Ingress/legacy", "Healthy");
    row("PersistentVolumeClaim/data-bound", "Healthy");
    row("PersistentVolumeClaim/data-pending", "Progressing");
    row("PersistentVolumeClaim/data-lost", "Degraded");
    row("APIService/v1beta1.metrics.k8s.io", "Healthy", "Passed: all checks passed");
    row("APIService/v1beta1.custom.metrics.k8s.io", "Progressing",
        "MissingEndpoints: endpoints for service/prometheus-adapter in \"monitoring\" have no addresses");
    row("APIService/v1beta1.external.metrics.k8s.io", "Healthy", "Passed: all checks passed");
    row("APIService/v1.new.example.com", "Progressing", "Waiting to be processed");

    row("Workflow/build-running", "Progressing", "step build is running");
    row("Workflow/build-pending", "Progressing");
    row("Workflow/build-succeeded", "Healthy");
    row("Workflow/build-failed", "Degraded", "child 'build-failed-2894' failed");
    row("Workflow/build-error", "Degraded", "pod deleted");
    row("Workflow/build-odd-phase", "Unknown");
    row("Application/frontend-prod", "");

    row("Rollout/checkout-healthy", "Healthy");
    row("Rollout/checkout-paused", "Suspended", "CanaryPauseStep");
    row("Rollout/checkout-degraded", "Degraded", "RolloutAborted: metric \"error-rate\" assessed Failed");
    row("Rollout/checkout-new", "Progressing", "Waiting for rollout spec update to be observed");
    row("Rollout/checkout-spec-changed", "Progressing", "Waiting for rollout spec update to be observed");
    row("Rollout/legacy-aborted", "Degraded", "Rollout is aborted");
    row("Rollout/legacy-user-paused", "Suspended", "Rollout is paused");
    row("Rollout/legacy-canary-steps", "Progressing", "Waiting for rollout to finish steps");
    row("Rollout/legacy-canary-scaling", "Progressing",
        "Waiting for roll out to finish: More replicas need to be updated");
    row("Rollout/legacy-bluegreen-cutover", "Progressing", "active service cutover pending");
    row("Rollout/legacy-bluegreen-done", "Healthy");

    row("ConfigMap/frontend-config", "");
    row("Secret/frontend-tls", "");
    row("Namespace/shop", "");
    row("NetworkPolicy/default-deny", "");
    row("PodDisruptionBudget/frontend", "");
    row("ConfigMap/being-deleted", "Progressing", "Pending deletion");
}

void TestHealth::resources()
{
    QFETCH(QString, key);
    QFETCH(QString, status);
    QFETCH(QString, message);
    QVERIFY2(m_objects.count(key), qPrintable(QStringLiteral("no fixture %1").arg(key)));
    m_checked.insert(key);

    const std::optional<Health> health = health::assess(object(key));
    if (status.isEmpty()) {
        QVERIFY2(!health, health ? qPrintable(word(health->status)) : "");
        return;
    }
    QVERIFY2(health, "no health, expected one");
    QCOMPARE(word(health->status), status);
    if (status != QLatin1String("Unknown") || !message.isEmpty())
        QCOMPARE(QString::fromStdString(health->message), message);
}

// A fixture nobody asserts on would rot silently.
void TestHealth::everyFixtureIsChecked()
{
    for (const auto &[key, object] : m_objects)
        QVERIFY2(
            m_checked.contains(key), qPrintable(QStringLiteral("fixture %1 has no row in resources_data()").arg(key)));
}

void TestHealth::unsupportedVersion()
{
    const auto health = health::assess(object(QStringLiteral("HorizontalPodAutoscaler/v2beta2")));
    QVERIFY(health);
    QVERIFY2(health->message.find("autoscaling/v2beta2") != std::string::npos, health->message.c_str());
    const auto broken = health::assess(object(QStringLiteral("HorizontalPodAutoscaler/v1-broken-annotation")));
    QVERIFY(broken);
    QVERIFY2(broken->message.find("autoscaling.alpha.kubernetes.io/conditions") != std::string::npos,
        broken->message.c_str());
}

// The Workflow rule reads status.phase alone, for objects that say nothing about their kind.
void TestHealth::workflowWithoutKind()
{
    manifest::Node root = manifest::Node::map();
    root["status"]["phase"] = manifest::Node::string("Failed");
    root["status"]["message"] = manifest::Node::string("step test failed");
    const manifest::Object workflow(root);
    QVERIFY(!health::assess(workflow));
    QCOMPARE(health::assessWorkflow(workflow), (Health { HealthStatus::Degraded, "step test failed" }));
}

void TestHealth::overrideComesAfterDeletion()
{
    const health::HealthOverride degradeAll = [](const manifest::Object &) {
        return std::optional<Health>(Health { HealthStatus::Degraded, "custom" });
    };
    const auto custom = health::assess(object(QStringLiteral("ConfigMap/frontend-config")), degradeAll);
    QVERIFY(custom);
    QCOMPARE(*custom, (Health { HealthStatus::Degraded, "custom" }));
    QCOMPARE(
        word(health::assess(object(QStringLiteral("Pod/being-deleted")), degradeAll)), word(HealthStatus::Progressing));
    const health::HealthOverride none = [](const manifest::Object &) {
        return std::optional<Health>();
    };
    QCOMPARE(word(health::assess(object(QStringLiteral("Pod/web-ready")), none)), word(HealthStatus::Healthy));
}

void TestHealth::application_data()
{
    // Each entry: a fixture key whose object is live, or "-Kind/name" for one that is missing from the cluster.
    QTest::addColumn<QStringList>("resources");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("message");
    QTest::newRow("nothing") << QStringList {} << "Healthy"
                             << "";
    QTest::newRow("all healthy") << QStringList { "Deployment/rolled-out", "Service/frontend",
        "ConfigMap/frontend-config" }
                                 << "Healthy"
                                 << "";
    QTest::newRow("kinds without health do not count")
        << QStringList { "ConfigMap/frontend-config", "Namespace/shop" } << "Healthy"
        << "";
    QTest::newRow("worst wins") << QStringList { "Deployment/updating", "Pod/web-crashloop", "Deployment/paused" }
                                << "Degraded"
                                << "Caused by Pod:shop/web-crashloop";
    QTest::newRow("progressing over suspended")
        << QStringList { "Deployment/paused", "Service/public-pending" } << "Progressing"
        << "Caused by Service:shop/public-pending";
    QTest::newRow("suspended over healthy")
        << QStringList { "Deployment/rolled-out", "Job/report-suspended" } << "Suspended"
        << "Caused by batch/Job:shop/report-suspended";
    QTest::newRow("missing resource does not count")
        << QStringList { "Deployment/rolled-out", "-Service/frontend" } << "Healthy"
        << "";
    QTest::newRow("all missing") << QStringList { "-Deployment/rolled-out", "-Service/frontend" } << "Missing"
                                 << "";
    QTest::newRow("hooks do not count") << QStringList { "Deployment/rolled-out", "Pod/hook-ignore-policy",
        "Pod/migrate-running" } << "Healthy"
                                        << "";
    // A live hook does not make the application's own resources present.
    QTest::newRow("only hooks live") << QStringList { "Pod/migrate-running", "-Deployment/rolled-out" } << "Missing"
                                     << "";
    QTest::newRow("cluster-scoped cause") << QStringList { "APIService/v1.new.example.com" } << "Progressing"
                                          << "Caused by apiregistration.k8s.io/APIService:v1.new.example.com";
    QTest::newRow("three causes shown")
        << QStringList { "Deployment/updating", "Deployment/terminating-old", "Deployment/becoming-available",
               "StatefulSet/starting", "Deployment/rolled-out" }
        << "Progressing"
        << "Caused by apps/Deployment:shop/updating, apps/Deployment:shop/terminating-old, "
           "apps/Deployment:shop/becoming-available and 1 more";
}

void TestHealth::application()
{
    QFETCH(QStringList, resources);
    QFETCH(QString, status);
    QFETCH(QString, message);

    std::vector<ManagedResource> managed;
    for (QString key : std::as_const(resources)) {
        const bool missing = key.startsWith(QLatin1Char('-'));
        if (missing)
            key.remove(0, 1);
        QVERIFY2(m_objects.count(key), qPrintable(key));
        const manifest::Object &o = object(key);
        managed.push_back(ManagedResource { o.id(), &o, missing ? nullptr : &o });
    }
    const ApplicationHealth app = health::assessApplication(managed);
    QCOMPARE(word(app.status), status);
    QCOMPARE(QString::fromStdString(app.message), message);
    QCOMPARE(app.resources.size(), managed.size());
    for (std::size_t i = 0; i < managed.size(); ++i)
        if (!managed[i].live)
            QCOMPARE(word(app.resources[i]), word(HealthStatus::Missing));
}

// Resources a user marks ignore-healthcheck, or whose Git copy says Skip, are not the application's health.
void TestHealth::applicationCauses()
{
    manifest::Object crashing = object(QStringLiteral("Pod/web-crashloop"));
    std::vector<ManagedResource> managed { { crashing.id(), &crashing, &crashing } };
    QCOMPARE(word(health::assessApplication(managed).status), word(HealthStatus::Degraded));
    QVERIFY(health::assessApplication(managed).causes == std::vector<manifest::ResourceId> { crashing.id() });

    manifest::Object ignored = crashing;
    ignored.root()["metadata"]["annotations"]["argocd.argoproj.io/ignore-healthcheck"] = manifest::Node::string("true");
    managed = { { ignored.id(), &ignored, &ignored } };
    ApplicationHealth app = health::assessApplication(managed);
    QCOMPARE(word(app.status), word(HealthStatus::Healthy));
    QVERIFY(!app.resources[0]);

    manifest::Object skipped = crashing;
    skipped.root()["metadata"]["annotations"]["argocd.argoproj.io/hook"] = manifest::Node::string("Skip");
    managed = { { crashing.id(), &skipped, &crashing } };
    QCOMPARE(word(health::assessApplication(managed).status), word(HealthStatus::Healthy));
}

void TestHealth::selfManagedApplication()
{
    manifest::Object self = object(QStringLiteral("Application/frontend-prod"));
    const health::HealthOverride degraded = [](const manifest::Object &) {
        return std::optional<Health>(Health { HealthStatus::Degraded, "child failed" });
    };
    std::vector<ManagedResource> managed { { self.id(), &self, &self } };
    health::ApplicationHealthOptions options;
    options.override = degraded;
    QCOMPARE(word(health::assessApplication(managed, options).status), word(HealthStatus::Degraded));
    options.application = self.id();
    QCOMPARE(word(health::assessApplication(managed, options).status), word(HealthStatus::Healthy));
}

// A child Application that is Missing or Unknown does not make its parent unhealthy; a Degraded one does.
void TestHealth::childApplications()
{
    const manifest::Object &child = object(QStringLiteral("Application/frontend-prod"));
    std::vector<ManagedResource> managed { { child.id(), &child, &child } };
    health::ApplicationHealthOptions options;
    for (HealthStatus childStatus : { HealthStatus::Unknown, HealthStatus::Missing, HealthStatus::Degraded }) {
        options.override = [childStatus](const manifest::Object &) {
            return std::optional<Health>(Health { childStatus, {} });
        };
        const ApplicationHealth app = health::assessApplication(managed, options);
        QCOMPARE(word(app.resources[0]), word(childStatus));
        QCOMPARE(word(app.status), word(childStatus == HealthStatus::Degraded ? childStatus : HealthStatus::Healthy));
    }
}

QTEST_GUILESS_MAIN(TestHealth)
#include "tst_health.moc"
