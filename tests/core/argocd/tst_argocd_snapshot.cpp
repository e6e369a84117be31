// Reading Argo CD's Applications from a cluster into the console's snapshot and history.

#include "argocd_fixture.h"

#include "argocd/argocd_engine.h"

#include <QJsonDocument>
#include <QMutex>
#include <QtTest>

using namespace capstan;

namespace {

const engine::ResourceState *findResource(const engine::AppState &app, const std::string &kind)
{
    for (const engine::ResourceState &r : app.resources) {
        if (r.id.kind == kind)
            return &r;
    }
    return nullptr;
}

QDateTime utc(const char *text)
{
    return QDateTime::fromString(text, Qt::ISODate).toUTC();
}

} // namespace

class TestArgoCdSnapshot : public QObject
{
    Q_OBJECT

private:
    ArgoFixture m_argo;
    std::optional<argocd::Snapshot> m_snapshot;

    const engine::AppState &app(const char *name)
    {
        // By hand: WorkspaceSnapshot::app() is engine code this module does not link.
        for (const engine::AppState &a : m_snapshot->workspace.apps) {
            if (a.name == name)
                return a;
        }
        qFatal("no application %s in the snapshot", name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!m_argo.start())
            QSKIP("openssl could not make the test PKI");
        argocd::ArgoCdEngine engine(*m_argo.cluster);
        auto snapshot = engine.snapshot();
        QVERIFY2(snapshot.ok(), snapshot.ok() ? "" : snapshot.error().toString().c_str());
        m_snapshot = std::move(*snapshot);
    }

    void listsTheArgoCdNamespace()
    {
        const QList<RecordedRequest> gets = m_argo.requests("GET");
        QCOMPARE(gets.size(), 1);
        QCOMPARE(gets[0].path, QString(ArgoFixture::collection));
        QCOMPARE(gets[0].header("authorization"), QByteArray("Bearer secret-token"));
    }

    void appOfAppsTree()
    {
        const engine::WorkspaceSnapshot &w = m_snapshot->workspace;
        QCOMPARE(w.apps.size(), std::size_t(4));
        QCOMPARE(w.roots, (std::vector<std::string> { "legacy", "root" }));
        QCOMPARE(app("root").children, (std::vector<std::string> { "frontend", "backend" }));
        QCOMPARE(app("frontend").parent, std::string("root"));
        QCOMPARE(app("backend").parent, std::string("root"));
        QVERIFY(app("legacy").parent.empty());
        QCOMPARE(m_snapshot->operations.size(), w.apps.size());
        QCOMPARE(m_snapshot->operations[0].name, w.apps[0].name);
    }

    void specAndStatus_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("project");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("destination");
        QTest::addColumn<bool>("automated");
        QTest::addColumn<bool>("prune");
        QTest::addColumn<bool>("selfHeal");
        QTest::addColumn<int>("sync");
        QTest::addColumn<int>("health");
        QTest::addColumn<QString>("revision");

