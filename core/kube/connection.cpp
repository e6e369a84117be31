#include "kube/connection_p.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QUrl>

namespace capstan::kube::detail {

namespace {

capstan::Result<QByteArray> readPem(const std::string &data, const std::string &file, const std::string &what)
{
    if (!data.empty())
        return QByteArray::fromStdString(data);
    QFile f(QString::fromStdString(file));
    if (!f.open(QIODevice::ReadOnly))
        return makeError("cannot read " + what + ": " + f.errorString().toStdString(), file);
    return f.readAll();
}

capstan::Result<QList<QSslCertificate>> certificates(const QByteArray &pem, const std::string &what)
{
    QList<QSslCertificate> certs = QSslCertificate::fromData(pem, QSsl::Pem);
    if (certs.isEmpty())
        return makeError(what + " holds no PEM certificate");
    return certs;
}

capstan::Result<QSslKey> privateKey(const QByteArray &pem, const std::string &what)
{
    for (QSsl::KeyAlgorithm algorithm : { QSsl::Rsa, QSsl::Ec, QSsl::Dsa }) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return makeError(what + " holds no PEM private key (RSA, EC or DSA) that can be read");
}

// kubectl's order: the kubeconfig's proxy-url, else HTTPS_PROXY / NO_PROXY. A server on the
// loopback interface is always reached directly.
capstan::Result<QNetworkProxy> proxyFor(const ClusterEntry &cluster)
{
    const QUrl server(QString::fromStdString(cluster.server));
    const QString host = server.host();
    if (host == "127.0.0.1" || host == "localhost" || host == "::1")
        return QNetworkProxy(QNetworkProxy::NoProxy);
    QString proxy = QString::fromStdString(cluster.proxyUrl);
    if (proxy.isEmpty()) {
        const QByteArray noProxy = qEnvironmentVariableIsSet("NO_PROXY") ? qgetenv("NO_PROXY") : qgetenv("no_proxy");
        for (const QByteArray &entry : noProxy.split(',')) {
            const QString e = QString::fromUtf8(entry.trimmed());
            if (!e.isEmpty() && (e == "*" || host == e || host.endsWith(e.startsWith('.') ? e : "." + e)))
                return QNetworkProxy(QNetworkProxy::NoProxy);
        }
        proxy = QString::fromUtf8(
            qEnvironmentVariableIsSet("HTTPS_PROXY") ? qgetenv("HTTPS_PROXY") : qgetenv("https_proxy"));
        if (proxy.isEmpty())
            return QNetworkProxy(QNetworkProxy::NoProxy);
    }
    const QUrl url(proxy.contains("://") ? proxy : "http://" + proxy);
    QNetworkProxy::ProxyType type;
    if (url.scheme() == "http")
        type = QNetworkProxy::HttpProxy;
    else if (url.scheme() == "socks5")
        type = QNetworkProxy::Socks5Proxy;
    else
        return makeError("proxy-url \"" + proxy.toStdString() + "\" of cluster \"" + cluster.name
                + "\": only http:// and socks5:// proxies are supported",
            cluster.definedIn);
    return QNetworkProxy(
        type, url.host(), url.port(type == QNetworkProxy::HttpProxy ? 80 : 1080), url.userName(), url.password());
}

} // namespace

capstan::Result<std::unique_ptr<Connection>> Connection::create(
    const Kubeconfig::Resolved &config, const ConnectionOptions &options)
{
    const ClusterEntry &cluster = config.cluster;
    const UserEntry &user = config.user;
    std::unique_ptr<Connection> c(new Connection);
    c->m_server = cluster.server;
    while (!c->m_server.empty() && c->m_server.back() == '/')
        c->m_server.pop_back();
    const QUrl url(QString::fromStdString(c->m_server));
    if (!url.isValid() || (url.scheme() != "https" && url.scheme() != "http") || url.host().isEmpty())
        return makeError("server \"" + cluster.server + "\" of cluster \"" + cluster.name + "\" is not an http(s) URL",
            cluster.definedIn);
    c->m_userName = user.name;

    c->m_ssl = QSslConfiguration::defaultConfiguration();
    if (!cluster.certificateAuthorityData.empty() || !cluster.certificateAuthority.empty()) {
        const std::string what = "the certificate authority of cluster \"" + cluster.name + "\"";
        auto pem = readPem(cluster.certificateAuthorityData, cluster.certificateAuthority, what);
        if (!pem)
            return pem.error();
        auto cas = certificates(*pem, what);
        if (!cas)
            return cas.error();
        // Like kubectl: the named authority is the only one trusted for this server.
        c->m_ssl.setCaCertificates(*cas);
    }
    if (cluster.insecureSkipTlsVerify)
        c->m_ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    c->m_peerVerifyName = QString::fromStdString(cluster.tlsServerName);

    const bool hasCert = !user.clientCertificate.empty() || !user.clientCertificateData.empty();
    const bool hasKey = !user.clientKey.empty() || !user.clientKeyData.empty();
    if (hasCert != hasKey)
        return makeError(
            "user \"" + user.name + "\" has a client certificate without a key, or a key without one", user.definedIn);
    if (hasCert) {
        const std::string what = "the client certificate of user \"" + user.name + "\"";
        auto certPem = readPem(user.clientCertificateData, user.clientCertificate, what);
        if (!certPem)
            return certPem.error();
        auto certs = certificates(*certPem, what);
        if (!certs)
            return certs.error();
        auto keyPem = readPem(user.clientKeyData, user.clientKey, "the client key of user \"" + user.name + "\"");
        if (!keyPem)
            return keyPem.error();
        auto key = privateKey(*keyPem, "the client key of user \"" + user.name + "\"");
        if (!key)
            return key.error();
        c->m_ssl.setLocalCertificate(certs->front());
        c->m_ssl.setPrivateKey(*key);
    }
    c->m_token = user.token;
    c->m_tokenFile = user.tokenFile;
    if (user.exec)
        c->m_exec = std::make_unique<ExecCredentialProvider>(*user.exec, cluster, options.exec);

    auto proxy = proxyFor(cluster);
    if (!proxy)
        return proxy.error();
    c->m_limiter = std::make_unique<RateLimiter>(options.qps, options.burst);
    c->m_timeout = options.timeout;
    c->m_transport = std::make_unique<Transport>(*proxy);
    return c;
}

Connection::~Connection() = default;

capstan::Result<HttpRequest> Connection::prepare(const QByteArray &method, const std::string &pathAndQuery,
    const QByteArray &body, const QByteArray &contentType, const QByteArray &accept, bool stream)
{
    HttpRequest r;
    r.method = method;
    r.url = QUrl(QString::fromStdString(m_server + pathAndQuery));
    r.body = body;
    r.ssl = m_ssl;
    r.peerVerifyName = m_peerVerifyName;
    r.timeout = stream ? std::chrono::milliseconds(0) : m_timeout;
    r.headers.append(qMakePair(QByteArray("Accept"), QByteArray(accept)));
    r.headers.append(qMakePair(QByteArray("User-Agent"), QByteArray("capstan")));
    if (!contentType.isEmpty())
        r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray(contentType)));

    std::string token = m_token;
    if (!m_tokenFile.empty()) {
        // Re-read every time: the file is rotated under us (projected service account tokens).
        QFile f(QString::fromStdString(m_tokenFile));
        if (!f.open(QIODevice::ReadOnly))
            return makeError(
                "cannot read the token file of user \"" + m_userName + "\": " + f.errorString().toStdString(),
                m_tokenFile);
        token = f.readAll().trimmed().toStdString();
    }
    if (m_exec) {
        auto credential = m_exec->credential();
        if (!credential)
            return makeError(
                "cannot get credentials for user \"" + m_userName + "\": " + credential.error().toString());
        if (!credential->token.empty())
            token = credential->token;
        if (!credential->clientCertificateData.empty()) {
            const auto certs = QSslCertificate::fromData(QByteArray::fromStdString(credential->clientCertificateData));
            auto key
                = privateKey(QByteArray::fromStdString(credential->clientKeyData), "the exec plugin's clientKeyData");
            if (certs.isEmpty() || !key)
                return makeError(
                    "the exec plugin of user \"" + m_userName + "\" returned an unreadable client certificate");
            r.ssl.setLocalCertificate(certs.front());
            r.ssl.setPrivateKey(*key);
        }
    }
    if (!token.empty())
        r.headers.append(
            qMakePair(QByteArray("Authorization"), QByteArray("Bearer " + QByteArray::fromStdString(token))));
    return r;
}

void Connection::credentialRejected()
{
    if (m_exec)
        m_exec->invalidate();
}

capstan::Result<HttpResponse> Connection::call(const QByteArray &method, const std::string &pathAndQuery,
    const QByteArray &body, const QByteArray &contentType, const QByteArray &accept)
{
    for (int attempt = 0;; ++attempt) {
        auto request = prepare(method, pathAndQuery, body, contentType, accept);
        if (!request)
            return request.error();
        m_limiter->acquire();
        HttpResponse response = m_transport->send(std::move(*request));
        if (response.status == 401 && m_exec && attempt == 0) {
            credentialRejected();
            continue;
        }
        return response;
    }
}

} // namespace capstan::kube::detail
