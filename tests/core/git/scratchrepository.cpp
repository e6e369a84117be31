#include "scratchrepository.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTimeZone>
#include <QtDebug>

void ScratchRepository::isolateFromUserConfig()
{
    static QTemporaryDir home;
    static bool done = false;
    if (done)
        return;
    done = true;
    qputenv("HOME", home.path().toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral(".config")).toLocal8Bit());
    qputenv("GIT_CONFIG_NOSYSTEM", "1");
    for (const char *name : { "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL",
             "EMAIL", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE" })
        qunsetenv(name);
}

ScratchRepository::ScratchRepository(Identity identity)
    : m_identity(identity)
{
    isolateFromUserConfig();
    if (!m_dir.isValid())
        return;
    int code = 0;
    git({ QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main") }, &code);
    if (code != 0)
        return;
    if (identity == Identity::Configured) {
        git({ QStringLiteral("config"), QStringLiteral("user.name"), userName() });
        git({ QStringLiteral("config"), QStringLiteral("user.email"), userEmail() });
    }
    m_valid = true;
}

void ScratchRepository::writeFile(const QString &relative, const QByteArray &content) const
{
    const QString absolute = filePath(relative);
    QDir().mkpath(QFileInfo(absolute).absolutePath());
    QFile file(absolute);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        qWarning("ScratchRepository: cannot write %s", qPrintable(absolute));
}

QByteArray ScratchRepository::readFile(const QString &relative) const
{
    QFile file(filePath(relative));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void ScratchRepository::removeFile(const QString &relative) const
{
    QFile::remove(filePath(relative));
}

QDateTime ScratchRepository::nextCommitTime() const
{
    const QDateTime start(QDate(2026, 3, 1), QTime(9, 0), QTimeZone(2 * 3600));
    return start.addSecs(qint64(60) * m_commitCount);
}

QString ScratchRepository::commit(const QList<QPair<QString, QByteArray>> &files, const QString &message,
    const QString &authorName, const QString &authorEmail)
{
    for (const auto &[relative, content] : files) {
        if (content.isNull())
            removeFile(relative);
        else
            writeFile(relative, content);
    }
    git({ QStringLiteral("add"), QStringLiteral("-A") });
    const QString date = nextCommitTime().toString(Qt::ISODate);
    ++m_commitCount;
    QStringList arguments { QStringLiteral("-c"), QStringLiteral("commit.gpgsign=false") };
    if (m_identity == Identity::None) {
        const bool named = !authorName.isEmpty();
        arguments << QStringLiteral("-c")
                  << QStringLiteral("user.name=") + (named ? authorName : QStringLiteral("Scratch"))
                  << QStringLiteral("-c")
                  << QStringLiteral("user.email=") + (named ? authorEmail : QStringLiteral("scratch@example.com"));
    }
    arguments << QStringLiteral("commit") << QStringLiteral("-q") << QStringLiteral("--allow-empty")
              << QStringLiteral("-m") << message << QStringLiteral("--date=") + date;
    if (!authorName.isEmpty())
        arguments << QStringLiteral("--author=%1 <%2>").arg(authorName, authorEmail);
    run(arguments, { { QStringLiteral("GIT_COMMITTER_DATE"), date } }, nullptr);
    return git({ QStringLiteral("rev-parse"), QStringLiteral("HEAD") });
}

QString ScratchRepository::git(const QStringList &arguments, int *exitCode) const
{
    return run(arguments, {}, exitCode);
}

QString ScratchRepository::run(
    const QStringList &arguments, const QList<QPair<QString, QString>> &environment, int *exitCode) const
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto &[name, value] : environment)
        env.insert(name, value);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral("git"), arguments);
    process.waitForFinished(60000);
    const int code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    if (exitCode)
        *exitCode = code;
    else if (code != 0)
        qWarning("git %s failed: %s", qPrintable(arguments.join(QLatin1Char(' '))),
            process.readAllStandardError().constData());
    QString out = QString::fromUtf8(process.readAllStandardOutput());
    if (out.endsWith(QLatin1Char('\n')))
        out.chop(1);
    return out;
}
