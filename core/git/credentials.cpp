#include "git/credentials.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QUrl>

namespace capstan::git {

namespace {

constexpr int helperTimeoutMs = 15000;

bool isHttpUrl(const QString &url)
{
    return url.startsWith(QLatin1String("https://"), Qt::CaseInsensitive)
        || url.startsWith(QLatin1String("http://"), Qt::CaseInsensitive);
}

// The user name in an ssh URL, both ssh://user@host/path and scp-like user@host:path.
QString sshUserFromUrl(const QString &url)
{
    if (url.contains(QLatin1String("://")))
        return QUrl(url).userName();
    const int at = url.indexOf(QLatin1Char('@'));
    const int colon = url.indexOf(QLatin1Char(':'));
    return at > 0 && (colon < 0 || at < colon) ? url.left(at) : QString();
}

QList<Credential> httpCredentials(const DefaultCredentialOptions &options, const CredentialRequest &request)
{
    if (!request.userPasswordAllowed)
        return {};
    if (!options.token.isEmpty()) {
        Credential token;
        token.username = !options.tokenUsername.isEmpty() ? options.tokenUsername
            : !request.usernameFromUrl.isEmpty()          ? request.usernameFromUrl
                                                          : QStringLiteral("x-access-token");
        token.password = options.token;
        token.source = QStringLiteral("the given token");
        return { token };
    }
    if (options.useGitCredentialHelpers) {
        if (auto helped = credentialFromGitHelpers(request.url, request.usernameFromUrl))
            return { *helped };
    }
    return {};
}

QList<Credential> sshCredentials(const DefaultCredentialOptions &options, const CredentialRequest &request)
{
    if (!request.sshKeyAllowed && !request.usernameOnly)
        return {};
    QString user = request.usernameFromUrl;
    if (user.isEmpty())
        user = sshUserFromUrl(request.url);
    if (user.isEmpty())
        user = QStringLiteral("git");

    QList<Credential> result;
    if (options.useSshAgent && !qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK")) {
        Credential agent;
        agent.kind = Credential::Kind::SshAgent;
        agent.username = user;
        agent.source = QStringLiteral("ssh-agent");
        result.append(agent);
    }
    const QDir directory(
        options.sshDirectory.isEmpty() ? QDir::home().filePath(QStringLiteral(".ssh")) : options.sshDirectory);
    for (const char *name : { "id_ed25519", "id_ecdsa", "id_rsa" }) {
        const QString privateKey = directory.filePath(QString::fromLatin1(name));
        if (!QFileInfo(privateKey).isFile())
            continue;
        Credential key;
        key.kind = Credential::Kind::SshKeyFile;
        key.username = user;
        key.privateKeyPath = privateKey;
        const QString publicKey = privateKey + QStringLiteral(".pub");
        if (QFileInfo(publicKey).isFile())
            key.publicKeyPath = publicKey;
        key.source = privateKey;
        result.append(key);
    }
    return result;
}

bool allows(const CredentialRequest &request, const Credential &credential)
{
    return credential.kind == Credential::Kind::UserPassword ? request.userPasswordAllowed : request.sshKeyAllowed;
}

// An RSA key file: its .pub (or, without one, its name) says so.
bool isRsaKeyFile(const Credential &credential)
{
    if (credential.kind != Credential::Kind::SshKeyFile)
        return false;
    QFile publicKey(credential.publicKeyPath.isEmpty() ? credential.privateKeyPath + QStringLiteral(".pub")
                                                       : credential.publicKeyPath);
    if (publicKey.open(QIODevice::ReadOnly))
        return publicKey.read(8) == "ssh-rsa ";
    return QFileInfo(credential.privateKeyPath).fileName().contains(QLatin1String("rsa"));
}

// tried: the credentials handed out so far, named by their source (never a secret).
Error authenticationFailed(const CredentialRequest &request, const QList<Credential> &tried)
{
    QString reason = tried.isEmpty()
        ? QStringLiteral("no credentials to offer (give a token, configure a Git credential helper, or load an "
                         "ssh key into ssh-agent)")
        : QStringLiteral("the remote refused the %1 credential(s) offered").arg(tried.size());
    QStringList sources;
    QStringList withPassphrase;
    QStringList rsa;
    for (const Credential &credential : tried) {
        sources.append(credential.source);
        if (credential.kind == Credential::Kind::SshKeyFile && !credential.passphrase.isEmpty())
            withPassphrase.append(credential.source);
        if (isRsaKeyFile(credential))
            rsa.append(credential.source);
    }
    if (!sources.isEmpty())
        reason += QStringLiteral(" (%1)").arg(sources.join(QStringLiteral(", ")));
    // libssh2 reports a key it could not decrypt exactly like a key the server refused.
    if (!withPassphrase.isEmpty())
        reason += QStringLiteral("; a wrong passphrase for %1 fails the same way")
                      .arg(withPassphrase.join(QStringLiteral(", ")));
    // libssh2 1.10 signs with RSA keys only as ssh-rsa (SHA-1), which OpenSSH 8.8 and later refuse.
    if (!rsa.isEmpty())
        reason += QStringLiteral("; %1 is an RSA key, which current OpenSSH servers refuse from this ssh library "
                                 "(libssh2 1.10 cannot make rsa-sha2 signatures): use an ed25519 or ecdsa key")
                      .arg(rsa.join(QStringLiteral(", ")));
    return makeError(
        QStringLiteral("authentication failed for %1: %2").arg(urlForMessages(request.url), reason).toStdString());
}

} // namespace

QString urlForMessages(const QString &url)
{
    if (!url.contains(QLatin1String("://")))
        return url; // a path or scp-like user@host:path: no password in there
    const QUrl parsed(url);
    return parsed.password().isEmpty() ? url : parsed.toString(QUrl::RemovePassword);
}

CredentialProvider defaultCredentialProvider(const DefaultCredentialOptions &options)
{
    return [options](const CredentialRequest &request) {
        return isHttpUrl(request.url) ? httpCredentials(options, request) : sshCredentials(options, request);
    };
}

std::optional<Credential> credentialFromGitHelpers(const QString &url, const QString &username)
{
    const QUrl parsed(url);
    if (!parsed.isValid() || parsed.host().isEmpty())
        return std::nullopt;
    QString host = parsed.host();
    if (parsed.port() >= 0)
        host += QLatin1Char(':') + QString::number(parsed.port());
    QString path = parsed.path();
    while (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    QByteArray input = "protocol=" + parsed.scheme().toUtf8() + "\nhost=" + host.toUtf8() + '\n';
    if (!path.isEmpty())
        input += "path=" + path.toUtf8() + '\n';
    const QString user = !username.isEmpty() ? username : parsed.userName();
    if (!user.isEmpty())
        input += "username=" + user.toUtf8() + '\n';
    input += '\n';

    QProcess git;
    // Never prompt: not on a terminal (there is none in a desktop app) and not
    // through an askpass program; a helper that has nothing simply answers nothing.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("GIT_TERMINAL_PROMPT"), QStringLiteral("0"));
    environment.remove(QStringLiteral("GIT_ASKPASS"));
    environment.remove(QStringLiteral("SSH_ASKPASS"));
    git.setProcessEnvironment(environment);
    git.start(QStringLiteral("git"),
        { QStringLiteral("-c"), QStringLiteral("core.askPass="), QStringLiteral("credential"),
            QStringLiteral("fill") });
    if (!git.waitForStarted(helperTimeoutMs))
        return std::nullopt;
    git.write(input);
    git.closeWriteChannel();
    if (!git.waitForFinished(helperTimeoutMs)) {
        git.kill();
        git.waitForFinished();
        return std::nullopt;
    }
    if (git.exitStatus() != QProcess::NormalExit || git.exitCode() != 0)
        return std::nullopt;

    Credential credential;
    credential.source = QStringLiteral("Git's credential helper");
    const QList<QByteArray> lines = git.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        const int equals = line.indexOf('=');
        if (equals <= 0)
            continue;
        const QByteArray key = line.left(equals);
        if (key == "username")
            credential.username = QString::fromUtf8(line.mid(equals + 1));
        else if (key == "password")
            credential.password = QString::fromUtf8(line.mid(equals + 1));
    }
    if (credential.password.isEmpty())
        return std::nullopt;
    if (credential.username.isEmpty())
        credential.username = user;
    return credential;
}

CredentialAttempts::CredentialAttempts(CredentialProvider provider)
    : m_provider(std::move(provider))
{
}

const QList<Credential> &CredentialAttempts::candidates(const CredentialRequest &request)
{
    if (!m_candidates)
        m_candidates = m_provider ? m_provider(request) : QList<Credential>();
    return *m_candidates;
}

Result<Credential> CredentialAttempts::next(const CredentialRequest &request)
{
    const QList<Credential> &offered = candidates(request);
    while (m_next < offered.size()) {
        const Credential &candidate = offered.at(m_next++);
        if (allows(request, candidate)) {
            m_tried.append(candidate);
            return candidate;
        }
    }
    return authenticationFailed(request, m_tried);
}

Result<QString> CredentialAttempts::username(const CredentialRequest &request)
{
    // ssh asks for the user name once per connection; more often means a loop.
    if (++m_usernameAnswers > 2)
        return authenticationFailed(request, m_tried);
    if (!request.usernameFromUrl.isEmpty())
        return request.usernameFromUrl;
    for (const Credential &candidate : candidates(request)) {
        if (candidate.kind != Credential::Kind::UserPassword && !candidate.username.isEmpty())
            return candidate.username;
    }
    return QStringLiteral("git");
}

} // namespace capstan::git
