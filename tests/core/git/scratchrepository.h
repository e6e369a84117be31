#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QStringList>
#include <QTemporaryDir>

// A real Git repository in a temporary directory, driven through the git
// command line, for tests of anything that reads or writes Git. Commits get
// distinct, increasing timestamps so history order never depends on timing.
class ScratchRepository final
{
public:
    enum class Identity { Configured, None };

    // Runs `git init -b main` in a fresh temporary directory and, unless told
    // otherwise, configures user.name/user.email there.
    explicit ScratchRepository(Identity identity = Identity::Configured);

    // Points HOME and Git's global/system configuration at an empty place, so
    // the user's own ~/.gitconfig never leaks into a test. Call it before the
    // first libgit2 use in the process (the constructor calls it too).
    static void isolateFromUserConfig();

    static QString userName() { return QStringLiteral("Ada Lovelace"); }
    static QString userEmail() { return QStringLiteral("ada@example.com"); }

    bool isValid() const { return m_valid; }
    QString path() const { return m_dir.path(); }
    QString filePath(const QString &relative) const { return m_dir.filePath(relative); }

    // Work tree edits.
    void writeFile(const QString &relative, const QByteArray &content) const;
    QByteArray readFile(const QString &relative) const;
    void removeFile(const QString &relative) const;

    // Writes the files (a null QByteArray deletes one), stages everything and commits;
    // returns the new commit's id. The author defaults to the configured user; in a
    // repository without identity the author (or "Scratch") also commits, for this
    // one command only.
    QString commit(const QList<QPair<QString, QByteArray>> &files, const QString &message,
        const QString &authorName = {}, const QString &authorEmail = {});

    // The timestamp the next commit() will get (commits are one minute apart, UTC+02:00).
    QDateTime nextCommitTime() const;

    // Runs git in the repository; returns stdout with the trailing newline removed.
    // exitCode receives git's exit code; without it a failure is printed as a warning.
    QString git(const QStringList &arguments, int *exitCode = nullptr) const;

private:
    QString run(const QStringList &arguments, const QList<QPair<QString, QString>> &environment, int *exitCode) const;

    QTemporaryDir m_dir;
    Identity m_identity = Identity::Configured;
    int m_commitCount = 0;
    bool m_valid = false;
};
