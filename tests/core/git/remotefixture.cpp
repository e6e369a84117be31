#include "remotefixture.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

QString runGit(const QString &directory, const QStringList &arguments, int *exitCode)
{
    QProcess process;
    process.setWorkingDirectory(directory);
    process.start(QStringLiteral("git"), arguments);
    process.waitForFinished(60000);
    const int code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    if (exitCode)
        *exitCode = code;
    else if (code != 0)
        qWarning("git %s failed in %s: %s", qPrintable(arguments.join(QLatin1Char(' '))), qPrintable(directory),
            process.readAllStandardError().constData());
    QString out = QString::fromUtf8(process.readAllStandardOutput());
    if (out.endsWith(QLatin1Char('\n')))
        out.chop(1);
    return out;
}

void writeFileIn(const QString &directory, const QString &relative, const QByteArray &content)
{
    const QString path = QDir(directory).filePath(relative);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        qWarning("cannot write %s", qPrintable(path));
}

QByteArray readFileIn(const QString &directory, const QString &relative)
{
    QFile file(QDir(directory).filePath(relative));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void isolateGitEnvironment()
{
    static QTemporaryDir home;
    qputenv("HOME", home.path().toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral(".config")).toLocal8Bit());
    qputenv("GIT_CONFIG_GLOBAL", home.filePath(QStringLiteral(".gitconfig")).toLocal8Bit());
    qputenv("GIT_CONFIG_NOSYSTEM", "1");
    qputenv("GIT_TERMINAL_PROMPT", "0");
    for (const char *name : { "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL",
             "EMAIL", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "SSH_AUTH_SOCK", "GIT_ASKPASS", "SSH_ASKPASS" })
        qunsetenv(name);
    runGit(home.path(),
        { QStringLiteral("config"), QStringLiteral("--global"), QStringLiteral("user.name"),
            QStringLiteral("Ada Lovelace") });
    runGit(home.path(),
        { QStringLiteral("config"), QStringLiteral("--global"), QStringLiteral("user.email"),
            QStringLiteral("ada@example.com") });
    runGit(home.path(),
        { QStringLiteral("config"), QStringLiteral("--global"), QStringLiteral("init.defaultBranch"),
            QStringLiteral("main") });
}

GitDaemon::GitDaemon(const QString &basePath)
    : m_basePath(basePath)
{
}

GitDaemon::~GitDaemon()
{
    stop();
}

bool GitDaemon::start()
{
    // A port nobody listens on right now; the daemon binds it a moment later.
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0)) {
            m_error = probe.errorString();
            return false;
        }
        m_port = probe.serverPort();
    }
    // git-daemon itself, not `git daemon`: git would run it as a child process that
    // outlives a kill of the git wrapper and keeps serving.
    const QString execPath = runGit(m_basePath, { QStringLiteral("--exec-path") });
    m_process.start(QDir(execPath).filePath(QStringLiteral("git-daemon")),
        { QStringLiteral("--reuseaddr"), QStringLiteral("--listen=127.0.0.1"), QStringLiteral("--port=%1").arg(m_port),
            QStringLiteral("--base-path=") + m_basePath, QStringLiteral("--export-all"),
            QStringLiteral("--enable=receive-pack"), QStringLiteral("--informative-errors"), m_basePath });
    if (!m_process.waitForStarted(10000)) {
        m_error = m_process.errorString();
        return false;
    }
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        if (m_process.state() != QProcess::Running) {
            m_error = QStringLiteral("git daemon exited with %1: %2")
                          .arg(m_process.exitCode())
                          .arg(QString::fromLocal8Bit(m_process.readAllStandardError()));
            return false;
        }
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (socket.waitForConnected(200))
            return true;
        QThread::msleep(50);
    }
    m_error = QStringLiteral("git daemon did not accept connections on port %1").arg(m_port);
    return false;
}

void GitDaemon::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(10000);
}

QString GitDaemon::url(const QString &relative) const
{
    return QStringLiteral("git://127.0.0.1:%1/%2").arg(m_port).arg(relative);
}
