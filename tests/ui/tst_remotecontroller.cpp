#include "demofixture.h"
#include "workerspy.h"
#include "remote/remotecontroller.h"

#include <QAction>
#include <functional>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QWidget>

using namespace capstan;
using namespace capstan::ui;

namespace {

QString runGit(const QString &dir, const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.start(QStringLiteral("git"), arguments);
    process.waitForFinished(60000);
    if (process.exitCode() != 0)
        qWarning("git %s: %s", qPrintable(arguments.join(QLatin1Char(' '))), process.readAllStandardError().constData());
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

} // namespace

// The console's Git remote against a bare repository the demo pushes to, with
// the git command line as the colleague who pushes meanwhile.
class TestRemoteController : public QObject
{
    Q_OBJECT

private:
    test::DemoEngine m_engine;
    QWidget m_window;
    RemoteController *m_remote = nullptr;
    QString m_bare;

    // Runs an action and waits for its result (earlier actions' results are consumed on the way).
    QVariantList waitFor(const QString &action, const std::function<void()> &start)
    {
        QSignalSpy finished(m_remote, &RemoteController::actionFinished);
        start();
        for (int i = 0; i < 10; ++i) {
            for (const QVariantList &result : finished)
                if (result.at(0).toString() == action)
                    return result;
            if (!finished.wait(60000))
                break;
        }
        for (const QVariantList &result : finished)
            if (result.at(0).toString() == action)
                return result;
        return {};
    }

    RemoteStatus fetch()
    {
        waitFor(QStringLiteral("fetch"), [this] { m_engine.client->fetchRemote(); });
        return m_remote->status();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("GIT_AUTHOR_NAME", "Colleague");
        qputenv("GIT_AUTHOR_EMAIL", "colleague@example.com");
        qputenv("GIT_COMMITTER_NAME", "Colleague");
        qputenv("GIT_COMMITTER_EMAIL", "colleague@example.com");
        QVERIFY(m_engine.start());
        m_remote = new RemoteController(m_engine.client.get(), &m_window);
        m_bare = m_engine.dir.filePath(QStringLiteral("shared.git"));
        runGit(m_engine.dir.path(), {QStringLiteral("clone"), QStringLiteral("-q"), QStringLiteral("--bare"),
                                  m_engine.repository(), m_bare});
        runGit(m_engine.repository(), {QStringLiteral("remote"), QStringLiteral("add"), QStringLiteral("origin"), m_bare});
    }

    void fetchShowsUpToDate()
    {
        const RemoteStatus status = fetch();
        QVERIFY(status.hasRemote);
        QVERIFY2(status.error.isEmpty(), qPrintable(status.error));
        QCOMPARE(status.ahead, 0);
        QCOMPARE(status.behind, 0);
        QCOMPARE(m_remote->statusLabel()->text(), QStringLiteral("Up to date with origin/main"));
        QVERIFY(!m_remote->pushAction()->isEnabled());
    }

    void capstansCommitIsPushedAfterConfirmation()
    {
        test::WorkerSpy changed(m_engine.client->worker(), &EngineWorker::gitChangeReady);
        m_engine.client->setImage(QStringLiteral("order-service-dev"), QStringLiteral("order-service=v1.3.0"), false);
        QVERIFY(changed.wait(60000));
        const QString commit = changed.first().at(3).toString();

        const RemoteStatus status = fetch();
        QCOMPARE(status.ahead, 1);
        QCOMPARE(status.toPush.size(), 1);
        QVERIFY(status.toPush.first().contains(QStringLiteral("order-service")));
        QCOMPARE(m_remote->statusLabel()->text(), QStringLiteral("Commits to push: 1"));
        QVERIFY(m_remote->pushAction()->isEnabled());

        // Nothing leaves before the person says yes.
        QMessageBox *box = m_remote->confirmPush();
        QVERIFY(box);
        QVERIFY(box->informativeText().contains(commit.left(7)));
        QCOMPARE(runGit(m_bare, {QStringLiteral("rev-parse"), QStringLiteral("main")}) == commit, false);
        const QVariantList pushed = waitFor(QStringLiteral("push"), [box] { box->button(QMessageBox::Yes)->click(); });
        QVERIFY(!pushed.isEmpty());
        QVERIFY2(pushed.at(1).toBool(), qPrintable(pushed.at(2).toString()));
        QCOMPARE(runGit(m_bare, {QStringLiteral("rev-parse"), QStringLiteral("main")}), commit);
        QCOMPARE(m_remote->status().ahead, 0);
    }

    void aColleaguesPushIsBehindThenPulled()
    {
        const QString other = m_engine.dir.filePath(QStringLiteral("colleague"));
        runGit(m_engine.dir.path(), {QStringLiteral("clone"), QStringLiteral("-q"), m_bare, other});
        QFile readme(other + QStringLiteral("/NOTES.md"));
        QVERIFY(readme.open(QIODevice::WriteOnly));
        readme.write("Maintenance window on Saturday.\n");
        readme.close();
        runGit(other, {QStringLiteral("add"), QStringLiteral("NOTES.md")});
        runGit(other, {QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("notes")});
        runGit(other, {QStringLiteral("push"), QStringLiteral("-q"), QStringLiteral("origin"), QStringLiteral("main")});
        const QString theirs = runGit(other, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")});

        const RemoteStatus status = fetch();
        QVERIFY2(status.ahead == 0, qPrintable(status.toPush.join(QLatin1Char('\n'))));
        QCOMPARE(status.behind, 1);
        QCOMPARE(m_remote->statusLabel()->text(), QStringLiteral("Commits behind origin/main: 1"));
        QVERIFY(m_remote->pullAction()->isEnabled());
        const QVariantList pulled = waitFor(QStringLiteral("pull"), [this] { m_remote->pullAction()->trigger(); });
        QVERIFY(!pulled.isEmpty());
        QVERIFY2(pulled.at(1).toBool(), qPrintable(pulled.at(2).toString()));
        QCOMPARE(runGit(m_engine.repository(), {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}), theirs);
        QVERIFY(QFile::exists(m_engine.repository() + QStringLiteral("/NOTES.md")));
    }

    void anUnreachableRemoteLeavesTheLocalCloneWorking()
    {
        runGit(m_engine.repository(), {QStringLiteral("remote"), QStringLiteral("set-url"), QStringLiteral("origin"),
                                    m_engine.dir.filePath(QStringLiteral("gone.git"))});
        const RemoteStatus status = fetch();
        QVERIFY(!status.error.isEmpty());
        QVERIFY2(status.error.contains(QStringLiteral("gone.git")), qPrintable(status.error));
        QVERIFY(m_remote->statusLabel()->text().contains(QStringLiteral("working from the local clone")));
        // History still reads from the local clone.
        test::WorkerSpy history(m_engine.client->worker(), &EngineWorker::historyReady);
        m_engine.client->loadHistory(QStringLiteral("order-service-prod"));
        QVERIFY(history.wait(60000));
        QVERIFY(!history.first().first().value<HistoryListPtr>()->entries.empty());
    }
};

QTEST_MAIN(TestRemoteController)
#include "tst_remotecontroller.moc"
