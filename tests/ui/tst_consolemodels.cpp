#include "demofixture.h"
#include "workerspy.h"
#include "models/apptreemodel.h"
#include "models/environmentmatrixmodel.h"
#include "models/historymodel.h"
#include "models/operationmodel.h"
#include "models/resourcetreemodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>

using namespace capstan;
using namespace capstan::ui;

class TestConsoleModels : public QObject
{
    Q_OBJECT

private:
    test::DemoEngine m_engine;

    const engine::AppState &app(const char *name) { return *m_engine.client->snapshot()->app(name); }

private Q_SLOTS:
    void workerPublishesSnapshots()
    {
        // The demo is created, opened and refreshed on the worker thread (how
        // long the GUI thread may stall is measured by bench/gui, not here).
        QVERIFY(m_engine.start());
        QVERIFY(m_engine.client->snapshot()->apps.size() >= 15);
        QVERIFY(m_engine.client->windows() != nullptr);
    }

    void treeShowsTheAppOfApps()
    {
        AppTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(m_engine.client->snapshot());
        const auto snapshot = m_engine.client->snapshot();
        QCOMPARE(model.rowCount(), int(snapshot->roots.size()));
        const QModelIndex root = model.index(0, 0);
        QVERIFY(model.rowCount(root) > 0);
        // Every application is somewhere in the tree, under its parent.
        for (const engine::AppState &app : snapshot->apps) {
            const QModelIndex index = model.indexOf(QString::fromStdString(app.name));
            QVERIFY2(index.isValid(), app.name.c_str());
            QCOMPARE(index.parent().data(AppTreeModel::AppNameRole).toString(), QString::fromStdString(app.parent));
        }
        const QModelIndex prod = model.indexOf(QStringLiteral("order-service-prod"));
        QCOMPARE(prod.siblingAtColumn(AppTreeModel::SyncColumn).data().toString(), QStringLiteral("OutOfSync"));
        QCOMPARE(prod.data(AppTreeModel::EnvironmentRole).toString(), QStringLiteral("prod"));
        model.setSnapshot(m_engine.client->snapshot()); // the same tree again passes the tester
    }

    void aRefreshUpdatesRowsInPlace()
    {
        // A refresh with the same applications keeps the tree (expansion,
        // selection, scroll) and repaints only the rows that changed.
        AppTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(m_engine.client->snapshot());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        model.setSnapshot(std::make_shared<engine::WorkspaceSnapshot>(*m_engine.client->snapshot()));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changes.count(), 0); // nothing changed, nothing repainted

