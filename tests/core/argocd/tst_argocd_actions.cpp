// Sync, rollback and terminate as Argo CD's API server does them: the Application's
// `operation` (or status.operationState.phase) written back with an update.

#include "argocd_fixture.h"

#include "argocd/argocd_engine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace capstan;

namespace {

const QString frontendPath = QString(ArgoFixture::collection) + "/frontend";

} // namespace

class TestArgoCdActions : public QObject
{
    Q_OBJECT

private:
    ArgoFixture m_argo;
    std::unique_ptr<argocd::ArgoCdEngine> m_engine;

    // The one update an action sent.
    RecordedRequest onlyPut()
    {
        const QList<RecordedRequest> puts = m_argo.requests("PUT");
        if (puts.size() != 1)
            qFatal("expected one PUT, got %d", int(puts.size()));
        return puts[0];
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!m_argo.start())
            QSKIP("openssl could not make the test PKI");
        m_engine = std::make_unique<argocd::ArgoCdEngine>(*m_argo.cluster);
    }

    void init() { m_argo.reset(); }

    void syncSetsTheOperation()
    {
        argocd::SyncRequest request;
        request.prune = true;
        request.resources = { { "apps", "Deployment", "shop", "frontend" }, { "", "Service", "shop", "frontend" } };
        request.username = "carol";
        request.approval = { "CHG-2301 roll forward", { "dave", "erin" } };
        auto result = m_engine->sync("frontend", request);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().toString().c_str());

        const RecordedRequest put = onlyPut();
        QCOMPARE(put.path, frontendPath);
        QCOMPARE(put.query.queryItemValue("fieldManager"), QString("capstan"));
        QCOMPARE(put.header("content-type"), QByteArray("application/json"));
        const QJsonObject body = bodyOf(put);
        QCOMPARE(body["metadata"]["resourceVersion"].toString(), QString("48150")); // optimistic concurrency
        QVERIFY(!body["metadata"].toObject().contains("managedFields"));
        QVERIFY(!body["status"].toObject().contains("operationState")); // the controller starts a fresh one
        QCOMPARE(body["spec"]["source"]["path"].toString(), QString("apps/frontend/overlays/prod")); // spec kept

        const QJsonObject operation = body["operation"].toObject();
        const QJsonObject sync = operation["sync"].toObject();
        QCOMPARE(sync["revision"].toString(), QString("main")); // the spec's targetRevision
        QCOMPARE(sync["prune"].toBool(), true);
        QVERIFY(!sync.contains("dryRun"));
        QVERIFY(sync["syncStrategy"].toObject().contains("hook"));
        const QJsonArray resources = sync["resources"].toArray();
        QCOMPARE(resources.size(), 2);
        QCOMPARE(resources[0].toObject(),
            (QJsonObject {
                { "group", "apps" }, { "kind", "Deployment" }, { "name", "frontend" }, { "namespace", "shop" } }));
        QVERIFY(!resources[1].toObject().contains("group")); // the core group is omitted, as Argo CD does
        QCOMPARE(sync["syncOptions"].toArray(), (QJsonArray { "CreateNamespace=true", "PruneLast=true" }));
        QCOMPARE(operation["retry"]["limit"].toInt(), 3);
        QCOMPARE(operation["initiatedBy"]["username"].toString(), QString("carol"));
        QCOMPARE(infoValue(operation, "Capstan approval note"), QString("CHG-2301 roll forward"));
        QCOMPARE(infoValue(operation, "Capstan approvers"), QString("dave, erin"));

        // What the cluster returned, read back as a requested operation.
        QVERIFY(argocd::operationsOf(result.value()).operationRequested);
        QCOMPARE(result.value().root().textAt({ "operation", "initiatedBy", "username" }), std::string("carol"));
    }

    void syncWithApplyStrategyAndDryRun()
    {
        argocd::SyncRequest request;
        request.revision = "v2.4.0";
        request.dryRun = true;
        request.strategy = argocd::SyncStrategy::Apply;
        request.force = true;
        QVERIFY(m_engine->sync("frontend", request).ok());
        const QJsonObject sync = bodyOf(onlyPut())["operation"]["sync"].toObject();
        QCOMPARE(sync["revision"].toString(), QString("v2.4.0"));
        QCOMPARE(sync["dryRun"].toBool(), true);
        QCOMPARE(sync["syncStrategy"].toObject(), (QJsonObject { { "apply", QJsonObject { { "force", true } } } }));
        QVERIFY(!bodyOf(onlyPut())["operation"].toObject().contains("info"));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("app");
        QTest::addColumn<qint64>("historyId");
        QTest::addColumn<int>("refusal");
        QTest::addColumn<QString>("message");

        QTest::newRow("sync while an operation runs")
            << "sync"
            << "backend" << qint64(0) << int(argocd::Refusal::OperationRunning) << "already in progress";
        QTest::newRow("rollback while an operation runs")
            << "rollback"
            << "backend" << qint64(3) << int(argocd::Refusal::OperationRunning) << "already in progress";
        QTest::newRow("sync another revision under automated sync")
            << "sync-revision"
            << "root" << qint64(0) << int(argocd::Refusal::AutomatedSync) << "cannot sync to";
        QTest::newRow("rollback under automated sync")
            << "rollback"
            << "root" << qint64(0) << int(argocd::Refusal::AutomatedSync) << "automated sync";
        QTest::newRow("rollback to an unknown id")
            << "rollback"
            << "frontend" << qint64(42) << int(argocd::Refusal::UnknownHistoryId) << "history id 42";
        QTest::newRow("rollback to an entry without source")
            << "rollback"
            << "legacy" << qint64(0) << int(argocd::Refusal::NoHistorySource) << "v0.11";
        QTest::newRow("sync blocked by a sync window")
            << "sync"
            << "legacy" << qint64(0) << int(argocd::Refusal::SyncWindow) << "blocked by sync window";
        QTest::newRow("dry run blocked by a sync window")
            << "sync-dry-run"
            << "legacy" << qint64(0) << int(argocd::Refusal::SyncWindow) << "blocked by sync window";
        QTest::newRow("terminate with nothing running")
            << "terminate"
            << "frontend" << qint64(0) << int(argocd::Refusal::NoOperation) << "no operation";
    }

    void refusals()
    {
        QFETCH(QString, action);
        QFETCH(QString, app);
        QFETCH(qint64, historyId);
        const std::string name = app.toStdString();
        argocd::ActionResult result = action == "terminate" ? m_engine->terminate(name)
            : action == "rollback" ? m_engine->rollback(name, { historyId, false, false, "carol", {} })
            : action == "sync-revision"
            ? m_engine->sync(name, { "feature-x", false, false, {}, argocd::SyncStrategy::Hook, false, "carol", {} })
            : action == "sync-dry-run"
            ? m_engine->sync(name, { "", false, true, {}, argocd::SyncStrategy::Hook, false, "carol", {} })
            : m_engine->sync(name, {});
        QVERIFY(!result.ok());
        QVERIFY(result.error().refusal);
        QTEST(int(*result.error().refusal), "refusal");
        QFETCH(QString, message);
        QVERIFY2(QString::fromStdString(result.error().message).contains(message), result.error().message.c_str());
        QCOMPARE(result.error().where, "argoproj.io/Application:argocd/" + name);
        QVERIFY(m_argo.requests("PUT").isEmpty()); // nothing was written
    }

    // frontend's project denies syncs now but lets people sync by hand (manualSync).
    void manualSyncAllowedByManualOnlyWindow()
    {
        QVERIFY(m_engine->sync("frontend", {}).ok());
        QCOMPARE(m_argo.requests("PUT").size(), 1);
    }

    // Without the AppProject Capstan cannot tell; Argo CD's controller holds the sync.
    void unreadableProjectLeavesTheWindowToArgoCd()
    {
        m_argo.forbidProjects();
        QVERIFY(m_engine->sync("legacy", {}).ok());
        QCOMPARE(m_argo.requests("PUT").size(), 1);
    }

    void dryRunSyncToAnotherRevisionIsAllowedUnderAutomatedSync()
    {
        QVERIFY(m_engine->sync("root", { "feature-x", false, true, {}, argocd::SyncStrategy::Hook, false, "carol", {} })
                    .ok());
        QCOMPARE(bodyOf(onlyPut())["operation"]["sync"]["revision"].toString(), QString("feature-x"));
    }

    void rollbackToHistoryEntry()
    {
        auto result = m_engine->rollback("frontend", { 8, true, false, "carol", { "revert bad flag", { "dave" } } });
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().toString().c_str());
        const QJsonObject operation = bodyOf(onlyPut())["operation"].toObject();
        const QJsonObject sync = operation["sync"].toObject();
        QCOMPARE(sync["revision"].toString(), QString("bbbbbbb222222222222222222222222222222222"));
        QCOMPARE(sync["source"]["path"].toString(), QString("apps/frontend/overlays/prod"));
        QCOMPARE(sync["source"]["targetRevision"].toString(), QString("main"));
        QCOMPARE(sync["prune"].toBool(), true);
        QCOMPARE(sync["syncStrategy"].toObject(), (QJsonObject { { "apply", QJsonObject() } }));
        QCOMPARE(sync["syncOptions"].toArray().size(), 2);
        QVERIFY(!operation.contains("retry")); // Argo CD's rollback sets none
        QCOMPARE(operation["initiatedBy"]["username"].toString(), QString("carol"));
        QCOMPARE(infoValue(operation, "Capstan rollback to history id"), QString("8"));
        QCOMPARE(infoValue(operation, "Capstan approvers"), QString("dave"));

        // Once Argo CD runs it, the operation reads back as a rollback with its approval.
        manifest::Object running = result.value();
        running.root()["status"]["operationState"].set("operation", *running.root().find("operation"));
        running.root()["status"]["operationState"].set("phase", manifest::Node::string("Running"));
        const argocd::ApplicationOperations ops = argocd::operationsOf(running);
        QVERIFY(ops.operation->kind == history::OperationKind::Rollback);
        QCOMPARE(ops.operation->approvalNote, std::string("revert bad flag"));
        QCOMPARE(ops.operation->revision, std::string("bbbbbbb222222222222222222222222222222222"));
    }

    void terminateSetsThePhase()
    {
        auto result = m_engine->terminate("backend");
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().toString().c_str());
        const RecordedRequest put = onlyPut();
        QCOMPARE(put.path, QString(ArgoFixture::collection) + "/backend");
        QCOMPARE(put.query.queryItemValue("fieldManager"), QString("capstan"));
        const QJsonObject body = bodyOf(put);
        QCOMPARE(body["status"]["operationState"]["phase"].toString(), QString("Terminating"));
        // The rest of the operation stays for the controller to stop.
        QCOMPARE(body["operation"]["sync"]["revision"].toString(), QString("d00d5678901234567890abcdef1234567890abcd"));
        QCOMPARE(body["status"]["operationState"]["startedAt"].toString(), QString("2026-11-20T09:40:00Z"));
        const QJsonObject stored = m_argo.application("backend");
        QCOMPARE(stored["status"]["operationState"]["phase"].toString(), QString("Terminating"));
    }

    void clusterErrorsPassThrough_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("reason");
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("expected");

        QTest::newRow("403") << 403 << QByteArray("Forbidden")
                             << QByteArray("applications.argoproj.io \"frontend\" is forbidden: User \"alice\" cannot "
                                           "update resource \"applications\" in API group \"argoproj.io\" in the "
                                           "namespace \"argocd\"")
                             << int(cluster::ErrorCode::Forbidden) << "not allowed to update";
        QTest::newRow("409") << 409 << QByteArray("Conflict")
                             << QByteArray("Operation cannot be fulfilled on applications.argoproj.io \"frontend\": "
                                           "the object has been modified; please apply your changes to the latest "
                                           "version and try again")
                             << int(cluster::ErrorCode::Conflict) << "the object has been modified";
        QTest::newRow("422") << 422 << QByteArray("Invalid")
                             << QByteArray(
                                    "Application.argoproj.io \"frontend\" is invalid: operation.sync.resources[0]"
                                    ".kind: Required value")
                             << int(cluster::ErrorCode::Invalid) << "Required value";
    }

    void clusterErrorsPassThrough()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, reason);
        QFETCH(QByteArray, message);
        m_argo.failWrites({ status, statusBody(status, reason, message) });
        auto result = m_engine->sync("frontend", {});
        QVERIFY(!result.ok());
        QVERIFY(!result.error().refusal);
        QVERIFY(result.error().clusterCode);
        QTEST(int(*result.error().clusterCode), "code");
        QFETCH(QString, expected);
        const QString text = QString::fromStdString(result.error().toString());
        QVERIFY2(text.contains(expected) && text.contains("frontend"), qPrintable(text));
    }

    void unknownApplication()
    {
        auto result = m_engine->sync("nope", {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().clusterCode, std::optional(cluster::ErrorCode::NotFound));
        QVERIFY(QString::fromStdString(result.error().toString()).contains("nope"));
    }
};

QTEST_GUILESS_MAIN(TestArgoCdActions)
#include "tst_argocd_actions.moc"
