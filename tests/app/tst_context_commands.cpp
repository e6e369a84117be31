// capstanctl on a real cluster: --context and --kubeconfig point the workspace at
// the fake HTTPS API server of tests/core/kube (127.0.0.1 only), which serves the
// live objects of a tiny GitOps repository's application.

#include "ctlrun.h"
#include "kube_fixture.h"
#include "scratchrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFile>
#include <QTest>

using namespace capstan;
using test::capstanctl;
using test::lines;
using test::Run;

namespace {

QByteArray application(const QByteArray &name, const QByteArray &destination)
{
    return "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: " + name
        + "\n  namespace: argocd\nspec:\n  project: default\n  source:\n"
          "    repoURL: https://git.example.invalid/shop.git\n    path: apps/web\n    targetRevision: HEAD\n"
          "  destination:\n    "
        + destination + "\n    namespace: team-a\n";
}

const QByteArray kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
)";

const QByteArray kConfigMap = R"(apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
data:
  greeting: hello
)";

// What the cluster runs: the ConfigMap as Git has it, the Deployment one image
// behind and rolled out. List items carry no kind, as a real list's do not.
const QByteArray kLiveConfigMaps = R"({"kind":"ConfigMapList","apiVersion":"v1","metadata":{"resourceVersion":"120"},
"items":[{"metadata":{"name":"web-config","namespace":"team-a","uid":"c1","resourceVersion":"111",
"creationTimestamp":"2026-11-20T09:00:00Z",
"annotations":{"argocd.argoproj.io/tracking-id":"web:/ConfigMap:team-a/web-config"}},
"data":{"greeting":"hello"}}]})";

const QByteArray kLiveDeployments = R"({"kind":"DeploymentList","apiVersion":"apps/v1",
"metadata":{"resourceVersion":"120"},
"items":[{"metadata":{"name":"web","namespace":"team-a","uid":"d1","resourceVersion":"115","generation":4,
"creationTimestamp":"2026-11-20T09:00:00Z",
"annotations":{"argocd.argoproj.io/tracking-id":"web:apps/Deployment:team-a/web"}},
"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx:1.26"}]}}},
"status":{"observedGeneration":4,"replicas":2,"updatedReplicas":2,"readyReplicas":2,"availableReplicas":2,
"conditions":[{"type":"Available","status":"True"},
{"type":"Progressing","status":"True","reason":"NewReplicaSetAvailable"}]}}]})";

// The one item of a list, as a GET or PATCH of it returns it.
QByteArray liveItem(const QByteArray &list, const char *kind, const char *apiVersion)
{
    QJsonObject item
        = QJsonDocument::fromJson(list).object().value(QStringLiteral("items")).toArray().first().toObject();
    item.insert(QStringLiteral("kind"), QString::fromLatin1(kind));
    item.insert(QStringLiteral("apiVersion"), QString::fromLatin1(apiVersion));
    return QJsonDocument(item).toJson(QJsonDocument::Compact);
}

// The line of a table whose first column is `first`.
QString row(const std::string &table, const QString &first)
{
    for (const QString &line : lines(table))
        if (line.section(QLatin1Char(' '), 0, 0) == first)
            return line.simplified();
    return {};
}

} // namespace

class TestContextCommands : public QObject
{
    Q_OBJECT

    KubeFixture m_fixture;
    ScratchRepository m_repo;
    QString m_kubeconfig;

    Run ctl(QStringList args, const QString &context = QStringLiteral("fake"))
    {
        args << QStringLiteral("--repo") << m_repo.path() << QStringLiteral("--context") << context
             << QStringLiteral("--kubeconfig") << m_kubeconfig;
        return capstanctl(args);
    }

