#include "argocd_fixture.h"
#include "demofixture.h"
#include "workerspy.h"
#include "dialogs/syncdialog.h"
#include "models/apptreemodel.h"
#include "views/clusterpicker.h"

#include <QComboBox>
#include <QLabel>
#include <QJsonArray>
#include <QJsonDocument>

using namespace capstan;
using namespace capstan::ui;

// The console with the Argo CD of a cluster as its engine: the fake Kubernetes API
// server of tests/core/kube serves Argo CD's Applications (127.0.0.1 only). The demo
// workspace stays open as the local clone Git's side is rendered from.
class TestArgoCdConsole : public QObject
{
    Q_OBJECT

private:
    ArgoFixture m_argo;
    test::DemoEngine m_engine;
    QString m_demoPath;     // what order-service-prod renders from in the demo workspace
    QString m_demoRevision; // the demo's newest commit
    QString m_demoNamespace;

    // Switches the engine to the fixture's Argo CD and waits for its snapshot.
    bool useArgoCd()
    {
        QSignalSpy snapshots(m_engine.client.get(), &EngineClient::snapshotChanged);
        m_engine.client->useArgoCd(QStringLiteral("test"));
        return snapshots.wait(60000) && m_engine.client->snapshot()->app("frontend") != nullptr;
    }

    // A running operation, as Argo CD's controller reports it once it took the request.
    void controllerReports(const QString &app, const QString &phase, const QString &message)
    {
        QJsonObject object = m_argo.application(app);
        if (phase != QStringLiteral("Running"))
            object.remove(QStringLiteral("operation")); // kept while the operation runs
        QJsonObject status = object[QStringLiteral("status")].toObject();
        status[QStringLiteral("operationState")] = QJsonObject {
            { "phase", phase },
            { "message", message },
            { "startedAt", "2026-11-25T10:00:05Z" },
            { "operation", QJsonObject { { "sync", QJsonObject { { "revision", "c0ffee1234567890abcdef1234567890abcdef12" } } } } },
            { "syncResult",
              QJsonObject { { "revision", "c0ffee1234567890abcdef1234567890abcdef12" },
                            { "resources",
                              QJsonArray { QJsonObject { { "group", "apps" },
                                                         { "version", "v1" },
                                                         { "kind", "Deployment" },
                                                         { "namespace", "shop" },
                                                         { "name", "frontend" },
                                                         { "status", "Synced" },
                                                         { "message", "deployment.apps/frontend configured" } } } } } } };
        if (phase != QStringLiteral("Running"))
            status[QStringLiteral("operationState")] = [&] {
                QJsonObject state = status[QStringLiteral("operationState")].toObject();
                state[QStringLiteral("finishedAt")] = QStringLiteral("2026-11-25T10:00:40Z");
                return state;
            }();
        object[QStringLiteral("status")] = status;
        m_argo.putApplication(object);
    }

