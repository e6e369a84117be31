#include "cluster/sandbox_cluster.h"
#include "demo/demo_repository.h"
#include "git/repository.h"
#include "reconcile/engine/reconciler.h"

#include <QTemporaryDir>
#include <QTest>

using namespace capstan;

namespace {

const QDateTime kWednesday(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);

// The text of every condition of an application, for messages and searching.
std::string conditionsOf(const engine::AppState &app)
{
    std::string out;
    for (const argo::Condition &c : app.conditions)
        out += c.toString() + "\n";
    return out;
}

} // namespace

// Bad input in one application becomes a condition on that application only;
// every other application keeps its status.
class TestBadInput : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_repoPath;
    std::shared_ptr<const engine::WorkspaceSnapshot> m_snapshot;

    void commit(const QString &path, const QByteArray &content, const QString &message)
    {
        auto repo = git::Repository::open(m_repoPath);
        QVERIFY(repo.ok());
        auto id = repo->commit(QStringLiteral("main"), {git::FileChange{path, content}}, message,
                               git::Signature{QStringLiteral("Test"), QStringLiteral("test@example.com"), {}});
        QVERIFY2(id.ok(), id.ok() ? "" : id.error().toString().c_str());
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto demo = demo::createDemoRepository(m_dir.filePath(QStringLiteral("shop")), kWednesday);
        QVERIFY(demo.ok());
        m_repoPath = demo->path;

        // An Application whose overlay path does not exist.
        commit(QStringLiteral("argocd/applications/missing-path.yaml"),
               "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: ghost-dev\n  namespace: argocd\n"
               "spec:\n  project: platform\n  source:\n    repoURL: https://git.acme.example/platform/shop-gitops.git\n"
               "    path: k8s/overlays/dev/ghost\n  destination:\n    server: https://kubernetes.default.svc\n"
               "    namespace: shop-dev\n",
               QStringLiteral("add an application whose overlay is missing"));
        // A kustomize error: a patch in frontend-dev's overlay that is not YAML.
        auto repo = git::Repository::open(m_repoPath);
        QByteArray overlay = *repo->readFile(QStringLiteral("HEAD"), QStringLiteral("k8s/overlays/dev/frontend/patches/replicas.yaml"));
        commit(QStringLiteral("k8s/overlays/dev/frontend/patches/replicas.yaml"), overlay + "  broken: [unclosed\n",
               QStringLiteral("break frontend's dev patch"));
        // A project violation: inventory-service-staging deploys to kube-system.
        QByteArray apps = *repo->readFile(QStringLiteral("HEAD"), QStringLiteral("argocd/applications/inventory-service.yaml"));
        apps.replace("namespace: shop-staging", "namespace: kube-system");
        commit(QStringLiteral("argocd/applications/inventory-service.yaml"), apps,
               QStringLiteral("point inventory staging at kube-system"));
        // An Application that does not parse as one: its destination is a list.
        commit(QStringLiteral("argocd/applications/unreadable.yaml"),
               "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: unreadable-dev\n"
               "spec:\n  project: platform\n  destination:\n  - not a map\n",
               QStringLiteral("add an unreadable application"));
        // An app-of-apps cycle: loop-a renders loop-b, which renders loop-a.
        for (const char *name : {"a", "b"}) {
            const char *other = name[0] == 'a' ? "b" : "a";
            commit(QStringLiteral("cycle/%1/app.yaml").arg(QLatin1String(other)),
                   QByteArray("apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: loop-") + other +
                       "\n  namespace: argocd\nspec:\n  project: default\n  source:\n    repoURL: x\n    path: cycle/" +
                       name + "\n  destination:\n    server: https://kubernetes.default.svc\n    namespace: argocd\n",
                   QStringLiteral("cycle"));
        }

        auto cluster = cluster::SandboxCluster::open(":memory:");
        QVERIFY(cluster.ok());
        engine::Reconciler reconciler(*git::Repository::open(m_repoPath), std::move(*cluster));
        auto snapshot = reconciler.refresh(kWednesday);
        QVERIFY2(snapshot.ok(), snapshot.ok() ? "" : snapshot.error().toString().c_str());
        m_snapshot = *snapshot;
    }

    void eachProblemIsAConditionOnItsApplication_data()
    {
        QTest::addColumn<QString>("app");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing path") << "ghost-dev" << "k8s/overlays/dev/ghost";
        QTest::newRow("kustomize error, with file and line")
            << "frontend-dev" << "k8s/overlays/dev/frontend/patches/replicas.yaml:";
        QTest::newRow("project violation") << "inventory-service-staging" << "kube-system";
        QTest::newRow("unreadable application") << "unreadable-dev" << "argocd/applications/unreadable.yaml:";
        QTest::newRow("cycle") << "loop-a" << "cycle";
    }

    void eachProblemIsAConditionOnItsApplication()
    {
        QFETCH(QString, app);
        QFETCH(QString, expected);
        const engine::AppState *state = m_snapshot->app(app.toStdString());
        QVERIFY2(state, qPrintable(app));
        QVERIFY(!state->canSync());
        const std::string conditions = conditionsOf(*state);
        QVERIFY2(conditions.find(expected.toStdString()) != std::string::npos, conditions.c_str());
    }

    void everyOtherApplicationIsUnaffected()
    {
        for (const char *name : {"frontend-staging", "frontend-prod", "order-service-dev", "inventory-service-dev",
                                 "network-policies-prod"}) {
            const engine::AppState *state = m_snapshot->app(name);
            QVERIFY2(state, name);
            QVERIFY2(state->canSync(), conditionsOf(*state).c_str());
            QCOMPARE(state->sync, compare::SyncStatus::OutOfSync); // nothing deployed yet, but compared
        }
    }

    void aFailedRenderReportsUnknownAndAppliesNothing()
    {
        const engine::AppState *state = m_snapshot->app("frontend-dev");
        QCOMPARE(state->sync, compare::SyncStatus::Unknown);
        QVERIFY(state->resources.empty());
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_bad_input.moc"