    // Requests that change the cluster (anything but discovery, lists and watches).
    int writes() const
    {
        int count = 0;
        for (const RecordedRequest &r : m_fixture.server->requests())
            count += r.method != "GET";
        return count;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_repo.isValid());
        // A user's own ~/.config/capstan/capstanctl.yaml must not change what the tests see.
        qputenv("XDG_CONFIG_HOME", m_fixture.dir.filePath(QStringLiteral("config")).toUtf8());
        QVERIFY(m_fixture.start());
        m_fixture.serve([](const RecordedRequest &r) -> CannedResponse {
            if (r.query.queryItemValue(QStringLiteral("watch")) == QLatin1String("1")) {
                CannedResponse quiet; // a watch that sees no change while the test runs
                quiet.stream = true;
                quiet.keepOpen = true;
                return quiet;
            }
            // Server-side apply, only as a dry run: the object as it is.
            if (r.method == "PATCH" && r.query.queryItemValue(QStringLiteral("dryRun")) == QLatin1String("All")) {
                if (r.path == QLatin1String("/api/v1/namespaces/team-a/configmaps/web-config"))
                    return { 200, liveItem(kLiveConfigMaps, "ConfigMap", "v1") };
                if (r.path == QLatin1String("/apis/apps/v1/namespaces/team-a/deployments/web"))
                    return { 200, liveItem(kLiveDeployments, "Deployment", "apps/v1") };
            }
            if (r.method != "GET")
                return { 403, statusBody(403, "Forbidden", "this test's cluster is read-only") };
            if (!r.query.hasQueryItem(QStringLiteral("limit"))) // one object: none here but the listed ones
                return { 404, statusBody(404, "NotFound", r.path.toUtf8() + " not found") };
            if (r.path == QLatin1String("/api/v1/configmaps"))
                return { 200, kLiveConfigMaps };
            if (r.path == QLatin1String("/apis/apps/v1/deployments"))
                return { 200, kLiveDeployments };
            return { 200, R"({"kind":"List","apiVersion":"v1","metadata":{"resourceVersion":"120"},"items":[]})" };
        });
        const QByteArray url = m_fixture.server->url().toUtf8();
        // Two contexts reach the fake server: the current one (admin) and the one the
        // tests choose (fake). The other cluster is never contacted.
        m_kubeconfig = m_fixture.write(QStringLiteral("kubeconfig"),
            "apiVersion: v1\nkind: Config\ncurrent-context: admin\nclusters:\n"
            "- name: fake\n  cluster:\n    server: "
                + url
                + "\n    certificate-authority: ca.crt\n"
                  "- name: other\n  cluster:\n    server: https://other.example.invalid:6443\n"
                  "users:\n- name: tester\n  user:\n    token: secret-token\n"
                  "contexts:\n- name: admin\n  context: {cluster: fake, user: tester}\n"
                  "- name: fake\n  context: {cluster: fake, user: tester}\n"
                  "- name: other\n  context: {cluster: other, user: tester}\n");

