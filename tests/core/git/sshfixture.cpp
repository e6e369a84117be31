#include "sshfixture.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTcpServer>

#include <pwd.h>
#include <unistd.h>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace {

constexpr int startTimeoutMs = 10000;

// A server or agent must not outlive a test that crashed or was killed by a timeout.
void dieWithParent(QProcess &process)
{
#ifdef Q_OS_LINUX
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#else
    Q_UNUSED(process);
#endif
}

void stopProcess(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(3000)) {
        process.kill();
        process.waitForFinished(3000);
    }
}

} // namespace

QString findOpenSshTool(const QString &name)
{
    QString found = QStandardPaths::findExecutable(name);
    if (found.isEmpty())
        found = QStandardPaths::findExecutable(
            name, { QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin"), QStringLiteral("/sbin") });
    return found.isEmpty() ? QString() : QFileInfo(found).absoluteFilePath();
}

QByteArray runTool(const QString &program, const QStringList &arguments, int *exitCode, const QStringList &environment)
{
    QProcess process;
    if (!environment.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &assignment : environment) {
            const int equals = assignment.indexOf(QLatin1Char('='));
            env.insert(assignment.left(equals), assignment.mid(equals + 1));
        }
        process.setProcessEnvironment(env);
    }
    process.start(program, arguments);
    process.closeWriteChannel();
    const bool finished = process.waitForFinished(30000);
    const int code = finished && process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    if (exitCode)
        *exitCode = code;
    else if (code != 0)
        qWarning("%s %s failed (%d): %s", qPrintable(program), qPrintable(arguments.join(QLatin1Char(' '))), code,
            process.readAllStandardError().constData());
    return process.readAllStandardOutput();
}

bool generateKeyPair(const QString &path, const QString &type, const QString &passphrase)
{
    int code = 0;
    runTool(findOpenSshTool(QStringLiteral("ssh-keygen")),
        { QStringLiteral("-q"), QStringLiteral("-t"), type, QStringLiteral("-N"), passphrase, QStringLiteral("-C"),
            QFileInfo(path).fileName(), QStringLiteral("-f"), path },
        &code);
    return code == 0 && QFileInfo::exists(path + QStringLiteral(".pub"));
}

QString fingerprintOf(const QString &publicKeyPath)
{
    // "256 SHA256:… comment (ED25519)"
    const QByteArray line = runTool(findOpenSshTool(QStringLiteral("ssh-keygen")),
        { QStringLiteral("-l"), QStringLiteral("-E"), QStringLiteral("sha256"), QStringLiteral("-f"), publicKeyPath });
    const QList<QByteArray> fields = line.simplified().split(' ');
    return fields.size() > 1 ? QString::fromLatin1(fields.at(1)) : QString();
}

QString currentUserName()
{
    const passwd *entry = ::getpwuid(::geteuid());
    return entry ? QString::fromLocal8Bit(entry->pw_name) : QString();
}

SshServer::SshServer()
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    dieWithParent(m_process);
}

SshServer::~SshServer()
{
    stop();
}

QString SshServer::hostPublicKeyPath(const QString &type) const
{
    return m_dir.filePath(QStringLiteral("ssh_host_%1_key.pub").arg(type));
}