    static engine::SyncCommand approved(const char *app)
    {
        engine::SyncCommand command;
        command.app = app;
        command.initiatedBy = "dave";
        command.approvalNote = "CHG-2211 approved in the release meeting";
        command.approvers = { "dave", "erin" };
        return command;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_argo.start(), "the test PKI could not be made (openssl)");
        qputenv("KUBECONFIG", m_argo.kube.dir.filePath(QStringLiteral("kubeconfig")).toLocal8Bit());
        QVERIFY(m_engine.start());
        const engine::AppState *prod = m_engine.client->snapshot()->app("order-service-prod");
        QVERIFY(prod);
        m_demoPath = QString::fromStdString(prod->path);
        m_demoRevision = QString::fromStdString(prod->revision);
        m_demoNamespace = QString::fromStdString(prod->destinationNamespace);
        QVERIFY(useArgoCd());
    }

    void thePickerOffersArgoCdAndShowsItInUse()
    {
        ClusterPicker picker(m_engine.client.get());
        QSignalSpy shown(&picker, &ClusterPicker::contextsShown);
        QVERIFY(shown.wait(60000));
        QVERIFY(picker.combo()->findText(QStringLiteral("Argo CD in test")) > 0);
        QCOMPARE(picker.combo()->currentText(), QStringLiteral("Argo CD in test"));
        QVERIFY(picker.argoCdIsEngine());
        QCOMPARE(m_engine.client->argoCdContext(), QStringLiteral("test"));
        // The calendar's windows are those of Argo CD's AppProjects, not the workspace's.
        QTRY_VERIFY_WITH_TIMEOUT(m_engine.client->windows() && m_engine.client->windows()->byProject.count("shop"), 60000);
        QVERIFY(!m_engine.client->windows()->byProject.at("shop").empty());
    }

    void argoCdsApplicationsReplaceTheWorkspaces()
    {
        const auto snapshot = m_engine.client->snapshot();
        QVERIFY(snapshot->app("order-service-prod") == nullptr); // nothing of the workspace's engine is shown
        AppTreeModel model;
        model.setSnapshot(snapshot);
        const QModelIndex root = model.indexOf(QStringLiteral("root")); // the app of apps
        QVERIFY(root.isValid());
        QVERIFY(!root.parent().isValid());
        QCOMPARE(model.rowCount(root), 2);
        const QModelIndex frontend = model.indexOf(QStringLiteral("frontend"));
        QCOMPARE(frontend.parent(), root);
        QCOMPARE(frontend.siblingAtColumn(AppTreeModel::SyncColumn).data().toString(), QStringLiteral("OutOfSync"));
        QCOMPARE(frontend.siblingAtColumn(AppTreeModel::HealthColumn).data().toString(), QStringLiteral("Degraded"));
    }

    void historyIsArgoCdsOwn()
    {
        test::WorkerSpy ready(m_engine.client->worker(), &EngineWorker::historyReady);
        m_engine.client->loadHistory(QStringLiteral("frontend"));
        QVERIFY(ready.wait(60000));
        const auto history = ready.first().first().value<HistoryListPtr>();
        QVERIFY2(history->error.isEmpty(), qPrintable(history->error));
        QCOMPARE(history->entries.size(), std::size_t(3));
        QCOMPARE(history->entries.front().id(), 9); // newest first, Argo CD's ids
        QCOMPARE(history->entries.back().operation.initiatedBy, std::string("alice"));
    }

    void gitsSideNamesTheCommitTheCloneLacks()
    {
        const engine::AppState *frontend = m_engine.client->snapshot()->app("frontend");
        QVERIFY(frontend);
        QStringList warnings;
        for (const std::string &w : frontend->warnings)
            warnings << QString::fromStdString(w);
        QVERIFY2(warnings.join('\n').contains(QStringLiteral("no commit c0ffee1 of https://git.example.com/shop/deploy.git")),
                 qPrintable(warnings.join('\n')));
    }

    void gitsSideIsRenderedFromTheClone()
    {
        // An Application whose source is in the demo workspace, at its newest commit.
        QJsonObject app = m_argo.application(QStringLiteral("frontend"));
        app["metadata"] = QJsonObject { { "name", "checkout" }, { "namespace", "argocd" } };
        QJsonObject spec = app["spec"].toObject();
        spec["source"] = QJsonObject { { "repoURL", "https://git.example.com/shop/deploy.git" },
                                       { "path", m_demoPath },
                                       { "targetRevision", "main" } };
        spec["destination"] = QJsonObject { { "name", "in-cluster" }, { "namespace", m_demoNamespace } };
        app["spec"] = spec;
        app["status"] = QJsonObject {
            { "sync", QJsonObject { { "status", "OutOfSync" }, { "revision", m_demoRevision } } },
            { "health", QJsonObject { { "status", "Missing" } } },
            { "resources", QJsonArray { QJsonObject { { "group", "apps" },
                                                      { "version", "v1" },
                                                      { "kind", "Deployment" },
                                                      { "namespace", m_demoNamespace },
                                                      { "name", "order-service" },
                                                      { "status", "OutOfSync" } } } } };
        m_argo.putApplication(app);
        QVERIFY(m_engine.refreshAt(test::kWednesday));
        const engine::AppState *checkout = m_engine.client->snapshot()->app("checkout");
        QVERIFY(checkout);
        QCOMPARE(checkout->resources.size(), std::size_t(1));
        const engine::ResourceState &deployment = checkout->resources.front();
        QVERIFY2(checkout->warnings.empty(), checkout->warnings.empty() ? "" : checkout->warnings.front().c_str());
        QVERIFY2(deployment.desiredYaml.find("kind: Deployment") != std::string::npos, deployment.desiredYaml.c_str());
        QVERIFY(deployment.desiredYaml.find("name: order-service") != std::string::npos);
        QVERIFY(deployment.liveYaml.empty()); // the cluster does not have it
    }

    void argoCdsConditionsDoNotStopTheSyncDialog()
    {
        // frontend carries Argo CD's SyncError of its last attempt: a person may sync again;
        // what stops the dialog is Capstan's own gate, and the warning says why Git's side is empty.
        const engine::AppState *frontend = m_engine.client->snapshot()->app("frontend");
        QVERIFY(!frontend->conditions.empty());
        SyncDialog dialog(m_engine.client.get(), *frontend);
        QCOMPARE(dialog.blockedReason(), QStringLiteral("Type the application's name to confirm."));
        QVERIFY(dialog.findChildren<QLabel *>().size() > 0);
        bool warned = false;
        for (const QLabel *label : dialog.findChildren<QLabel *>())
            warned = warned || label->text().contains(QStringLiteral("no commit c0ffee1"));
        QVERIFY(warned);
    }

    void aSyncWithoutTheApprovalIsNotSent()
    {
        m_argo.kube.server->clearRequests();
        test::WorkerSpy refused(m_engine.client->worker(), &EngineWorker::syncRefused);
        engine::SyncCommand command = approved("frontend");
        command.approvalNote.clear();
        m_engine.client->startSync(command);
        QVERIFY(refused.wait(60000));
        const QString message = refused.first().at(1).toString();
        QVERIFY2(message.contains(QStringLiteral("requires an approval note")), qPrintable(message));
        QVERIFY(m_argo.requests("PUT").isEmpty());
    }

    void aSyncIsAskedOfArgoCdAndFollowedToItsEnd()
    {
        test::WorkerSpy started(m_engine.client->worker(), &EngineWorker::operationStarted);
        test::WorkerSpy progress(m_engine.client->worker(), &EngineWorker::operationProgress);
        test::WorkerSpy finished(m_engine.client->worker(), &EngineWorker::operationFinished);
        m_engine.client->startSync(approved("frontend"));
        QVERIFY(started.wait(60000));
        QCOMPARE(started.first().first().toString(), QStringLiteral("frontend"));
        // The Application's operation, written as Argo CD's API server writes it.
        const QJsonObject operation = m_argo.application(QStringLiteral("frontend"))["operation"].toObject();
        QCOMPARE(operation["initiatedBy"].toObject()["username"].toString(), QStringLiteral("dave"));
        QVERIFY(operation.contains(QStringLiteral("sync")));
        QVERIFY(QJsonDocument(operation).toJson().contains("CHG-2211"));

        controllerReports(QStringLiteral("frontend"), QStringLiteral("Running"), QStringLiteral("one resource to go"));
        progress.clear();
        m_engine.client->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().at(1).value<sync::OperationState>().message
                                                            == "one resource to go",
                                 60000);
        QVERIFY(finished.isEmpty());

        // Terminate asks Argo CD: operationState.phase becomes Terminating.
        m_engine.client->terminate();
        const auto phase = [this] {
            const QJsonObject status = m_argo.application(QStringLiteral("frontend"))["status"].toObject();
            return status["operationState"].toObject()["phase"].toString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(phase(), QStringLiteral("Terminating"), 60000);

        controllerReports(QStringLiteral("frontend"), QStringLiteral("Succeeded"), QStringLiteral("successfully synced"));
        m_engine.client->refresh();
        QVERIFY(finished.wait(60000));
        const auto state = finished.first().at(1).value<sync::OperationState>();
        QCOMPARE(state.phase, sync::OperationPhase::Succeeded);
        QCOMPARE(state.resources.size(), std::size_t(1));
        QCOMPARE(state.resources.front().status, sync::ResultCode::Synced);
    }

    void aRollbackOfAnAutomatedApplicationIsRefusedAsArgoCdWould()
    {
        m_argo.kube.server->clearRequests();
        test::WorkerSpy finished(m_engine.client->worker(), &EngineWorker::historyRollbackFinished);
        m_engine.client->rollbackToHistory(QStringLiteral("root"), 1, 0, approved("root"));
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(1).toBool(), false);
        const QString message = finished.first().at(2).toString();
        QVERIFY2(message.contains(QStringLiteral("automated"), Qt::CaseInsensitive), qPrintable(message));
        QVERIFY(m_argo.requests("PUT").isEmpty());
    }

    void theSandboxComesBack()
    {
        QSignalSpy snapshots(m_engine.client.get(), &EngineClient::snapshotChanged);
        m_engine.client->useCluster(std::nullopt);
        QVERIFY(snapshots.wait(60000));
        QVERIFY(m_engine.client->snapshot()->app("order-service-prod") != nullptr);
        QVERIFY(m_engine.client->snapshot()->app("frontend") == nullptr);
        QTRY_COMPARE_WITH_TIMEOUT(m_engine.client->argoCdContext(), QString(), 60000);
    }
};

QTEST_MAIN(TestArgoCdConsole)
#include "tst_argocdconsole.moc"
