#include "kube/kubeconfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan::kube;

namespace {

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(text);
    return path;
}

const QByteArray kFileA = R"(apiVersion: v1
kind: Config
current-context: dev
clusters:
- name: dev-cluster
  cluster:
    server: https://dev.example:6443
    certificate-authority: certs/ca.pem
    tls-server-name: api.dev.internal
- name: shared
  cluster:
    server: https://shared-from-a:6443
users:
- name: alice
  user:
    client-certificate: certs/alice.crt
    client-key: /abs/alice.key
    tokenFile: ../token
contexts:
- name: dev-admin
  context: {cluster: dev-cluster, user: alice}
- name: dev
  context: {cluster: dev-cluster, user: alice, namespace: team-a}
- name: shared
  context: {cluster: shared, user: alice}
)";

const QByteArray kFileB = R"(apiVersion: v1
kind: Config
current-context: prod
clusters:
- name: shared
  cluster:
    server: https://shared-from-b:6443
- name: prod-cluster
  cluster:
    server: https://prod.example/
    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==
    insecure-skip-tls-verify: false
    proxy-url: http://proxy.internal:3128
users:
- name: gke
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: ./bin/auth-plugin
      args: [--cluster, prod]
      env: [{name: REGION, value: eu}]
      provideClusterInfo: true
contexts:
- name: prod
  context: {cluster: prod-cluster, user: gke}
- name: dev
  context: {cluster: prod-cluster, user: gke}
)";

} // namespace

class TestKubeconfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mergesFirstFileWins()
    {
        QTemporaryDir dir;
        const QString a = write(dir, "a/config", kFileA);
        const QString b = write(dir, "b/config", kFileB);
        auto config = Kubeconfig::load({ a.toStdString(), dir.filePath("missing").toStdString(), b.toStdString() });
        QVERIFY2(config.ok(), config.ok() ? "" : config.error().toString().c_str());
        // current-context from the first file that sets one.
        QCOMPARE(config->currentContext(), std::string("dev"));
        // "dev" is defined in both: a's wins. "shared" cluster likewise.
        QCOMPARE(config->context("dev")->cluster, std::string("dev-cluster"));
        QCOMPARE(config->cluster("shared")->server, std::string("https://shared-from-a:6443"));
        QCOMPARE(config->contexts().size(), std::size_t(4));
        QVERIFY(config->context("prod"));
        QCOMPARE(config->files().size(), std::size_t(2));
    }

    void resolvesRelativePathsAgainstTheirFile()
    {
        QTemporaryDir dir;
        const QString a = write(dir, "a/config", kFileA);
        const QString b = write(dir, "b/config", kFileB);
        auto config = Kubeconfig::load({ a.toStdString(), b.toStdString() });
        QVERIFY(config.ok());
        QCOMPARE(QString::fromStdString(config->cluster("dev-cluster")->certificateAuthority),
            dir.filePath("a/certs/ca.pem"));
        QCOMPARE(QString::fromStdString(config->user("alice")->clientCertificate), dir.filePath("a/certs/alice.crt"));
        QCOMPARE(config->user("alice")->clientKey, std::string("/abs/alice.key"));
        QCOMPARE(QString::fromStdString(config->user("alice")->tokenFile), dir.filePath("token"));
        const ExecConfig &exec = *config->user("gke")->exec;
        QCOMPARE(QString::fromStdString(exec.command), dir.filePath("b/bin/auth-plugin"));
        QCOMPARE(exec.args, (std::vector<std::string> { "--cluster", "prod" }));
        QCOMPARE(exec.env.at(0), (std::pair<std::string, std::string> { "REGION", "eu" }));
        QVERIFY(exec.provideClusterInfo);
        QCOMPARE(exec.apiVersion, std::string("client.authentication.k8s.io/v1beta1"));
    }

    void readsClusterFields()
    {
        auto config = Kubeconfig::parse(kFileB.toStdString(), "/etc/kube/b");
        QVERIFY(config.ok());
        const ClusterEntry &c = *config->cluster("prod-cluster");
        QCOMPARE(c.certificateAuthorityData, std::string("-----BEGIN CERTIFICATE-----\n"));
        QCOMPARE(c.proxyUrl, std::string("http://proxy.internal:3128"));
        QVERIFY(!c.insecureSkipTlsVerify);
        auto resolved = config->resolve("");
        QVERIFY(resolved.ok());
        QCOMPARE(resolved->context.name, std::string("prod"));
        QCOMPARE(resolved->user.name, std::string("gke"));
    }

    void kubeconfigEnvironment()
    {
        QTemporaryDir dir;
        const QString a = write(dir, "a", kFileA);
        const QString b = write(dir, "b", kFileB);
        qputenv("KUBECONFIG", (b + ":" + a).toUtf8());
        auto config = Kubeconfig::loadDefault();
        qunsetenv("KUBECONFIG");
        QVERIFY(config.ok());
        QCOMPARE(config->currentContext(), std::string("prod"));
        QCOMPARE(config->cluster("shared")->server, std::string("https://shared-from-b:6443"));
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bad base64") << QByteArray("clusters:\n- name: c\n  cluster:\n    server: https://x\n"
                                                  "    certificate-authority-data: '***'\n")
                                    << ""
                                    << "cfg:5:33: \"certificate-authority-data\" is not valid base64";
        QTest::newRow("bool field") << QByteArray("clusters:\n- name: c\n  cluster:\n"
                                                  "    insecure-skip-tls-verify: maybe\n")
                                    << ""
                                    << "cfg:4:31: \"insecure-skip-tls-verify\" must be true or false";
        QTest::newRow("clusters not a list") << QByteArray("clusters: {}\n") << ""
                                             << "cfg:1:11: \"clusters\" must be a list";
        QTest::newRow("exec without command")
            << QByteArray("users:\n- name: u\n  user:\n    exec:\n      args: []\n") << ""
            << "cfg:5:7: exec has no \"command\"";
        QTest::newRow("name twice in one file")
            << QByteArray("users:\n- name: u\n  user: {}\n- name: u\n  user: {}\n") << ""
            << "cfg:4:3: \"u\" is defined twice in \"users\"";
        QTest::newRow("unknown context") << QByteArray("contexts:\n- name: a\n  context: {cluster: c}\n") << "b"
                                         << "context \"b\" is not defined in the kubeconfig (contexts: a)";
        QTest::newRow("missing cluster") << QByteArray("contexts:\n- name: a\n  context: {cluster: c}\n") << "a"
                                         << "cfg: context \"a\" uses cluster \"c\", which is not defined";
        QTest::newRow("no server") << QByteArray("clusters:\n- name: c\n  cluster: {}\ncontexts:\n- name: a\n"
                                                 "  context: {cluster: c}\n")
                                   << "a"
                                   << "cfg: cluster \"c\" has no \"server\"";
        QTest::newRow("missing user") << QByteArray("clusters:\n- name: c\n  cluster: {server: https://x}\n"
                                                    "contexts:\n- name: a\n  context: {cluster: c, user: u}\n")
                                      << "a"
                                      << "cfg: context \"a\" uses user \"u\", which is not defined";
        QTest::newRow("no current") << QByteArray("clusters: []\n") << ""
                                    << "no context given and the kubeconfig sets no current-context";
    }

    void errors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, context);
        QFETCH(QString, expected);
        auto config = Kubeconfig::parse(text.toStdString(), "cfg");
        QString message;
        if (!config) {
            message = QString::fromStdString(config.error().toString());
        } else {
            auto resolved = config->resolve(context.toStdString());
            QVERIFY(!resolved.ok());
            message = QString::fromStdString(resolved.error().toString());
        }
        QVERIFY2(message.startsWith(expected), qPrintable(message));
    }

    void noFileAtAll()
    {
        auto config = Kubeconfig::load({ "/nonexistent/a", "/nonexistent/b" });
        QVERIFY(!config.ok());
        QVERIFY(config.error().message.find("/nonexistent/a, /nonexistent/b") != std::string::npos);
    }

    void destination_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected"); // a context, or "error: <start of message>"
        QTest::newRow("server, current context preferred") << "https://dev.example:6443"
                                                           << ""
                                                           << "dev";
        QTest::newRow("server with slash and case") << "HTTPS://Prod.Example"
                                                    << ""
                                                    << "prod";
        QTest::newRow("server unknown") << "https://nowhere:6443"
                                        << ""
                                        << "error: no kubeconfig context reaches destination server https://nowhere";
        QTest::newRow("in-cluster hint") << "https://kubernetes.default.svc"
                                         << ""
                                         << "error: no kubeconfig context reaches destination server "
                                            "https://kubernetes.default.svc (Argo CD's name";
        QTest::newRow("name is a context") << ""
                                           << "shared"
                                           << "shared";
        QTest::newRow("name is a cluster") << ""
                                           << "prod-cluster"
                                           << "prod";
        QTest::newRow("name unknown") << ""
                                      << "staging"
                                      << "error: no kubeconfig context or cluster is named";
    }

    void destination()
    {
        QFETCH(QString, server);
        QFETCH(QString, name);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString a = write(dir, "a", kFileA);
        const QString b = write(dir, "b", kFileB);
        auto config = Kubeconfig::load({ a.toStdString(), b.toStdString() }); // current: dev
        QVERIFY(config.ok());
        auto context = contextForDestination(*config, { server.toStdString(), name.toStdString() });
        if (expected.startsWith("error: ")) {
            QVERIFY(!context.ok());
            const QString message = QString::fromStdString(context.error().toString());
            QVERIFY2(message.startsWith(expected.mid(7)), qPrintable(message));
            // The error lists what exists, so the person can pick.
            QVERIFY2(
                message.contains("prod (cluster prod-cluster, server https://prod.example/)"), qPrintable(message));
        } else {
            QVERIFY2(context.ok(), context.ok() ? "" : context.error().toString().c_str());
            QCOMPARE(QString::fromStdString(*context), expected);
        }
    }
};

QTEST_GUILESS_MAIN(TestKubeconfig)
#include "tst_kubeconfig.moc"