bool SshServer::start()
{
    const QString sshd = findOpenSshTool(QStringLiteral("sshd"));
    if (sshd.isEmpty()) {
        m_error = QStringLiteral("sshd not found (install openssh-server)");
        return false;
    }
    // Two host keys, as a real server has (OpenSSH's own set-up makes ed25519, ecdsa and rsa).
    QString hostKeys;
    for (const QString &type : { QStringLiteral("ed25519"), QStringLiteral("ecdsa") }) {
        const QString hostKey = m_dir.filePath(QStringLiteral("ssh_host_%1_key").arg(type));
        if (!m_dir.isValid() || !generateKeyPair(hostKey, type)) {
            m_error = QStringLiteral("cannot make the %1 host key with ssh-keygen").arg(type);
            return false;
        }
        hostKeys += QStringLiteral("HostKey %1\n").arg(hostKey);
    }
    // As root, sshd separates privileges into a chroot it expects at /run/sshd
    // (made by the openssh-server service, which containers do not run). As
    // another user it does not separate privileges and needs none.
    if (::geteuid() == 0 && !QFileInfo::exists(QStringLiteral("/run/sshd"))) {
        if (!QDir().mkpath(QStringLiteral("/run/sshd"))
            || !QFile::setPermissions(QStringLiteral("/run/sshd"),
                QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                    | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther)) {
            m_error = QStringLiteral("cannot create /run/sshd, sshd's privilege separation directory");
            return false;
        }
    }
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0)) {
            m_error = probe.errorString();
            return false;
        }
        m_port = probe.serverPort();
    }
    const QString config = m_dir.filePath(QStringLiteral("sshd_config"));
    QFile file(config);
    const QByteArray text = QStringLiteral("Port %1\n"
                                           "ListenAddress 127.0.0.1\n"
                                           "%2"
                                           "PidFile %3\n"
                                           "AuthorizedKeysFile %4\n"
                                           "StrictModes no\n"
                                           "UsePAM no\n"
                                           "PubkeyAuthentication yes\n"
                                           "PasswordAuthentication no\n"
                                           "KbdInteractiveAuthentication no\n"
                                           "AuthenticationMethods publickey\n"
                                           "PermitRootLogin prohibit-password\n"
                                           "LogLevel VERBOSE\n")
                                .arg(QString::number(m_port), hostKeys, m_dir.filePath(QStringLiteral("sshd.pid")),
                                    m_dir.filePath(QStringLiteral("authorized_keys")))
                                .toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size()) {
        m_error = QStringLiteral("cannot write %1").arg(config);
        return false;
    }
    file.close();
    QFile keys(m_dir.filePath(QStringLiteral("authorized_keys")));
    if (!keys.open(QIODevice::WriteOnly)) {
        m_error = QStringLiteral("cannot write authorized_keys");
        return false;
    }
    keys.close();

    // sshd re-executes itself for each connection, so it must be started by absolute path.
    m_process.start(sshd, { QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"), config });
    if (!m_process.waitForStarted(startTimeoutMs)) {
        m_error = m_process.errorString();
        return false;
    }
    const QDeadlineTimer deadline(startTimeoutMs);
    while (!deadline.hasExpired()) {
        if (log().contains(QStringLiteral("Server listening on 127.0.0.1")))
            return true;
        if (m_process.state() != QProcess::Running) {
            m_error = QStringLiteral("sshd exited with %1: %2").arg(m_process.exitCode()).arg(log());
            return false;
        }
    }
    m_error = QStringLiteral("sshd did not listen on port %1: %2").arg(m_port).arg(log());
    return false;
}

void SshServer::stop()
{
    stopProcess(m_process);
}

bool SshServer::authorize(const QString &publicKeyPath)
{
    QFile key(publicKeyPath);
    QFile keys(m_dir.filePath(QStringLiteral("authorized_keys")));
    if (!key.open(QIODevice::ReadOnly) || !keys.open(QIODevice::Append))
        return false;
    const QByteArray line = key.readAll().trimmed() + '\n';
    return keys.write(line) == line.size();
}

QString SshServer::url(const QString &absolutePath) const
{
    return QStringLiteral("ssh://%1@127.0.0.1:%2%3").arg(currentUserName(), QString::number(m_port), absolutePath);
}

QString SshServer::log()
{
    m_process.waitForReadyRead(50);
    m_log += QString::fromLocal8Bit(m_process.readAll());
    return m_log;
}

SshAgent::SshAgent(const QString &socketPath)
    : m_socketPath(socketPath)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    dieWithParent(m_process);
}

SshAgent::~SshAgent()
{
    stop();
}

bool SshAgent::start()
{
    const QString agent = findOpenSshTool(QStringLiteral("ssh-agent"));
    if (agent.isEmpty()) {
        m_error = QStringLiteral("ssh-agent not found (install openssh-client)");
        return false;
    }
    m_process.start(agent, { QStringLiteral("-D"), QStringLiteral("-a"), m_socketPath });
    if (!m_process.waitForStarted(startTimeoutMs)) {
        m_error = m_process.errorString();
        return false;
    }
    // The socket file exists from bind(), a moment before the agent listens on it;
    // an ssh-add in between would be refused. In the foreground the agent prints
    // its "SSH_AUTH_SOCK=..." line once it listens: wait for that.
    QByteArray output;
    const QDeadlineTimer deadline(startTimeoutMs);
    while (!deadline.hasExpired()) {
        m_process.waitForReadyRead(50);
        output += m_process.readAll();
        if (output.contains("SSH_AUTH_SOCK="))
            return true;
        if (m_process.state() != QProcess::Running) {
            m_error = QStringLiteral("ssh-agent exited: %1").arg(QString::fromLocal8Bit(output));
            return false;
        }
    }
    m_error = QStringLiteral("ssh-agent did not listen on %1: %2").arg(m_socketPath, QString::fromLocal8Bit(output));
    return false;
}

void SshAgent::stop()
{
    stopProcess(m_process);
}

bool SshAgent::add(const QString &privateKeyPath)
{
    int code = 0;
    runTool(findOpenSshTool(QStringLiteral("ssh-add")), { QStringLiteral("-q"), privateKeyPath }, &code,
        { QStringLiteral("SSH_AUTH_SOCK=") + m_socketPath });
    if (code != 0)
        m_error = QStringLiteral("ssh-add %1 failed with %2").arg(privateKeyPath).arg(code);
    return code == 0;
}
