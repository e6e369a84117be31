#include "git/repository.h"
#include "manifest/yaml_writer.h"
#include "reconcile/engine/demo_workspace.h"
#include "reconcile/engine/sync_controller.h"

#include <QTemporaryDir>
#include <QTest>

using namespace capstan;
using namespace capstan::engine;

namespace {

// A Wednesday: the prod deny window (Fri 16:00 – Mon 06:00 Berlin) is closed.
const QDateTime kWednesday(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
const QDateTime kFridayEvening(QDate(2026, 11, 27), QTime(17, 0), Qt::UTC);

QString words(health::HealthStatus status)
{
    const std::string_view text = health::toString(status);
    return QString::fromLatin1(text.data(), qsizetype(text.size()));
}

} // namespace

class TestSyncController : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    demo::DemoRepository m_demo;
    std::unique_ptr<Workspace> m_ws;

    const AppState &app(const std::string &name, const QDateTime &now = kWednesday)
    {
        auto snapshot = m_ws->reconciler().refresh(now);
        if (!snapshot)
            qFatal("%s", snapshot.error().toString().c_str());
        const AppState *state = (*snapshot)->app(name);
        if (!state)
            qFatal("no app %s", name.c_str());
        return *state;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto demo = initDemoWorkspace(m_dir.filePath(QStringLiteral("shop")), kWednesday);
        QVERIFY2(demo.ok(), demo.ok() ? "" : demo.error().toString().c_str());
        m_demo = *demo;
        auto ws = Workspace::open({m_demo.path, {}, {}, ClockMode::Simulated});
        QVERIFY(ws.ok());
        m_ws = std::move(*ws);
    }

    void demoStartsWithProdWaiting()
    {
        QCOMPARE(app("order-service-dev").sync, compare::SyncStatus::Synced);
        QCOMPARE(words(app("order-service-dev").health), QStringLiteral("Healthy"));
        QCOMPARE(app("frontend-staging").sync, compare::SyncStatus::Synced);
        QCOMPARE(app("frontend-prod").sync, compare::SyncStatus::Synced);
        QCOMPARE(words(app("frontend-prod").health), QStringLiteral("Healthy"));
        QCOMPARE(app("order-service-prod").sync, compare::SyncStatus::OutOfSync);
        auto history = m_ws->history().history("order-service-prod");
        QVERIFY(history.ok());
        QCOMPARE(history->total, 1);
        QCOMPARE(history->entries.front().operation.revision, m_demo.prodRevision.toStdString());
    }

    void prodSyncNeedsAnApprovalNote()
    {
        SyncCommand command;
        command.app = "order-service-prod";
        command.initiatedBy = "jonas";
        auto refused = startSync(*m_ws, command, kWednesday);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.find("approval note") != std::string::npos, refused.error().message.c_str());
        auto audit = m_ws->history().audit(std::string("order-service-prod"));
        QVERIFY(audit.ok() && !audit->empty());
        QCOMPARE(audit->front().action, std::string("sync-refused"));
        QCOMPARE(app("order-service-prod").sync, compare::SyncStatus::OutOfSync);
    }

    void theDenyWindowStopsProdSyncs()
    {
        SyncCommand command;
        command.app = "order-service-prod";
        command.approvalNote = "CHG-1042";
        command.approvers = {"ravi"};
        app("order-service-prod", kFridayEvening);
        auto refused = startSync(*m_ws, command, kFridayEvening);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.find("sync window") != std::string::npos, refused.error().message.c_str());
    }

    void approvedProdSyncIsRecorded()
    {
        app("order-service-prod");
        SyncCommand command;
        command.app = "order-service-prod";
        command.initiatedBy = "ravi";
        command.approvalNote = "CHG-1042 approved in the change review";
        command.approvers = {"ravi"};
        auto op = startSync(*m_ws, command, kWednesday);
        QVERIFY2(op.ok(), op.ok() ? "" : op.error().toString().c_str());
        const sync::OperationState state = (*op)->run();
        QCOMPARE(sync::toString(state.phase), std::string("Succeeded"));
        m_ws->letTimePass(std::chrono::seconds(120));
        QCOMPARE(app("order-service-prod").sync, compare::SyncStatus::Synced);
        QCOMPARE(words(app("order-service-prod").health), QStringLiteral("Healthy"));
        auto entry = m_ws->history().history("order-service-prod");
        QCOMPARE(entry->total, 2);
        QCOMPARE(entry->entries.front().operation.approvalNote, command.approvalNote);
        QCOMPARE(entry->entries.front().operation.initiatedBy, std::string("ravi"));
        QCOMPARE(entry->entries.front().operation.revision, m_demo.headRevision.toStdString());
    }

    void historyRollbackAppliesTheRecordedManifests()
    {
        auto history = m_ws->history().history("order-service-prod");
        const std::int64_t older = history->entries.back().operation.id; // v1.1.0
        SyncCommand command;
        command.app = "order-service-prod";
        command.initiatedBy = "jonas";
        command.approvalNote = "rolling back while we look at v1.2.1";
        command.approvers = {"jonas"};
        command.historyId = older;
        auto op = startSync(*m_ws, command, kWednesday);
        QVERIFY2(op.ok(), op.ok() ? "" : op.error().toString().c_str());
        QCOMPARE(sync::toString((*op)->run().phase), std::string("Succeeded"));
        const AppState &state = app("order-service-prod");
        // The cluster now runs v1.1.0 while Git says v1.2.1.
        QCOMPARE(state.sync, compare::SyncStatus::OutOfSync);
        auto live = m_ws->cluster().get({"apps", "Deployment", "shop-prod", "order-service"});
        QVERIFY(live.ok());
        QVERIFY(manifest::emitYaml(live->root()).find("order-service:v1.1.0") != std::string::npos);
    }

    void automatedSyncFollowsGit()
    {
        auto repo = git::Repository::open(m_demo.path);
        const QString path = QStringLiteral("k8s/overlays/dev/frontend/kustomization.yaml");
        QByteArray text = *repo->readFile(QStringLiteral("HEAD"), path);
        text.replace("newTag: 9c4d1e7", "newTag: 0a1b2c3");
        QVERIFY(m_ws->sandbox()->registry().addImage("registry.acme.example/shop/frontend", {"0a1b2c3"}).ok());
        QVERIFY(repo->commit(QStringLiteral("main"), {git::FileChange{path, text}},
                             QStringLiteral("ci: update frontend image to 0a1b2c3 in dev"))
                    .ok());
        QCOMPARE(app("frontend-dev").sync, compare::SyncStatus::OutOfSync);
        const auto synced = runAutomatedSyncs(*m_ws, kWednesday);
        QCOMPARE(synced.size(), std::size_t(1));
        QCOMPARE(synced.front().first, std::string("frontend-dev"));
        QCOMPARE(app("frontend-dev").sync, compare::SyncStatus::Synced);
        // Production never syncs by itself.
        QCOMPARE(app("order-service-prod").sync, compare::SyncStatus::OutOfSync);
        QVERIFY(runAutomatedSyncs(*m_ws, kWednesday).empty());
    }
};

QTEST_GUILESS_MAIN(TestSyncController)
#include "tst_sync_controller.moc"