        m_repo.commit(
            { { QStringLiteral("apps/web/kustomization.yaml"), "resources:\n- deployment.yaml\n- configmap.yaml\n" },
                { QStringLiteral("apps/web/deployment.yaml"), kDeployment },
                { QStringLiteral("apps/web/configmap.yaml"), kConfigMap },
                { QStringLiteral("argocd/web.yaml"), application("web", "name: fake") },
                // The same cluster by its URL (the current-context's too), a server
                // no context reaches, and the cluster of another context.
                { QStringLiteral("argocd/web-by-url.yaml"), application("web-by-url", "server: " + url) },
                { QStringLiteral("argocd/remote.yaml"),
                    application("remote", "server: https://prod.example.invalid:6443") },
                { QStringLiteral("argocd/elsewhere.yaml"), application("elsewhere", "name: other") } },
            QStringLiteral("web, web-by-url, remote and elsewhere"));
    }

    void cleanupTestCase() { m_fixture.server->closeStreams(); }

    void listShowsLiveStatusFromTheContextsCluster()
    {
        m_fixture.server->clearRequests();
        const Run run = ctl({ QStringLiteral("app"), QStringLiteral("list") });
        QVERIFY2(run.code == 0, run.describe());
        QCOMPARE(row(run.out, QStringLiteral("web")), QStringLiteral("web default OutOfSync Healthy Manual"));
        QCOMPARE(row(run.out, QStringLiteral("remote")), QStringLiteral("remote default Unknown Unknown Manual"));
        QCOMPARE(row(run.out, QStringLiteral("elsewhere")), QStringLiteral("elsewhere default Unknown Unknown Manual"));
        // Nothing runs for it yet, but it is this cluster's: compared, not refused.
        QCOMPARE(
            row(run.out, QStringLiteral("web-by-url")), QStringLiteral("web-by-url default OutOfSync Missing Manual"));
        bool listed = false;
        for (const RecordedRequest &r : m_fixture.server->requests()) {
            listed = listed || r.path == QLatin1String("/apis/apps/v1/deployments");
            QCOMPARE(r.header("authorization"), QByteArray("Bearer secret-token"));
        }
        QVERIFY(listed);
    }

    void contextMayComeBeforeTheCommand()
    {
        const Run run = capstanctl(
            { QStringLiteral("--context"), QStringLiteral("fake"), QStringLiteral("--kubeconfig=") + m_kubeconfig,
                QStringLiteral("app"), QStringLiteral("list"), QStringLiteral("--repo"), m_repo.path() });
        QVERIFY2(run.code == 0, run.describe());
        QCOMPARE(row(run.out, QStringLiteral("web")), QStringLiteral("web default OutOfSync Healthy Manual"));
    }

    void kubeconfigAloneUsesItsCurrentContext()
    {
        const Run run = capstanctl({ QStringLiteral("app"), QStringLiteral("list"), QStringLiteral("--kubeconfig"),
            m_kubeconfig, QStringLiteral("--repo"), m_repo.path() });
        QVERIFY2(run.code == 0, run.describe());
        // "name: fake" names context fake, whose cluster is admin's too.
        QCOMPARE(row(run.out, QStringLiteral("web")), QStringLiteral("web default OutOfSync Healthy Manual"));
        QCOMPARE(
            row(run.out, QStringLiteral("web-by-url")), QStringLiteral("web-by-url default OutOfSync Missing Manual"));
    }

    void getShowsEachLiveResource()
    {
        const Run run = ctl({ QStringLiteral("app"), QStringLiteral("get"), QStringLiteral("web") });
        QVERIFY2(run.code == 0, run.describe());
        QVERIFY2(run.has("Health Status:      Healthy"), run.out.c_str());
        const QString deployment = row(run.out, QStringLiteral("apps"));
        QVERIFY2(
            deployment.startsWith(QStringLiteral("apps Deployment team-a web OutOfSync Healthy")), run.out.c_str());
        QVERIFY2(run.has("ConfigMap") && run.has("web-config"), run.out.c_str());
    }

    void diffShowsTheLiveImage()
    {
        const Run run = ctl({ QStringLiteral("app"), QStringLiteral("diff"), QStringLiteral("web") });
        QVERIFY2(run.code == 1, run.describe()); // differences found
        QVERIFY2(run.has("-      - image: nginx:1.26\n+      - image: nginx:1.27\n"), run.out.c_str());
        QVERIFY2(!run.has("web-config"), run.out.c_str()); // Synced: not in the diff
    }

    void dryRunSyncAppliesServerSide()
    {
        m_fixture.server->clearRequests();
        const Run run = ctl(
            { QStringLiteral("app"), QStringLiteral("sync"), QStringLiteral("web"), QStringLiteral("--dry-run") });
        QVERIFY2(run.code == 0, run.describe());
        QVERIFY2(run.has("Dry run of sync") && run.has("Succeeded"), run.out.c_str());
        QStringList applied;
        for (const RecordedRequest &r : m_fixture.server->requests()) {
            if (r.method != "PATCH")
                continue;
            applied << r.path;
            QCOMPARE(r.header("content-type"), QByteArray("application/apply-patch+yaml"));
            QCOMPARE(r.query.queryItemValue(QStringLiteral("fieldManager")), QStringLiteral("capstan"));
            QCOMPARE(r.query.queryItemValue(QStringLiteral("dryRun")), QStringLiteral("All"));
        }
        // Every object is applied as a dry run before the wave applies it (as Argo CD
        // validates a sync first): with --dry-run both are.
        applied.sort();
        applied.removeDuplicates();
        QCOMPARE(applied,
            QStringList({ QStringLiteral("/api/v1/namespaces/team-a/configmaps/web-config"),
                QStringLiteral("/apis/apps/v1/namespaces/team-a/deployments/web") }));
        // The context keeps its own history, apart from the sandbox's.
        QVERIFY(QFile::exists(m_repo.path() + QStringLiteral("/.git/capstan/contexts/fake/history.db")));
        QVERIFY(!QFile::exists(m_repo.path() + QStringLiteral("/.git/capstan/history.db")));
    }

    void unknownContextListsTheContexts()
    {
        const Run run = ctl({ QStringLiteral("app"), QStringLiteral("list") }, QStringLiteral("staging"));
        QCOMPARE(run.code, 1);
        QVERIFY2(run.errHas("context \"staging\" is not defined") && run.errHas("admin, fake, other"), run.describe());
        QVERIFY(run.out.empty());
    }

    void otherDestinationsAreShownNotSynced_data()
    {
        QTest::addColumn<QString>("app");
        QTest::addColumn<QString>("message");
        QTest::newRow("no context reaches it")
            << "remote"
            << "no kubeconfig context reaches destination server https://prod.example.invalid:6443";
        QTest::newRow("another context's cluster")
            << "elsewhere"
            << "destination name \"other\" is the cluster of kubeconfig context other, not of context fake";
    }

    void otherDestinationsAreShownNotSynced()
    {
        QFETCH(QString, app);
        QFETCH(QString, message);
        const Run get = ctl({ QStringLiteral("app"), QStringLiteral("get"), app });
        QVERIFY2(get.code == 0, get.describe());
        QVERIFY2(get.has("InvalidSpecError") && get.has(message.toUtf8().constData()), get.out.c_str());
        if (app == QLatin1String("remote")) // the contexts there are, to choose from
            QVERIFY2(get.has("fake (cluster fake, server https://127.0.0.1:"), get.out.c_str());

        const int before = writes();
        const Run sync = ctl({ QStringLiteral("app"), QStringLiteral("sync"), app });
        QVERIFY2(sync.code == 1 && sync.errHas(message.toUtf8().constData()), sync.describe());
        const Run diff = ctl({ QStringLiteral("app"), QStringLiteral("diff"), app });
        QVERIFY2(diff.code == 2 && diff.errHas(message.toUtf8().constData()), diff.describe());
        QCOMPARE(writes(), before);
    }
};

QTEST_GUILESS_MAIN(TestContextCommands)
#include "tst_context_commands.moc"
