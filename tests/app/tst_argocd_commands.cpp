// capstanctl argocd: Capstan as the console of an Argo CD in a cluster, against the fake
// HTTPS API server of tests/core/kube serving the Argo CD Applications of
// tests/core/argocd/data (127.0.0.1 only).

#include "argocd_fixture.h"
#include "ctlrun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace capstan;
using test::capstanctl;
using test::lines;
using test::Run;

namespace {

// The printed line that starts with `first` (a table row's name).
QString rowOf(const std::string &text, const QString &first)
{
    for (const QString &line : lines(text)) {
        if (line.section(QLatin1Char(' '), 0, 0) == first)
            return line;
    }
    return {};
}

// Whether a printed line holds these cells, in this order (a table row, whatever the widths).
bool hasRow(const std::string &text, const QStringList &cells)
{
    for (const QString &line : lines(text)) {
        const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        qsizetype at = 0;
        for (const QString &word : words) {
            if (at < cells.size() && word == cells[at])
                ++at;
        }
        if (at == cells.size())
            return true;
    }
    return false;
}

} // namespace

class TestArgoCdCommands : public QObject
{
    Q_OBJECT

private:
    ArgoFixture m_argo;
    QString m_kubeconfig;

    // capstanctl with the test kubeconfig and context appended.
    Run argocd(QStringList args)
    {
        args.prepend(QStringLiteral("argocd"));
        return capstanctl(args << "--kubeconfig" << m_kubeconfig << "--context"
                               << "test");
    }

    // Requests for the one Application `name` (reads and writes).
    QList<RecordedRequest> requestsFor(const QString &name) const
    {
        QList<RecordedRequest> out;
        for (const RecordedRequest &r : m_argo.kube.server->requests()) {
            if (r.path == QString(ArgoFixture::collection) + "/" + name)
                out.append(r);
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!m_argo.start())
            QSKIP("openssl could not make the test PKI");
        m_kubeconfig = m_argo.kube.dir.filePath("kubeconfig");
    }

    void init() { m_argo.reset(); }

