// How KubeCluster reaches the server: TLS from the kubeconfig, credentials (client
// certificates, tokens, token files, exec plugins), timeouts, and the rate limit.

#include "kube/rate_limiter_p.h"
#include "kube_fixture.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTest>

using namespace capstan;
using namespace capstan::kube;
using namespace std::chrono_literals;

namespace {

const cluster::ResourceKey kWeb { "apps", "Deployment", "prod", "web" };

CannedResponse deploymentOr401(const RecordedRequest &r, const QByteArray &rejectedToken = {})
{
    if (!rejectedToken.isEmpty() && r.header("authorization") == "Bearer " + rejectedToken)
        return { 401, statusBody(401, "Unauthorized", "Unauthorized") };
    return { 200, testData("deployment_web.json") };
}

} // namespace

class TestKubeTransport : public QObject
{
    Q_OBJECT

    KubeFixture f;

    RecordedRequest lastRequest() const { return f.server->requests().last(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(f.start());
        f.serve([](const RecordedRequest &r) { return deploymentOr401(r); });
    }
    void init() { f.server->clearRequests(); }

    void clientCertificate_data()
    {
        QTest::addColumn<bool>("embedded");
        QTest::newRow("files") << false;
        QTest::newRow("data") << true;
    }

    void clientCertificate()
    {
        QFETCH(bool, embedded);
        QByteArray user = "client-certificate: client.crt\nclient-key: client.key";
        if (embedded) {
            auto base64 = [](const QString &path) {
                QFile file(path);
                return file.open(QIODevice::ReadOnly) ? file.readAll().toBase64() : QByteArray();
            };
            user = "client-certificate-data: " + base64(f.clientCert) + "\nclient-key-data: " + base64(f.clientKey);
        }
        auto cluster = f.open(user);
        QVERIFY(cluster);
        auto web = cluster->get(kWeb);
        QVERIFY2(web.ok(), web.ok() ? "" : web.error().toString().c_str());
        QCOMPARE(lastRequest().clientCommonName, "alice");
        QVERIFY(lastRequest().header("authorization").isEmpty());
    }

    void tokenFileIsReread()
    {
        const QString token = f.write("token", "first-token\n");
        auto cluster = f.open("tokenFile: token");
        QVERIFY(cluster);
        QVERIFY(cluster->get(kWeb).ok());
        QCOMPARE(lastRequest().header("authorization"), QByteArray("Bearer first-token"));
        f.write("token", "rotated-token\n");
        QVERIFY(cluster->get(kWeb).ok());
        QCOMPARE(lastRequest().header("authorization"), QByteArray("Bearer rotated-token"));
    }

    void execPlugin()
    {
        // Each run hands out a new token: tok-1, tok-2, ...
        const QString script = f.write("plugin.sh",
            "#!/bin/sh\necho run >> \"$0.count\"\nn=$(wc -l < \"$0.count\" | tr -d ' ')\n"
            "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\","
            "\"status\":{\"token\":\"tok-%s\"}}' \"$n\"\n");
        QFile::setPermissions(script, QFile::permissions(script) | QFile::ExeOwner);
        f.serve([](const RecordedRequest &r) { return deploymentOr401(r, "tok-1"); }); // tok-1 was revoked
        auto cluster = f.open("exec:\n  apiVersion: client.authentication.k8s.io/v1beta1\n  command: ./plugin.sh\n"
                              "  interactiveMode: Never");
        QVERIFY(cluster);
        auto web = cluster->get(kWeb);
        f.serve([](const RecordedRequest &r) { return deploymentOr401(r); });
        QVERIFY2(web.ok(), web.ok() ? "" : web.error().toString().c_str());
        // Rejected once with tok-1: the plugin ran again and the request was repeated.
        QCOMPARE(lastRequest().header("authorization"), QByteArray("Bearer tok-2"));
        QVERIFY(cluster->get(kWeb).ok());
        QCOMPARE(lastRequest().header("authorization"), QByteArray("Bearer tok-2")); // cached
        QFile count(script + ".count");
        QVERIFY(count.open(QIODevice::ReadOnly));
        QCOMPARE(count.readAll().count('\n'), 2);
    }

    void execPluginClientCertificate()
    {
        auto pem = [](const QString &path) {
            QFile file(path);
            return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()) : QString();
        };
        const QJsonObject credential { { "apiVersion", "client.authentication.k8s.io/v1" },
            { "kind", "ExecCredential" },
            { "status",
                QJsonObject { { "clientCertificateData", pem(f.clientCert) }, { "clientKeyData", pem(f.clientKey) },
                    { "expirationTimestamp", "2099-01-01T00:00:00Z" } } } };
        f.write("cert-plugin.json", QJsonDocument(credential).toJson());
        const QString script = f.write("cert-plugin.sh", "#!/bin/sh\ncat \"${0%.sh}.json\"\n");
        QFile::setPermissions(script, QFile::permissions(script) | QFile::ExeOwner);
        auto cluster = f.open("exec:\n  apiVersion: client.authentication.k8s.io/v1\n  command: ./cert-plugin.sh");
        QVERIFY(cluster);
        auto web = cluster->get(kWeb);
        QVERIFY2(web.ok(), web.ok() ? "" : web.error().toString().c_str());
        QCOMPARE(lastRequest().clientCommonName, "alice");
        QVERIFY(lastRequest().header("authorization").isEmpty());
    }

