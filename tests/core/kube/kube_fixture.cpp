#include "kube_fixture.h"

#include <QFile>
#include <QProcess>
#include <QtTest>

namespace {

bool openssl(const QString &dir, const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start("openssl", args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        qWarning() << "openssl" << args << "failed:" << p.readAllStandardError();
        return false;
    }
    return true;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

QString KubeFixture::write(const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(text);
    return path;
}

bool KubeFixture::start()
{
    const QString d = dir.path();
    write("server.ext",
        "subjectAltName=IP:127.0.0.1,DNS:kube.test\nbasicConstraints=CA:FALSE\n"
        "extendedKeyUsage=serverAuth\n");
    write("client.ext", "basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n");
    const bool ok = openssl(d,
                        { "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt",
                            "-days", "2", "-subj", "/CN=capstan-test-ca" })
        && openssl(d,
            { "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj",
                "/CN=kube-apiserver" })
        && openssl(d,
            { "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out",
                "server.crt", "-days", "2", "-extfile", "server.ext" })
        && openssl(d,
            { "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "client.key", "-out", "client.csr", "-subj",
                "/O=devs/CN=alice" })
        && openssl(d,
            { "x509", "-req", "-in", "client.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out",
                "client.crt", "-days", "2", "-extfile", "client.ext" });
    if (!ok)
        return false;
    caCert = dir.filePath("ca.crt");
    clientCert = dir.filePath("client.crt");
    clientKey = dir.filePath("client.key");
    const QSslCertificate ca = QSslCertificate::fromData(readFile(caCert)).value(0);
    server = std::make_unique<FakeApiServer>(QSslCertificate::fromData(readFile(dir.filePath("server.crt"))).value(0),
        QSslKey(readFile(dir.filePath("server.key")), QSsl::Rsa), ca);
    return true;
}

void KubeFixture::serve(FakeApiServer::Handler rest)
{
    const bool aggregated = aggregatedDiscovery;
    const QMap<QString, QByteArray> extra = discovery;
    server->setHandler([rest, aggregated, extra](const RecordedRequest &r) -> CannedResponse {
        if (auto it = extra.constFind(r.path); it != extra.cend())
            return { 200, *it };
        // Like a real server: aggregated discovery only to a client that asks for it.
        const bool wantsAggregated = aggregated && r.header("accept").contains("as=APIGroupDiscoveryList");
        if (r.path == "/api")
            return { 200, testData(wantsAggregated ? "aggregated_api.json" : "api.json") };
        if (r.path == "/apis")
            return { 200, testData(wantsAggregated ? "aggregated_apis.json" : "apis.json") };
        if (r.path == "/api/v1")
            return { 200, testData("api_v1.json") };
        if (r.path == "/apis/apps/v1")
            return { 200, testData("apis_apps_v1.json") };
        if (r.path == "/apis/metrics.k8s.io/v1beta1") // an aggregated API server that is down
            return { 503,
                statusBody(503, "ServiceUnavailable", "the server is currently unable to handle the request") };
        return rest ? rest(r) : CannedResponse { 404, statusBody(404, "NotFound", "not found") };
    });
}

QString KubeFixture::writeKubeconfig(const QByteArray &user, const QByteArray &clusterExtra)
{
    QByteArray cluster = clusterExtra.isEmpty() ? "    certificate-authority: ca.crt\n" : clusterExtra;
    QByteArray text = "apiVersion: v1\nkind: Config\ncurrent-context: test\nclusters:\n- name: kind-test\n  cluster:\n"
                      "    server: "
        + server->url().toUtf8() + "\n" + cluster + "users:\n- name: tester\n  user:\n";
    for (const QByteArray &line : user.split('\n'))
        text += "    " + line + "\n";
    text += "contexts:\n- name: test\n  context: {cluster: kind-test, user: tester, namespace: team-a}\n";
    return write("kubeconfig", text);
}

std::unique_ptr<capstan::kube::KubeCluster> KubeFixture::open(
    const QByteArray &user, const QByteArray &clusterExtra, capstan::kube::KubeCluster::Options options)
{
    auto config = capstan::kube::Kubeconfig::load({ writeKubeconfig(user, clusterExtra).toStdString() });
    if (!config) {
        qWarning() << config.error().toString().c_str();
        return nullptr;
    }
    auto cluster = capstan::kube::KubeCluster::open(*config, "", options);
    if (!cluster) {
        qWarning() << cluster.error().toString().c_str();
        return nullptr;
    }
    return std::move(*cluster);
}
