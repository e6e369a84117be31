#include "kube/exec_credential.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace capstan::kube {

namespace {

bool supportedVersion(const std::string &v)
{
    return v == "client.authentication.k8s.io/v1" || v == "client.authentication.k8s.io/v1beta1";
}

// KUBERNETES_EXEC_INFO: an ExecCredential whose spec says we are not interactive and,
// when the kubeconfig asks for it, which cluster the credential is for.
QByteArray execInfo(const ExecConfig &config, const ClusterEntry &cluster)
{
    QJsonObject spec { { "interactive", false } };
    if (config.provideClusterInfo) {
        QJsonObject c { { "server", QString::fromStdString(cluster.server) } };
        if (!cluster.tlsServerName.empty())
            c["tls-server-name"] = QString::fromStdString(cluster.tlsServerName);
        if (cluster.insecureSkipTlsVerify)
            c["insecure-skip-tls-verify"] = true;
        if (!cluster.proxyUrl.empty())
            c["proxy-url"] = QString::fromStdString(cluster.proxyUrl);
        QByteArray ca = QByteArray::fromStdString(cluster.certificateAuthorityData);
        if (ca.isEmpty() && !cluster.certificateAuthority.empty()) {
            QFile f(QString::fromStdString(cluster.certificateAuthority));
            if (f.open(QIODevice::ReadOnly))
                ca = f.readAll();
        }
        if (!ca.isEmpty())
            c["certificate-authority-data"] = QString::fromLatin1(ca.toBase64());
        spec["cluster"] = c;
    }
    QJsonObject info { { "apiVersion", QString::fromStdString(config.apiVersion) }, { "kind", "ExecCredential" },
        { "spec", spec } };
    return QJsonDocument(info).toJson(QJsonDocument::Compact);
}

std::string tail(const QByteArray &text)
{
    const QByteArray t = text.trimmed();
    return (t.size() > 2000 ? "…" + t.right(2000) : t).toStdString();
}

} // namespace

capstan::Result<ExecCredential> parseExecCredential(const std::string &output, const std::string &apiVersion)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(output), &parseError);
    if (!doc.isObject())
        return makeError("exec plugin did not print an ExecCredential as JSON ("
            + (parseError.error != QJsonParseError::NoError ? parseError.errorString().toStdString()
                                                            : std::string("not an object"))
            + "): " + tail(QByteArray::fromStdString(output)));
    const QJsonObject o = doc.object();
    if (o.value("kind").toString() != "ExecCredential")
        return makeError(
            "exec plugin printed kind \"" + o.value("kind").toString().toStdString() + "\", expected ExecCredential");
    const std::string got = o.value("apiVersion").toString().toStdString();
    if (got != apiVersion)
        return makeError("exec plugin is configured for " + apiVersion + " but printed apiVersion \"" + got + "\"");
    const QJsonObject status = o.value("status").toObject();
    ExecCredential c;
    c.token = status.value("token").toString().toStdString();
    c.clientCertificateData = status.value("clientCertificateData").toString().toStdString();
    c.clientKeyData = status.value("clientKeyData").toString().toStdString();
    if (c.clientCertificateData.empty() != c.clientKeyData.empty())
        return makeError("exec plugin returned only one of clientCertificateData and clientKeyData");
    if (c.token.empty() && c.clientCertificateData.empty())
        return makeError("exec plugin returned neither a token nor a client certificate in status");
    if (status.contains("expirationTimestamp")) {
        const QString text = status.value("expirationTimestamp").toString();
        const QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!when.isValid())
            return makeError(
                "exec plugin returned an expirationTimestamp that is not RFC 3339: \"" + text.toStdString() + "\"");
        c.expiry = std::chrono::system_clock::time_point(std::chrono::milliseconds(when.toMSecsSinceEpoch()));
    }
    return c;
}

ExecCredentialProvider::ExecCredentialProvider(ExecConfig config, ClusterEntry cluster, Options options)
    : m_config(std::move(config))
    , m_cluster(std::move(cluster))
    , m_options(std::move(options))
{
}

capstan::Result<ExecCredential> ExecCredentialProvider::credential()
{
    std::lock_guard lock(m_mutex);
    if (m_cached && (!m_cached->expiry || m_options.now() < *m_cached->expiry))
        return *m_cached;
    m_cached.reset();
    auto fresh = run();
    if (fresh)
        m_cached = *fresh;
    return fresh;
}

void ExecCredentialProvider::invalidate()
{
    std::lock_guard lock(m_mutex);
    m_cached.reset();
}

capstan::Result<ExecCredential> ExecCredentialProvider::run() const
{
    const std::string command = m_config.command;
    if (!supportedVersion(m_config.apiVersion))
        return makeError("exec plugin \"" + command + "\" asks for apiVersion \"" + m_config.apiVersion
            + "\"; supported: client.authentication.k8s.io/v1 and v1beta1");
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto &[name, value] : m_config.env)
        env.insert(QString::fromStdString(name), QString::fromStdString(value));
    env.insert("KUBERNETES_EXEC_INFO", QString::fromUtf8(execInfo(m_config, m_cluster)));
    process.setProcessEnvironment(env);
    QStringList args;
    for (const std::string &a : m_config.args)
        args << QString::fromStdString(a);
    process.start(QString::fromStdString(command), args);
    if (!process.waitForStarted()) {
        std::string message
            = "exec plugin \"" + command + "\" could not be started: " + process.errorString().toStdString();
        if (!m_config.installHint.empty())
            message += "\n" + m_config.installHint;
        return makeError(message);
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(static_cast<int>(m_options.timeout.count()))) {
        process.kill();
        process.waitForFinished(1000);
        return makeError("exec plugin \"" + command + "\" did not finish within "
            + std::to_string(m_options.timeout.count()) + " ms");
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return makeError("exec plugin \"" + command + "\" failed (exit code " + std::to_string(process.exitCode())
            + "): " + tail(process.readAllStandardError()));
    auto credential = parseExecCredential(process.readAllStandardOutput().toStdString(), m_config.apiVersion);
    if (!credential)
        return makeError(credential.error().message, command);
    return credential;
}

} // namespace capstan::kube