    void tls_data()
    {
        QTest::addColumn<QByteArray>("clusterFields");
        QTest::addColumn<bool>("works");
        QTest::addColumn<QString>("reason");
        QTest::newRow("test CA") << QByteArray("    certificate-authority: ca.crt\n") << true << "";
        QTest::newRow("untrusted (system CAs only)")
            << QByteArray("    tls-server-name: kube.test\n") << false << "self-signed, and untrusted";
        QTest::newRow("insecure") << QByteArray("    insecure-skip-tls-verify: true\n") << true << "";
        QTest::newRow("tls-server-name in the certificate")
            << QByteArray("    certificate-authority: ca.crt\n    tls-server-name: kube.test\n") << true << "";
        QTest::newRow("tls-server-name not in the certificate")
            << QByteArray("    certificate-authority: ca.crt\n    tls-server-name: other.test\n") << false
            << "host name did not match";
    }

    void tls()
    {
        QFETCH(QByteArray, clusterFields);
        QFETCH(bool, works);
        QFETCH(QString, reason);
        auto cluster = f.open("token: t", clusterFields);
        QVERIFY(cluster);
        auto web = cluster->get(kWeb);
        QCOMPARE(web.ok(), works);
        if (!works) {
            QCOMPARE(web.code(), cluster::ErrorCode::Unavailable);
            const QString message = QString::fromStdString(web.error().message);
            QVERIFY2(message.startsWith("TLS connection to " + f.server->url() + " failed: "), qPrintable(message));
            QVERIFY2(message.contains(reason), qPrintable(message));
        }
    }

    void missingCertificateFile()
    {
        auto config = Kubeconfig::load(
            { f.writeKubeconfig("token: t", "    certificate-authority: nope.crt\n").toStdString() });
        QVERIFY(config.ok());
        auto cluster = KubeCluster::open(*config, "test");
        QVERIFY(!cluster.ok());
        QVERIFY2(
            QString::fromStdString(cluster.error().toString()).startsWith(f.dir.filePath("nope.crt") + ": cannot read"),
            cluster.error().toString().c_str());
    }

    void unreachable()
    {
        QTcpServer probe; // a port nobody listens on any more
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const QString url = QString("https://127.0.0.1:%1").arg(probe.serverPort());
        probe.close();
        auto config = Kubeconfig::parse(("clusters:\n- name: c\n  cluster: {server: '" + url
                                            + "'}\ncontexts:\n"
                                              "- name: x\n  context: {cluster: c}\n")
                                            .toStdString(),
            "cfg");
        QVERIFY(config.ok());
        auto cluster = KubeCluster::open(*config, "x");
        QVERIFY(cluster.ok());
        auto web = (*cluster)->get(kWeb);
        QCOMPARE(web.code(), cluster::ErrorCode::Unavailable);
        const QString message = QString::fromStdString(web.error().message);
        QVERIFY2(message.startsWith("cannot reach the API server " + url + " (discover the API (/api)): "),
            qPrintable(message));
    }

    void timeout()
    {
        f.serve([](const RecordedRequest &r) {
            CannedResponse response = deploymentOr401(r);
            response.noAnswer = r.path.endsWith("/web");
            return response;
        });
        KubeCluster::Options options;
        options.timeout = 300ms;
        auto cluster = f.open("token: t", {}, options);
        QVERIFY(cluster);
        auto web = cluster->get(kWeb);
        f.serve([](const RecordedRequest &r) { return deploymentOr401(r); });
        QCOMPARE(web.code(), cluster::ErrorCode::Unavailable);
        QCOMPARE(web.error().message,
            "the API server " + f.server->url().toStdString()
                + " did not answer in time (get deployments.apps \"web\" in namespace \"prod\")");
    }

    void rateLimit()
    {
        using Clock = detail::RateLimiter::Clock;
        detail::RateLimiter limiter(2, 3); // 2 a second, bursts of 3
        const auto t0 = Clock::now();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(limiter.reserve(t0).count(), 0); // the burst
        QCOMPARE(std::chrono::duration_cast<std::chrono::milliseconds>(limiter.reserve(t0)), 500ms);
        QCOMPARE(std::chrono::duration_cast<std::chrono::milliseconds>(limiter.reserve(t0)), 1000ms);
        // Three seconds later the bucket is full again, but no fuller than the burst.
        const auto t1 = t0 + 3s;
        for (int i = 0; i < 3; ++i)
            QCOMPARE(limiter.reserve(t1).count(), 0);
        QCOMPARE(std::chrono::duration_cast<std::chrono::milliseconds>(limiter.reserve(t1)), 500ms);
    }
};

QTEST_GUILESS_MAIN(TestKubeTransport)
#include "tst_kube_transport.moc"
