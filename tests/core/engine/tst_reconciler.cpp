#include "cluster/sandbox_cluster.h"
#include "demo/demo_repository.h"
#include "reconcile/compare/tracking.h"
#include "reconcile/engine/reconciler.h"

#include <QTemporaryDir>
#include <QTest>

using namespace capstan;
using compare::SyncStatus;
using health::HealthStatus;

namespace {

const QDateTime kWednesdayNoon(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC);

QString words(HealthStatus status)
{
    const std::string_view text = health::toString(status);
    return QString::fromLatin1(text.data(), qsizetype(text.size()));
}

} // namespace

class TestReconciler : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    demo::DemoRepository m_demo;
    std::shared_ptr<cluster::SandboxCluster> m_cluster;
    std::unique_ptr<engine::Reconciler> m_reconciler;

    std::shared_ptr<const engine::WorkspaceSnapshot> refresh()
    {
        auto snapshot = m_reconciler->refresh(kWednesdayNoon);
        if (!snapshot) {
            QTest::qFail(snapshot.error().toString().c_str(), __FILE__, __LINE__);
            return nullptr;
        }
        return *snapshot;
    }

    // Applies what Git wants, tracked, as a sync would.
    void applyDesired(const std::string &app)
    {
        auto desired = m_reconciler->desiredObjects(app);
        QVERIFY2(desired.ok(), desired.ok() ? "" : desired.error().toString().c_str());
        for (manifest::Object &o : *desired) {
            if (o.kind() == "Namespace")
                continue;
            if (!o.ns().empty() && !m_cluster->get({"", "Namespace", "", o.ns()})) {
                manifest::Object ns(manifest::Node::map());
                ns.root().set("apiVersion", manifest::Node::string("v1"));
                ns.root().set("kind", manifest::Node::string("Namespace"));
                ns.setName(o.ns());
                QVERIFY(m_cluster->apply(ns).ok());
            }
            compare::setTracking(o, app, compare::TrackingMethod::Annotation);
            auto applied = m_cluster->apply(o);
            QVERIFY2(applied.ok(), applied.ok() ? "" : applied.error().toString().c_str());
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto demo = demo::createDemoRepository(m_dir.filePath(QStringLiteral("shop")), kWednesdayNoon);
        QVERIFY(demo.ok());
        m_demo = *demo;
        auto cluster = cluster::SandboxCluster::open(":memory:");
        QVERIFY(cluster.ok());
        m_cluster = std::move(*cluster);
        m_reconciler = std::make_unique<engine::Reconciler>(*git::Repository::open(m_demo.path), m_cluster);
    }

    void findsTheAppOfAppsTree()
    {
        auto snapshot = refresh();
        QVERIFY(snapshot);
        QCOMPARE(snapshot->roots, std::vector<std::string>{"shop-root"});
        QCOMPARE(snapshot->apps.size(), std::size_t(1 + 5 * 3));
        const engine::AppState *root = snapshot->app("shop-root");
        QVERIFY(root);
        QCOMPARE(root->children.size(), std::size_t(15));
        const engine::AppState *prod = snapshot->app("order-service-prod");
        QVERIFY(prod);
        QCOMPARE(prod->parent, std::string("shop-root"));
        QCOMPARE(prod->automated, false);
        QCOMPARE(snapshot->app("order-service-dev")->automated, true);
        QVERIFY(prod->requiresApproval);
        QCOMPARE(prod->path, std::string("k8s/overlays/prod/order-service"));
        QCOMPARE(prod->revision, m_demo.headRevision.toStdString());
        QCOMPARE(prod->images, std::vector<std::string>{"registry.acme.example/shop/order-service:v1.2.1"});
        QVERIFY(snapshot->errors.empty());
    }

    void nothingDeployedIsOutOfSyncAndMissing()
    {
        auto snapshot = refresh();
        const engine::AppState *app = snapshot->app("frontend-staging");
        QCOMPARE(app->sync, SyncStatus::OutOfSync);
        QCOMPARE(words(app->health), QStringLiteral("Missing"));
        QCOMPARE(app->count(compare::ResourceStatus::Missing), 3);
        QVERIFY(app->canSync());
    }

    void appliedObjectsAreSyncedThenHealthy()
    {
        applyDesired("frontend-staging");
        auto snapshot = refresh();
        const engine::AppState *app = snapshot->app("frontend-staging");
        QCOMPARE(app->sync, SyncStatus::Synced);
        QCOMPARE(words(app->health), QStringLiteral("Progressing"));
        QVERIFY(m_cluster->advance(std::chrono::seconds(60)).ok());
        snapshot = refresh();
        app = snapshot->app("frontend-staging");
        QCOMPARE(app->sync, SyncStatus::Synced);
        QCOMPARE(words(app->health), QStringLiteral("Healthy"));
    }

    void liveDriftIsOutOfSync()
    {
        auto live = m_cluster->get({"apps", "Deployment", "shop-staging", "frontend"});
        QVERIFY(live.ok());
        manifest::Object edit(manifest::Node::map());
        edit.root().set("apiVersion", manifest::Node::string("apps/v1"));
        edit.root().set("kind", manifest::Node::string("Deployment"));
        edit.setName("frontend");
        edit.setNamespace("shop-staging");
        edit.root()["spec"].set("replicas", manifest::Node::integer(5));
        QVERIFY(m_cluster->apply(edit, {"kubectl-edit", true}).ok());
        auto snapshot = refresh();
        const engine::AppState *app = snapshot->app("frontend-staging");
        QCOMPARE(app->sync, SyncStatus::OutOfSync);
        QCOMPARE(app->count(compare::ResourceStatus::OutOfSync), 1);
        bool sawReplicas = false;
        for (const engine::ResourceState &r : app->resources)
            sawReplicas |= r.diff.find("replicas: 5") != std::string::npos;
        QVERIFY(sawReplicas);
    }

    void theBrokenReleaseDegrades()
    {
        QVERIFY(m_cluster->registry().markBroken("registry.acme.example/shop/order-service:v1.2.1").ok());
        applyDesired("order-service-prod");
        QVERIFY(m_cluster->advance(std::chrono::seconds(700)).ok());
        auto snapshot = refresh();
        const engine::AppState *app = snapshot->app("order-service-prod");
        QCOMPARE(app->sync, SyncStatus::Synced);
        QCOMPARE(words(app->health), QStringLiteral("Degraded"));
    }

    void theProdWindowIsReported()
    {
        auto snapshot = refresh();
        const engine::AppState *prod = snapshot->app("frontend-prod");
        QCOMPARE(prod->window.state, argo::SyncWindowState::Allowed);
        auto friday = m_reconciler->refresh(QDateTime(QDate(2026, 11, 27), QTime(18, 0), Qt::UTC));
        QVERIFY(friday.ok());
        QCOMPARE((*friday)->app("frontend-prod")->window.state, argo::SyncWindowState::Denied);
        QCOMPARE((*friday)->app("frontend-dev")->window.state, argo::SyncWindowState::Allowed);
    }

    void unchangedSourcesAreNotRenderedAgain()
    {
        const auto before = m_reconciler->renderCache().stats();
        refresh();
        const auto after = m_reconciler->renderCache().stats();
        // Nothing is rendered again; an unchanged tree does not even consult
        // the render cache (the Reconciler reuses the last refresh's renders).
        QCOMPARE(after.misses, before.misses);
    }
};

QTEST_GUILESS_MAIN(TestReconciler)
#include "tst_reconciler.moc"