        auto next = std::make_shared<engine::WorkspaceSnapshot>(*m_engine.client->snapshot());
        for (engine::AppState &app : next->apps)
            if (app.name == "order-service-dev")
                app.health = health::HealthStatus::Degraded;
        model.setSnapshot(next);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changes.count(), 1);
        const QModelIndex dev = model.indexOf(QStringLiteral("order-service-dev"));
        QCOMPARE(changes.first().at(0).value<QModelIndex>().row(), dev.row());
        QCOMPARE(dev.siblingAtColumn(AppTreeModel::HealthColumn).data().toString(), QStringLiteral("Degraded"));

        // A new application changes the tree's shape: a reset.
        next = std::make_shared<engine::WorkspaceSnapshot>(*next);
        next->apps.erase(std::find_if(next->apps.begin(), next->apps.end(),
                                      [](const engine::AppState &a) { return a.name == "order-service-dev"; }));
        model.setSnapshot(next);
        QCOMPARE(resets.count(), 1);
        QVERIFY(!model.indexOf(QStringLiteral("order-service-dev")).isValid());
    }

    void filterFindsByEnvironmentAndStatus()
    {
        AppTreeModel model;
        AppFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(m_engine.client->snapshot());
        proxy.setFilterWords(QStringLiteral("prod outofsync"));
        QStringList found;
        std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
            for (int row = 0; row < proxy.rowCount(parent); ++row) {
                const QModelIndex index = proxy.index(row, 0, parent);
                if (index.data(AppTreeModel::SyncRole).toInt() == int(compare::SyncStatus::OutOfSync) &&
                    index.data(AppTreeModel::EnvironmentRole).toString() == QStringLiteral("prod"))
                    found << index.data(AppTreeModel::AppNameRole).toString();
                walk(index);
            }
        };
        walk({});
        QCOMPARE(found, QStringList{QStringLiteral("order-service-prod")});
        proxy.setFilterWords(QStringLiteral("no-such-app"));
        QCOMPARE(proxy.rowCount(), 0);
    }

    void matrixHasServicesByEnvironment()
    {
        EnvironmentMatrixModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(m_engine.client->snapshot());
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.columnCount(), 3);
        QStringList environments;
        for (int column = 0; column < 3; ++column)
            environments << model.headerData(column, Qt::Horizontal).toString();
        QCOMPARE(environments, (QStringList{QStringLiteral("dev"), QStringLiteral("staging"), QStringLiteral("prod")}));
        const QModelIndex cell = model.indexOf(QStringLiteral("order-service-prod"));
        QVERIFY(cell.isValid());
        QCOMPARE(model.headerData(cell.row(), Qt::Vertical).toString(), QStringLiteral("order-service"));
        QCOMPARE(cell.column(), 2);
        QCOMPARE(cell.data(EnvironmentMatrixModel::SyncRole).toInt(), int(compare::SyncStatus::OutOfSync));
        QCOMPARE(cell.data(EnvironmentMatrixModel::WindowRole).toInt(), int(argo::SyncWindowState::Allowed));
        // Production runs the previous release; Git wants the newest.
        QCOMPARE(cell.data(EnvironmentMatrixModel::ImageTagRole).toString(), QStringLiteral("v1.1.0 → v1.2.1"));
        QCOMPARE(cell.data(EnvironmentMatrixModel::RevisionRole).toString().size(), 7);
        const QModelIndex dev = model.indexOf(QStringLiteral("order-service-dev"));
        QCOMPARE(dev.data(EnvironmentMatrixModel::SyncRole).toInt(), int(compare::SyncStatus::Synced));
        QCOMPARE(dev.row(), cell.row());
        // Production runs an older release than dev: the matrix shows different tags.
        QVERIFY(dev.data(EnvironmentMatrixModel::ImageTagRole) != cell.data(EnvironmentMatrixModel::ImageTagRole));
        model.setSnapshot(m_engine.client->snapshot());
    }

    void resourceTreeOfAnApplication()
    {
        ResourceTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        test::WorkerSpy ready(m_engine.client->worker(), &EngineWorker::resourceTreeReady);
        m_engine.client->loadResourceTree(QStringLiteral("order-service-prod"));
        QVERIFY(ready.wait(60000));
        const auto tree = ready.first().first().value<ResourceTreePtr>();
        QVERIFY2(tree->error.isEmpty(), qPrintable(tree->error));
        model.setTree(tree->tree);
        QCOMPARE(model.rowCount(), int(app("order-service-prod").resources.size()));

        // Deployment (OutOfSync: Git wants a newer release) → ReplicaSet → Pods, each with health.
        QModelIndex deployment;
        for (int row = 0; row < model.rowCount(); ++row)
            if (model.index(row, ResourceTreeModel::KindColumn).data().toString() == QStringLiteral("apps/Deployment"))
                deployment = model.index(row, 0);
        QVERIFY(deployment.isValid());
        QCOMPARE(deployment.siblingAtColumn(ResourceTreeModel::StatusColumn).data().toString(), QStringLiteral("OutOfSync"));
        QCOMPARE(deployment.siblingAtColumn(ResourceTreeModel::HealthColumn).data().toString(), QStringLiteral("Healthy"));
        QVERIFY(model.rowCount(deployment) >= 1);
        const QModelIndex replicaSet = model.index(0, 0, deployment);
        QCOMPARE(replicaSet.data().toString(), QStringLiteral("apps/ReplicaSet"));
        QVERIFY(replicaSet.siblingAtColumn(ResourceTreeModel::StatusColumn).data().toString().isEmpty());
        QVERIFY2(replicaSet.siblingAtColumn(ResourceTreeModel::InfoColumn).data().toString().contains(QStringLiteral("ready")),
                 qPrintable(replicaSet.siblingAtColumn(ResourceTreeModel::InfoColumn).data().toString()));
        QVERIFY(model.rowCount(replicaSet) >= 1);
        const QModelIndex pod = model.index(0, 0, replicaSet);
        QCOMPARE(pod.data().toString(), QStringLiteral("Pod"));
        QCOMPARE(pod.siblingAtColumn(ResourceTreeModel::HealthColumn).data().toString(), QStringLiteral("Healthy"));
        QVERIFY(pod.siblingAtColumn(ResourceTreeModel::InfoColumn).data().toString().startsWith(QStringLiteral("Running")));
        QCOMPARE(model.parent(pod), replicaSet);
    }

    void historyAndOperationModels()
    {
        HistoryModel history;
        QAbstractItemModelTester historyTester(&history, QAbstractItemModelTester::FailureReportingMode::QtTest);
        test::WorkerSpy ready(m_engine.client->worker(), &EngineWorker::historyReady);
        m_engine.client->loadHistory(QStringLiteral("order-service-prod"));
        QVERIFY(ready.wait(60000));
        history.setHistory(ready.first().first().value<HistoryListPtr>());
        QCOMPARE(history.rowCount(), 1);
        QCOMPARE(history.index(0, HistoryModel::RevisionColumn).data().toString().size(), 7);

        OperationModel operation;
        QAbstractItemModelTester operationTester(&operation,
                                                 QAbstractItemModelTester::FailureReportingMode::QtTest);
        sync::OperationState state;
        state.resources.push_back({"apps", "v1", "Deployment", "shop-prod", "order-service", sync::ResultCode::Synced,
                                   sync::OperationPhase::Running, std::nullopt, sync::SyncPhase::Sync, 0, "applied"});
        operation.setState(state);
        QCOMPARE(operation.rowCount(), 1);
        QCOMPARE(operation.index(0, OperationModel::ResultColumn).data().toString(), QStringLiteral("Synced"));
        state.resources.front().hookPhase = sync::OperationPhase::Succeeded;
        operation.setState(state);
        QCOMPARE(operation.index(0, OperationModel::ProgressColumn).data().toString(), QStringLiteral("Succeeded"));
    }
};

QTEST_MAIN(TestConsoleModels)
#include "tst_consolemodels.moc"