        QTest::newRow("root, automated") << "root"
                                         << "default"
                                         << "argocd/applications"
                                         << "https://kubernetes.default.svc" << true << true << true
                                         << int(compare::SyncStatus::Synced) << int(health::HealthStatus::Healthy)
                                         << "8f3c2a1d9e7b6a5c4d3e2f1a0b9c8d7e6f5a4b3c";
        QTest::newRow("frontend, destination by name")
            << "frontend"
            << "shop"
            << "apps/frontend/overlays/prod"
            << "prod-eu" << false << false << false << int(compare::SyncStatus::OutOfSync)
            << int(health::HealthStatus::Degraded) << "c0ffee1234567890abcdef1234567890abcdef12";
        QTest::newRow("backend, self-heal only")
            << "backend"
            << "shop"
            << "apps/backend/overlays/prod"
            << "https://prod-eu.k8s.example.com" << true << false << true << int(compare::SyncStatus::OutOfSync)
            << int(health::HealthStatus::Progressing) << "0ddba11a1b2c3d4e5f60718293a4b5c6d7e8f901";
        QTest::newRow("legacy, malformed status")
            << "legacy"
            << "frozen"
            << "."
            << "https://kubernetes.default.svc" << false << false << false << int(compare::SyncStatus::Unknown)
            << int(health::HealthStatus::Unknown) << "";
    }

    void specAndStatus()
    {
        QFETCH(QString, name);
        const engine::AppState &a = app(qPrintable(name));
        QTEST(QString::fromStdString(a.project), "project");
        QCOMPARE(a.repoURL.empty(), false);
        QTEST(QString::fromStdString(a.path), "path");
        QTEST(QString::fromStdString(a.destinationServer), "destination");
        QTEST(a.automated, "automated");
        QTEST(a.prune, "prune");
        QTEST(a.selfHeal, "selfHeal");
        QTEST(int(a.sync), "sync");
        QTEST(int(a.health), "health");
        QTEST(QString::fromStdString(a.revision), "revision");
    }

    void conditionsAndHealthMessage()
    {
        const engine::AppState &a = app("frontend");
        QCOMPARE(a.healthMessage, std::string("Deployment \"frontend\" exceeded its progress deadline"));
        QCOMPARE(a.conditions.size(), std::size_t(3));
        QCOMPARE(a.conditions[0].type, argo::ConditionType::SyncError);
        QCOMPARE(a.conditions[1].type, argo::ConditionType::OrphanedResourceWarning);
        // A type Capstan does not name stays an error, with its name kept.
        QCOMPARE(a.conditions[2].type, argo::ConditionType::UnknownError);
        QCOMPARE(a.conditions[2].message, std::string("DeletionError: failed to delete finalizer"));
        QVERIFY(argo::isErrorCondition(a.conditions[0].type)); // keeps the app from syncing
        QVERIFY(!argo::isErrorCondition(a.conditions[1].type));
    }

    void resources_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("hasHealth");
        QTest::addColumn<int>("health");
        QTest::newRow("to prune") << "ConfigMap" << int(compare::ResourceStatus::RequiresPruning) << false << 0;
        QTest::newRow("synced") << "Service" << int(compare::ResourceStatus::Synced) << true
                                << int(health::HealthStatus::Healthy);
        QTest::newRow("out of sync") << "Deployment" << int(compare::ResourceStatus::OutOfSync) << true
                                     << int(health::HealthStatus::Degraded);
        QTest::newRow("missing") << "Ingress" << int(compare::ResourceStatus::Missing) << true
                                 << int(health::HealthStatus::Missing);
    }

    void resources()
    {
        QFETCH(QString, kind);
        const engine::ResourceState *r = findResource(app("frontend"), kind.toStdString());
        QVERIFY(r);
        QCOMPARE(r->id.ns, std::string("shop"));
        QCOMPARE(r->id.name.empty(), false);
        QTEST(int(r->status), "status");
        QTEST(r->health.has_value(), "hasHealth");
        if (r->health)
            QTEST(int(r->health->status), "health");
    }

    void deploymentResourceDetails()
    {
        const engine::ResourceState *d = findResource(app("frontend"), "Deployment");
        QVERIFY(d);
        QCOMPARE(d->id.toString(), std::string("apps/Deployment:shop/frontend"));
        QCOMPARE(d->health->message, std::string("Deployment \"frontend\" exceeded its progress deadline"));
    }

    void images()
    {
        QCOMPARE(app("frontend").liveImages,
            (std::vector<std::string> { "registry.example.com/shop/frontend:2.4.1", "nginx:1.25.3" }));
        QCOMPARE(app("root").liveImages, std::vector<std::string>());
    }

    void history()
    {
        const argocd::ApplicationOperations *ops = m_snapshot->operationsOf("frontend");
        QVERIFY(ops);
        QCOMPARE(ops->history.size(), std::size_t(3));
        QCOMPARE(ops->history[0].id(), 9); // newest first
        QCOMPARE(ops->history[2].id(), 7);
        const history::HistoryEntry &bob = ops->history[1];
        QCOMPARE(bob.operation.app, std::string("frontend"));
        QCOMPARE(bob.operation.revision, std::string("bbbbbbb222222222222222222222222222222222"));
        QCOMPARE(bob.deployedAt(), utc("2026-11-19T11:05:12Z"));
        QCOMPARE(bob.operation.startedAt, utc("2026-11-19T11:04:50Z"));
        QCOMPARE(bob.operation.initiatedBy, std::string("bob"));
        QCOMPARE(bob.operation.sourcePath, std::string("apps/frontend/overlays/prod"));
        QVERIFY(bob.result() == history::OperationPhase::Succeeded);
        QVERIFY(bob.operation.kind == history::OperationKind::Sync);
        // Written by an Argo CD before history recorded who started a sync.
        QVERIFY(ops->history[0].operation.initiatedBy.empty());
        QVERIFY(!ops->history[0].operation.startedAt.isValid());

        const history::HistoryEntry &automated = m_snapshot->operationsOf("root")->history[0];
        QCOMPARE(automated.id(), 1);
        QCOMPARE(automated.operation.initiatedBy, std::string("automated"));
        QVERIFY(automated.operation.kind == history::OperationKind::AutoSync);
    }

    void lastOperation()
    {
        const argocd::ApplicationOperations *ops = m_snapshot->operationsOf("frontend");
        QVERIFY(ops->operation);
        const history::Operation &op = *ops->operation;
        QVERIFY(op.phase == history::OperationPhase::Failed);
        QVERIFY(QString::fromStdString(op.message).startsWith("one or more objects failed to apply"));
        QCOMPARE(op.initiatedBy, std::string("carol"));
        QCOMPARE(op.approvalNote, std::string("CHG-2291 hotfix"));
        QCOMPARE(op.approvers, (std::vector<std::string> { "dave", "erin" }));
        QVERIFY(op.prune);
        QCOMPARE(op.selectedResources.size(), std::size_t(1));
        QCOMPARE(op.selectedResources[0].toString(), std::string("apps/Deployment:shop/frontend"));
        QCOMPARE(op.startedAt, utc("2026-11-20T09:31:20Z"));
        QCOMPARE(op.finishedAt, utc("2026-11-20T09:31:40Z"));
        QCOMPARE(op.resources.size(), std::size_t(2));
        QVERIFY(op.resources[0].status == history::ResourceStatus::SyncFailed);
        QCOMPARE(op.resources[0].resource.toString(), std::string("apps/Deployment:shop/frontend"));
        QVERIFY(QString::fromStdString(op.resources[0].message).contains("Required value"));
        QCOMPARE(op.resources[1].status, history::ResourceStatus::Synced); // a hook that succeeded
        QVERIFY(!ops->operationRequested);
        QVERIFY(!ops->operationInProgress());
    }

    void runningOperation()
    {
        const argocd::ApplicationOperations *ops = m_snapshot->operationsOf("backend");
        QVERIFY(ops->operationRequested);
        QVERIFY(ops->operationInProgress());
        QVERIFY(ops->operation->phase == history::OperationPhase::Running);
        QVERIFY(ops->operation->kind == history::OperationKind::AutoSync);
        QCOMPARE(ops->operation->revision, std::string("d00d5678901234567890abcdef1234567890abcd"));
        QVERIFY(!ops->operation->finishedAt.isValid());
        QCOMPARE(ops->ns, std::string("argocd"));
    }

    void malformedStatusStaysUnknown()
    {
        const engine::AppState &a = app("legacy");
        QVERIFY(a.resources.empty());
        QVERIFY(a.healthMessage.empty());
        QCOMPARE(a.liveImages, std::vector<std::string> { "42" });
        const argocd::ApplicationOperations *ops = m_snapshot->operationsOf("legacy");
        QCOMPARE(ops->history.size(), std::size_t(1));
        QVERIFY(!ops->history[0].deployedAt().isValid());
        QVERIFY(ops->operation->phase == history::OperationPhase::Error);
    }

    void emptyObjectMapsWithoutCrash()
    {
        manifest::Object empty;
        const engine::AppState a = argocd::appStateOf(empty);
        QVERIFY(a.sync == compare::SyncStatus::Unknown);
        QVERIFY(a.health == health::HealthStatus::Unknown);
        QVERIFY(!a.conditions.empty()); // the unreadable spec is said, not hidden
        QVERIFY(!argocd::operationsOf(empty).operation);
    }

    void windowsAndApprovalFromProjects_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("window");
        QTest::addColumn<bool>("approval");
        QTest::addColumn<int>("approvers");
        QTest::newRow("default project") << "root" << int(argo::SyncWindowState::Allowed) << false << 0;
        QTest::newRow("deny window, manual sync allowed")
            << "frontend" << int(argo::SyncWindowState::ManualOnly) << true << 2;
        QTest::newRow("not in the window") << "backend" << int(argo::SyncWindowState::Allowed) << true << 2;
        QTest::newRow("deny window") << "legacy" << int(argo::SyncWindowState::Denied) << false << 0;
    }

    void windowsAndApprovalFromProjects()
    {
        QFETCH(QString, name);
        const engine::AppState &a = app(qPrintable(name));
        QTEST(int(a.window.state), "window");
        QTEST(a.requiresApproval, "approval");
        QTEST(a.requiredApprovers, "approvers");
        QVERIFY(a.windowDescription.starts_with(argo::syncWindowStateName(a.window.state))); // "denied until ..."
        QVERIFY(m_snapshot->workspace.errors.empty());
    }

    void everyProjectsWindowsForTheCalendar()
    {
        QCOMPARE(m_snapshot->windowsByProject.size(), std::size_t(3));
        QVERIFY(m_snapshot->windowsByProject.at("default").empty());
        QCOMPARE(m_snapshot->windowsByProject.at("shop").size(), std::size_t(1));
        QCOMPARE(m_snapshot->windowsByProject.at("frozen").front().kind, argo::SyncWindowKind::Deny);
    }

    void unreadableProjectsStillShowApplications()
    {
        m_argo.forbidProjects();
        argocd::ArgoCdEngine engine(*m_argo.cluster);
        auto snapshot = engine.snapshot();
        m_argo.reset();
        QVERIFY(snapshot.ok());
        QCOMPARE(snapshot->workspace.apps.size(), std::size_t(4));
        QCOMPARE(snapshot->workspace.errors.size(), std::size_t(1));
        const QString error = QString::fromStdString(snapshot->workspace.errors[0].toString());
        QVERIFY2(
            error.contains("cannot read the AppProjects") && error.contains("not allowed to list"), qPrintable(error));
        QVERIFY(snapshot->workspace.apps[0].window.state == argo::SyncWindowState::Allowed);
        QVERIFY(snapshot->windowsByProject.empty()); // none known, none shown
    }

    void watchSeesOperationProgress()
    {
        QJsonObject frontend = m_argo.application("frontend");
        QJsonObject status = frontend["status"].toObject();
        status["operationState"] = QJsonObject { { "phase", "Running" }, { "message", "waiting for healthy state" },
            { "operation",
                QJsonObject { { "sync", QJsonObject { { "revision", "main" } } },
                    { "initiatedBy", QJsonObject { { "username", "carol" } } } } },
            { "startedAt", "2026-11-20T10:00:00Z" } };
        frontend["status"] = status;
        m_argo.streamWatchEvents({ QJsonDocument(QJsonObject { { "type", "MODIFIED" }, { "object", frontend } })
                                       .toJson(QJsonDocument::Compact) });

        QMutex mutex;
        std::vector<manifest::Object> seen;
        argocd::ArgoCdEngine engine(*m_argo.cluster);
        const cluster::WatchId id = engine.watchApplications([&](const cluster::WatchEvent &e) {
            QMutexLocker lock(&mutex);
            seen.push_back(e.object);
        });
        QTRY_VERIFY([&] {
            QMutexLocker lock(&mutex);
            return !seen.empty();
        }());
        engine.unwatch(id);
        m_argo.kube.server->closeStreams();

        QMutexLocker lock(&mutex);
        const argocd::ApplicationOperations ops = argocd::operationsOf(seen.front());
        QCOMPARE(ops.name, std::string("frontend"));
        QVERIFY(ops.operation && ops.operation->phase == history::OperationPhase::Running);
        QVERIFY(ops.operationInProgress());
        bool watched = false;
        for (const RecordedRequest &r : m_argo.requests("GET"))
            watched |= r.path == ArgoFixture::collection && r.query.queryItemValue("watch") == "1";
        QVERIFY(watched);
        m_argo.reset();
    }

    void forbiddenNamespace()
    {
        argocd::ArgoCdEngine engine(*m_argo.cluster, { "gitops", "capstan" });
        auto snapshot = engine.snapshot();
        QVERIFY(!snapshot.ok());
        QVERIFY(m_argo.kube.server->requests().last().path.startsWith(
            "/apis/argoproj.io/v1alpha1/namespaces/gitops/applications"));
        const QString message = QString::fromStdString(snapshot.error().toString());
        QVERIFY2(message.contains("not allowed to list") && message.contains("gitops"), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestArgoCdSnapshot)
#include "tst_argocd_snapshot.moc"