    void listShowsEveryApplication_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QStringList>("wideCells");
        QTest::newRow("root") << "root"
                              << "root      default  Synced     Healthy"
                              << QStringList { "8f3c2a1", "https://kubernetes.default.svc/argocd", "allowed",
                                     "Succeeded" };
        QTest::newRow("frontend: by cluster name, window open for manual syncs, last sync failed")
            << "frontend"
            << "frontend  shop     OutOfSync  Degraded"
            << QStringList { "c0ffee1", "prod-eu/shop", "manual", "sync", "only", "Failed" };
        QTest::newRow("backend: an operation running")
            << "backend"
            << "backend   shop     OutOfSync  Progressing" << QStringList { "allowed", "Running" };
        QTest::newRow("legacy: frozen by a window, unknown phase")
            << "legacy"
            << "legacy    frozen   Unknown    Unknown" << QStringList { "denied", "Error" };
    }

    void listShowsEveryApplication()
    {
        QFETCH(QString, name);
        const Run table = argocd({ "app", "list" });
        QVERIFY2(table.code == 0, table.describe());
        QVERIFY2(lines(table.out).first().startsWith("NAME      PROJECT  SYNC       HEALTH"), table.describe());
        QFETCH(QString, expected);
        QVERIFY2(rowOf(table.out, name).startsWith(expected), table.describe());

        const Run wide = argocd({ "app", "list", "-o", "wide" });
        QVERIFY2(wide.code == 0, wide.describe());
        QVERIFY2(hasRow(wide.out, { "REVISION", "DESTINATION", "WINDOW", "OPERATION" }), wide.describe());
        QFETCH(QStringList, wideCells);
        QVERIFY2(hasRow(wide.out, QStringList { name } + wideCells), wide.describe());
    }

    void listAsJson()
    {
        const Run run = argocd({ "app", "list", "-o", "json" });
        QVERIFY2(run.code == 0, run.describe());
        const QJsonArray apps = test::parseJson(run.out).array();
        QCOMPARE(apps.size(), 4);
        QCOMPARE(apps[0]["name"].toString(), QString("backend"));
        QCOMPARE(apps[0]["operation"]["result"].toString(), QString("Running"));
        QCOMPARE(apps[2]["name"].toString(), QString("legacy"));
        QCOMPARE(apps[1]["approval"]["approvers"].toInt(), 2);
    }

    void getShowsStatusResourcesAndTheLastOperation()
    {
        const Run run = argocd({ "app", "get", "frontend" });
        QVERIFY2(run.code == 0, run.describe());
        for (const char *text : { "Project:            shop", "Server:             prod-eu",
                 "Approval:           an approval note and 2 approvers for a manual sync",
                 "Sync Status:        OutOfSync to c0ffee1", "Health Status:      Degraded", "SyncError",
                 "Last Operation:     Sync", "Phase:              Failed", "Initiated By:       carol",
                 "Approval Note:      CHG-2291 hotfix", "Approvers:          dave, erin",
                 "spec.template.spec.containers[0].image: Required value" })
            QVERIFY2(run.has(text), qPrintable(QString("missing '%1' in\n%2").arg(text, run.describe())));
        // The operation's per-resource results, hooks included.
        QVERIFY2(hasRow(run.out, { "batch", "Job", "shop", "frontend-migrate", "Synced", "job", "completed" }),
            run.describe());
        QVERIFY2(hasRow(run.out, { "apps", "Deployment", "shop", "frontend", "SyncFailed", "Deployment.apps" }),
            run.describe());
    }

    void getShowsARunningOperation()
    {
        const Run run = argocd({ "app", "get", "backend" });
        QVERIFY2(run.code == 0, run.describe());
        QVERIFY2(run.has("Operation:          AutoSync"), run.describe());
        QVERIFY2(run.has("waiting for healthy state of apps/Deployment/backend"), run.describe());
        QVERIFY2(!run.has("Finished:"), run.describe());
    }

    void historyNewestFirst()
    {
        const Run run = argocd({ "app", "history", "frontend" });
        QVERIFY2(run.code == 0, run.describe());
        const QStringList rows = lines(run.out);
        QCOMPARE(rows.size(), 4);
        QVERIFY2(rows[0].startsWith("ID  DEPLOYED AT              REVISION  INITIATED BY"), run.describe());
        QVERIFY2(rows[1].startsWith("9 "), run.describe());
        QVERIFY2(rows[3].startsWith("7   2026-11-17 15:40:00 UTC  aaaaaaa   alice"), run.describe());

        const Run json = argocd({ "app", "history", "frontend", "-o", "json" });
        QVERIFY2(json.code == 0, json.describe());
        const QJsonArray entries = test::parseJson(json.out).array();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries[2]["id"].toInt(), 7);
        QCOMPARE(entries[2]["revision"].toString(), QString("aaaaaaa111111111111111111111111111111111"));
    }

    void syncSetsTheOperation()
    {
        const Run run = argocd({ "app", "sync", "frontend", "--prune", "--resource", "apps:Deployment:shop/frontend",
            "--note", "CHG-2301 roll forward", "--approver", "dave", "--approver", "erin" });
        QVERIFY2(run.code == 0, run.describe());
        QVERIFY2(run.has("Sync of frontend requested from Argo CD."), run.describe());
        QVERIFY2(run.has("capstanctl argocd app get frontend --kubeconfig"), run.describe());

        const QList<RecordedRequest> puts = m_argo.requests("PUT");
        QCOMPARE(puts.size(), 1);
        QCOMPARE(puts[0].path, QString(ArgoFixture::collection) + "/frontend");
        const QJsonObject operation = bodyOf(puts[0])["operation"].toObject();
        QCOMPARE(operation["sync"]["prune"].toBool(), true);
        const QJsonArray resources = operation["sync"]["resources"].toArray();
        QCOMPARE(resources.size(), 1);
        QCOMPARE(resources[0]["kind"].toString(), QString("Deployment"));
        QCOMPARE(resources[0]["namespace"].toString(), QString("shop"));
        QCOMPARE(infoValue(operation, "Capstan approval note"), QString("CHG-2301 roll forward"));
        QVERIFY(!operation["initiatedBy"]["username"].toString().isEmpty());
    }

    void approvalGate_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("refusal"); // empty: allowed
        QTest::newRow("sync without a note") << QStringList { "sync", "frontend" } << "requires an approval note";
        QTest::newRow("sync with one approver") << QStringList { "sync", "frontend", "--note", "CHG-1", "--approver",
            "dave" } << "requires 2 different approvers, 1 given (--approver)";
        QTest::newRow("the same approver twice") << QStringList { "sync", "frontend", "--note", "CHG-1", "--approver",
            "dave", "--approver", "dave" } << "1 given";
        QTest::newRow("rollback without a note") << QStringList { "rollback", "frontend", "8" } << "approval note";
        QTest::newRow("a dry run needs no approval") << QStringList { "sync", "frontend", "--dry-run" } << "";
        QTest::newRow("root's project asks none") << QStringList { "sync", "root" } << "";
    }

    void approvalGate()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, refusal);
        const Run run = argocd(QStringList { "app" } + args);
        if (refusal.isEmpty()) {
            QVERIFY2(run.code == 0, run.describe());
            QCOMPARE(m_argo.requests("PUT").size(), 1);
            return;
        }
        QVERIFY2(run.code == 1, run.describe());
        QVERIFY2(run.errHas(qPrintable(refusal)), run.describe());
        QVERIFY2(run.errHas("of 'frontend' refused: project 'shop'"), run.describe());
        QVERIFY2(requestsFor("frontend").isEmpty(), run.describe()); // not even read: nothing was asked
        QVERIFY(m_argo.requests("PUT").isEmpty());
    }

    void argoCdRefusals_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("operation running") << QStringList { "sync", "backend", "--dry-run" }
                                           << "argoproj.io/Application:argocd/backend: another operation is already "
                                              "in progress";
        QTest::newRow("rollback under automated sync")
            << QStringList { "rollback", "root", "0" } << "rollback cannot be initiated when automated sync is on";
        QTest::newRow("sync window") << QStringList { "sync", "legacy" } << "blocked by sync window";
        QTest::newRow("nothing to terminate")
            << QStringList { "terminate-op", "frontend" } << "no operation is in progress";
    }

    void argoCdRefusals()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run run = argocd(QStringList { "app" } + args);
        QVERIFY2(run.code == 1, run.describe());
        QVERIFY2(run.errHas(qPrintable(message)), run.describe());
        QVERIFY(m_argo.requests("PUT").isEmpty());
    }

    void rollbackAndTerminate()
    {
        Run run = argocd(
            { "app", "rollback", "frontend", "8", "--note", "CHG-7", "--approver", "dave", "--approver", "erin" });
        QVERIFY2(run.code == 0, run.describe());
        QVERIFY2(run.has("Rollback to history entry 8 of frontend requested"), run.describe());
        QCOMPARE(bodyOf(m_argo.requests("PUT").value(0))["operation"]["sync"]["revision"].toString(),
            QString("bbbbbbb222222222222222222222222222222222"));

        m_argo.reset();
        run = argocd({ "app", "terminate-op", "backend" });
        QVERIFY2(run.code == 0, run.describe());
        QCOMPARE(bodyOf(m_argo.requests("PUT").value(0))["status"]["operationState"]["phase"].toString(),
            QString("Terminating"));
    }

    void clusterErrorsAreReported()
    {
        m_argo.failWrites({ 403,
            statusBody(403, "Forbidden",
                "applications.argoproj.io \"root\" is forbidden: User \"alice\" cannot update resource "
                "\"applications\" in API group \"argoproj.io\" in the namespace \"argocd\"") });
        const Run run = argocd({ "app", "sync", "root" });
        QVERIFY2(run.code == 1, run.describe());
        QVERIFY2(run.errHas("cannot update resource \"applications\""), run.describe());
        QVERIFY2(!run.has("requested"), run.describe());
    }

    // Without the AppProjects Capstan cannot tell whether approval is required: it says so, and
    // leaves the decision to Argo CD's RBAC rather than refusing every sync.
    void unreadableProjectsWarnThatTheGateIsUnknown()
    {
        m_argo.forbidProjects();
        const Run run = argocd({ "app", "sync", "frontend" });
        QVERIFY2(run.code == 0, run.describe());
        QVERIFY2(run.errHas("warning: "), run.describe());
        QVERIFY2(run.errHas("cannot read the AppProjects, so sync windows and approval rules"), run.describe());
        QCOMPARE(m_argo.requests("PUT").size(), 1);
    }

    void kubeconfigFromTheEnvironment()
    {
        const QByteArray saved = qgetenv("KUBECONFIG");
        qputenv("KUBECONFIG", m_kubeconfig.toUtf8());
        const Run run = capstanctl({ "argocd", "app", "history", "root" });
        qputenv("KUBECONFIG", saved);
        QVERIFY2(run.code == 0, run.describe());
        QVERIFY2(hasRow(run.out, { "1", "2026-11-20", "09:14:03", "UTC", "8f3c2a1", "automated" }), run.describe());
    }

    void unknownContextListsTheContexts()
    {
        const Run run = capstanctl({ "argocd", "app", "list", "--kubeconfig", m_kubeconfig, "--context", "prod" });
        QVERIFY2(run.code == 1, run.describe());
        QVERIFY2(run.errHas("context \"prod\" is not defined in the kubeconfig (contexts: test)"), run.describe());
        QVERIFY(m_argo.kube.server->requests().isEmpty());
    }

    // kubectl's order: cluster options before the command's words.
    void contextBeforeTheCommand()
    {
        const Run run
            = capstanctl({ "--context", "test", "--kubeconfig", m_kubeconfig, "argocd", "app", "get", "root" });
        QVERIFY2(run.code == 0, run.describe());
        QVERIFY2(run.has("Name:               root"), run.describe());
    }

    void unreachableClusterIsReported()
    {
        const QString kubeconfig = m_argo.kube.write("unreachable",
            "apiVersion: v1\nkind: Config\ncurrent-context: gone\nclusters:\n- name: gone\n  cluster:\n"
            "    server: https://127.0.0.1:1\n    certificate-authority: ca.crt\n"
            "contexts:\n- name: gone\n  context: {cluster: gone}\n");
        const Run run = capstanctl({ "argocd", "app", "list", "--kubeconfig", kubeconfig });
        QVERIFY2(run.code == 1, run.describe());
        QVERIFY2(run.errHas("127.0.0.1:1"), run.describe());
    }

    void unknownApplicationNamesTheOnesThatExist()
    {
        const Run run = argocd({ "app", "get", "checkout" });
        QVERIFY2(run.code == 1, run.describe());
        QVERIFY2(run.errHas("application \"checkout\" not found in namespace argocd (applications: backend, "
                            "frontend, legacy, root)"),
            run.describe());
    }

    void otherNamespaceIsForbidden()
    {
        const Run run = argocd({ "app", "list", "--argocd-namespace", "argo-prod" });
        QVERIFY2(run.code == 1, run.describe());
        QVERIFY2(run.errHas("forbidden"), run.describe());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("sync without a name") << QStringList { "sync" };
        QTest::newRow("rollback without an id") << QStringList { "rollback", "frontend" };
        QTest::newRow("rollback to a word") << QStringList { "rollback", "frontend", "latest" };
        QTest::newRow("bad resource") << QStringList { "sync", "frontend", "--resource", "Deployment" };
        QTest::newRow("yaml is not offered") << QStringList { "list", "-o", "yaml" };
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        const Run run = argocd(QStringList { "app" } + args);
        QVERIFY2(run.code == 2, run.describe());
        QVERIFY(m_argo.kube.server->requests().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestArgoCdCommands)
#include "tst_argocd_commands.moc"
