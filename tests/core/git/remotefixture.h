#pragma once

// Real remotes for tests of core/git's remote operations: a `git daemon` on
// 127.0.0.1 serving bare repositories from a temporary directory, and the git
// command line to play the other people who push to them.

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

// Runs git in directory; returns stdout without the trailing newline. exitCode
// receives git's exit code; without it a failure is printed as a warning.
QString runGit(const QString &directory, const QStringList &arguments, int *exitCode = nullptr);

// Writes content to directory/relative, creating folders.
void writeFileIn(const QString &directory, const QString &relative, const QByteArray &content);
QByteArray readFileIn(const QString &directory, const QString &relative);

// Points HOME, GIT_CONFIG_GLOBAL and XDG_CONFIG_HOME at a fresh temporary place with
// only an identity configured, disables the system configuration, ssh-agent and
// every kind of prompt. Call it before the first libgit2 use in the process.
void isolateGitEnvironment();

// `git daemon` serving every repository under basePath, with pushes enabled.
class GitDaemon final
{
public:
    explicit GitDaemon(const QString &basePath);
    ~GitDaemon();
    GitDaemon(const GitDaemon &) = delete;
    GitDaemon &operator=(const GitDaemon &) = delete;

    // Starts it on a free port and waits until it accepts connections.
    bool start();
    void stop();
    // git://127.0.0.1:<port>/<relative>
    QString url(const QString &relative) const;
    QString errorString() const { return m_error; }

private:
    QString m_basePath;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};
