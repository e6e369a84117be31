#include "git/repository.h"

#include "remotefixture.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace capstan::git;

namespace {

QString messageOf(const capstan::Error &error)
{
    return QString::fromStdString(error.toString());
}

const QByteArray appYaml = "name: web\nimage: web:1\nreplicas: 2\n";
const QByteArray otherYaml = "name: api\nimage: api:1\n";

} // namespace

// Clone, fetch and push against real remotes: a git daemon on 127.0.0.1 and
// file:// URLs, with the git command line as the colleague who pushes meanwhile.
class TestRemote : public QObject
{
    Q_OBJECT

    struct Remote
    {
        QString barePath;
        QString url;
    };

    // A bare repository with app.yaml and other.yaml on main, reached as asked.
    Remote makeRemote(bool overDaemon)
    {
        const QString name = QStringLiteral("repo%1.git").arg(++m_counter);
        const QString seed = m_base.filePath(QStringLiteral("seed%1").arg(m_counter));
        QDir().mkpath(seed);
        runGit(seed, { QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main") });
        writeFileIn(seed, QStringLiteral("app.yaml"), appYaml);
        writeFileIn(seed, QStringLiteral("other.yaml"), otherYaml);
        runGit(seed, { QStringLiteral("add"), QStringLiteral("-A") });
        runGit(seed, { QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), QStringLiteral("base") });
        const QString bare = m_base.filePath(name);
        runGit(m_base.path(), { QStringLiteral("clone"), QStringLiteral("-q"), QStringLiteral("--bare"), seed, bare });
        return { bare, overDaemon ? m_daemon->url(name) : QUrl::fromLocalFile(bare).toString() };
    }

    QString newDirectory(const QString &prefix) { return m_base.filePath(prefix + QString::number(++m_counter)); }

    // A colleague: clones with the git CLI, commits one change and pushes it.
    QString pushFromElsewhere(const Remote &remote, const QString &file, const QByteArray &content,
        const QString &branch = QStringLiteral("main"))
    {
        const QString other = newDirectory(QStringLiteral("other"));
        runGit(m_base.path(),
            { QStringLiteral("clone"), QStringLiteral("-q"), QStringLiteral("-b"), branch, remote.url, other });
        writeFileIn(other, file, content);
        runGit(other,
            { QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-am"),
                QStringLiteral("colleague: ") + file });
        runGit(other, { QStringLiteral("push"), QStringLiteral("-q"), QStringLiteral("origin"), branch });
        return runGit(other, { QStringLiteral("rev-parse"), QStringLiteral("HEAD") });
    }

    static QString bareMain(const Remote &remote)
    {
        return runGit(remote.barePath, { QStringLiteral("rev-parse"), QStringLiteral("main") });
    }

    static QString showOnMain(const Remote &remote, const QString &file)
    {
        return runGit(remote.barePath, { QStringLiteral("show"), QStringLiteral("main:") + file });
    }

    void transports()
    {
        QTest::addColumn<bool>("overDaemon");
        QTest::newRow("git daemon") << true;
        QTest::newRow("file://") << false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        isolateGitEnvironment();
        QVERIFY(m_base.isValid());
        m_daemon = std::make_unique<GitDaemon>(m_base.path());
        QVERIFY2(m_daemon->start(), qPrintable(m_daemon->errorString()));
    }

    void cleanupTestCase() { m_daemon.reset(); }

    void cloneChecksOutAndTracks_data() { transports(); }
    void cloneChecksOutAndTracks()
    {
        QFETCH(bool, overDaemon);
        const Remote remote = makeRemote(overDaemon);
        const QString local = newDirectory(QStringLiteral("local"));
        auto repo = Repository::clone(remote.url, local, RemoteOptions {});
        QVERIFY2(repo.ok(), repo.ok() ? "" : repo.error().toString().c_str());
        QCOMPARE(readFileIn(local, QStringLiteral("app.yaml")), appYaml);
        QCOMPARE(repo->headBranch().value(), QStringLiteral("main"));
        QCOMPARE(repo->headCommit()->id, bareMain(remote));
        auto status = repo->aheadBehind(QStringLiteral("main"));
        QVERIFY2(status.ok(), status.ok() ? "" : status.error().toString().c_str());
        QCOMPARE(*status, (AheadBehind { 0, 0, QStringLiteral("refs/remotes/origin/main") }));
        QCOMPARE(repo->remoteUrl().value(), std::optional<QString>(remote.url));
        QCOMPARE(repo->remoteUrl(QStringLiteral("upstream")).value(), std::optional<QString>());
    }

    void fetchShowsBehindAndLeavesTheBranch_data() { transports(); }
    void fetchShowsBehindAndLeavesTheBranch()
    {
        QFETCH(bool, overDaemon);
        const Remote remote = makeRemote(overDaemon);
        const QString local = newDirectory(QStringLiteral("local"));
        auto repo = Repository::clone(remote.url, local, RemoteOptions {});
        QVERIFY(repo.ok());
        const QString before = repo->headCommit()->id;
        pushFromElsewhere(remote, QStringLiteral("other.yaml"), "name: api\nimage: api:2\n");
        const QString theirs = pushFromElsewhere(remote, QStringLiteral("app.yaml"), "name: web\nimage: web:3\n");

        auto fetched = repo->fetch();
        QVERIFY2(fetched.ok(), fetched.ok() ? "" : fetched.error().toString().c_str());
        QCOMPARE(repo->aheadBehind(QStringLiteral("main"))->behind, 2);
        QCOMPARE(repo->aheadBehind(QStringLiteral("main"))->ahead, 0);
        QCOMPARE(repo->resolve(QStringLiteral("refs/remotes/origin/main"))->id, theirs);
        // Fetching never moves the branch the person works on, nor its files.
        QCOMPARE(repo->resolve(QStringLiteral("main"))->id, before);
        QCOMPARE(readFileIn(local, QStringLiteral("app.yaml")), appYaml);
        QCOMPARE(repo->isClean().value(), true);
    }

    void fastForwardFollowsTheRemoteAndRefusesDivergence()
    {
        const Remote remote = makeRemote(true);
        const QString local = newDirectory(QStringLiteral("local"));
        auto repo = Repository::clone(remote.url, local, RemoteOptions {});
        QVERIFY(repo.ok());
        QCOMPARE(repo->fastForward(QStringLiteral("main")).value(), 0); // nothing to follow
        const QString theirs = pushFromElsewhere(remote, QStringLiteral("app.yaml"), "name: web\nimage: web:4\n");
        QVERIFY(repo->fetch().ok());
        auto moved = repo->fastForward(QStringLiteral("main"));
        QVERIFY2(moved.ok(), moved.ok() ? "" : moved.error().toString().c_str());
        QCOMPARE(*moved, 1);
        QCOMPARE(repo->headCommit()->id, theirs);
        QCOMPARE(readFileIn(local, QStringLiteral("app.yaml")), QByteArray("name: web\nimage: web:4\n"));

        // A local commit the remote lacks: refused, nothing moves.
        auto mine = repo->commit(QStringLiteral("main"), { { QStringLiteral("other.yaml"), QByteArray("name: api\n") } },
            QStringLiteral("mine"));
        QVERIFY(mine.ok());
        pushFromElsewhere(remote, QStringLiteral("app.yaml"), "name: web\nimage: web:5\n");
        QVERIFY(repo->fetch().ok());
        auto refused = repo->fastForward(QStringLiteral("main"));
        QVERIFY(!refused.ok());
        QVERIFY2(QString::fromStdString(refused.error().message).contains(QStringLiteral("push them first")),
            refused.error().message.c_str());
        QCOMPARE(repo->headCommit()->id, *mine);
    }

    void pushFastForwards_data() { transports(); }
    void pushFastForwards()
    {
        QFETCH(bool, overDaemon);
        const Remote remote = makeRemote(overDaemon);
        const QString local = newDirectory(QStringLiteral("local"));
        auto repo = Repository::clone(remote.url, local, RemoteOptions {});
        QVERIFY(repo.ok());
        auto id = repo->commit(QStringLiteral("main"), { { QStringLiteral("app.yaml"), QByteArray("image: web:2\n") } },
            QStringLiteral("promote: web 2"));
        QVERIFY(id.ok());
        QCOMPARE(repo->aheadBehind(QStringLiteral("main"))->ahead, 1);

        auto outcome = repo->push(QStringLiteral("main"));
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : outcome.error().toString().c_str());
        QCOMPARE(outcome->kind, PushOutcome::Kind::Pushed);
        QCOMPARE(outcome->tip, *id);
        QVERIFY(outcome->replayed.isEmpty());
        QCOMPARE(bareMain(remote), *id);
        QCOMPARE(*repo->aheadBehind(QStringLiteral("main")),
            (AheadBehind { 0, 0, QStringLiteral("refs/remotes/origin/main") }));

        auto again = repo->push(QStringLiteral("main"));
        QVERIFY(again.ok());
        QCOMPARE(again->kind, PushOutcome::Kind::UpToDate);
    }

    void rejectedPushIsReplayed_data() { transports(); }
    void rejectedPushIsReplayed()
    {
        QFETCH(bool, overDaemon);
        const Remote remote = makeRemote(overDaemon);
        const QString local = newDirectory(QStringLiteral("local"));
        auto repo = Repository::clone(remote.url, local, RemoteOptions {});
        QVERIFY(repo.ok());
        const QString theirs = pushFromElsewhere(remote, QStringLiteral("other.yaml"), "name: api\nimage: api:9\n");
        const Signature grace { QStringLiteral("Grace Hopper"), QStringLiteral("grace@example.com"), {} };
        auto first = repo->commit(QStringLiteral("main"),
            { { QStringLiteral("app.yaml"), QByteArray("name: web\nimage: web:2\nreplicas: 2\n") } },
            QStringLiteral("promote: web 2"), grace);
        auto second = repo->commit(QStringLiteral("main"),
            { { QStringLiteral("app.yaml"), QByteArray("name: web\nimage: web:2\nreplicas: 3\n") } },
            QStringLiteral("scale: web 3"));
        QVERIFY(first.ok() && second.ok());

        auto outcome = repo->push(QStringLiteral("main"));
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : outcome.error().toString().c_str());
        QCOMPARE(outcome->kind, PushOutcome::Kind::Replayed);
        QCOMPARE(outcome->replayed.size(), 2);
        QCOMPARE(outcome->replayed.at(0).oldId, *first);
        QCOMPARE(outcome->replayed.at(1).oldId, *second);
        QCOMPARE(outcome->replayed.at(1).newId, outcome->tip);
        QVERIFY(outcome->replayed.at(0).newId != *first && outcome->replayed.at(1).newId != *second);

        // The remote has both people's changes, ours on top of theirs, as new commits.
        QCOMPARE(bareMain(remote), outcome->tip);
        QCOMPARE(runGit(remote.barePath, { QStringLiteral("rev-parse"), QStringLiteral("main~2") }), theirs);
        QCOMPARE(runGit(remote.barePath, { QStringLiteral("rev-parse"), QStringLiteral("main~1") }),
            outcome->replayed.at(0).newId);
        QCOMPARE(showOnMain(remote, QStringLiteral("other.yaml")), QStringLiteral("name: api\nimage: api:9"));
        QCOMPARE(
            showOnMain(remote, QStringLiteral("app.yaml")), QStringLiteral("name: web\nimage: web:2\nreplicas: 3"));
        QCOMPARE(runGit(remote.barePath,
                     { QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%an|%s"),
                         QStringLiteral("main~1") }),
            QStringLiteral("Grace Hopper|promote: web 2"));

        // The checked-out branch and its files followed.
        QCOMPARE(repo->headCommit()->id, outcome->tip);
        QCOMPARE(readFileIn(local, QStringLiteral("other.yaml")), QByteArray("name: api\nimage: api:9\n"));
        QCOMPARE(repo->isClean(UntrackedFiles::CountAsChanges).value(), true);
        QCOMPARE(repo->aheadBehind(QStringLiteral("main"))->ahead, 0);
    }

    void rejectedPushThatConflictsKeepsEverything_data() { transports(); }
    void rejectedPushThatConflictsKeepsEverything()
    {
        QFETCH(bool, overDaemon);
        const Remote remote = makeRemote(overDaemon);
        const QString local = newDirectory(QStringLiteral("local"));
        auto repo = Repository::clone(remote.url, local, RemoteOptions {});
        QVERIFY(repo.ok());
        const QString theirs
            = pushFromElsewhere(remote, QStringLiteral("app.yaml"), "name: web\nimage: web:7\nreplicas: 2\n");
        const QByteArray ourContent = "name: web\nimage: web:2\nreplicas: 2\n";
        auto ours = repo->commit(
            QStringLiteral("main"), { { QStringLiteral("app.yaml"), ourContent } }, QStringLiteral("promote: web 2"));
        QVERIFY(ours.ok());

        auto outcome = repo->push(QStringLiteral("main"));
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : outcome.error().toString().c_str());
        QCOMPARE(outcome->kind, PushOutcome::Kind::Conflict);
        QCOMPARE(outcome->conflictingFiles, QStringList { QStringLiteral("app.yaml") });
        QCOMPARE(outcome->conflictingCommit, *ours);
        QCOMPARE(outcome->tip, theirs);
        // Nothing lost locally, nothing pushed.
        QCOMPARE(repo->resolve(QStringLiteral("main"))->id, *ours);
        QCOMPARE(readFileIn(local, QStringLiteral("app.yaml")), ourContent);
        QCOMPARE(repo->isClean(UntrackedFiles::CountAsChanges).value(), true);
        QCOMPARE(bareMain(remote), theirs);
        QCOMPARE(*repo->aheadBehind(QStringLiteral("main")),
            (AheadBehind { 1, 1, QStringLiteral("refs/remotes/origin/main") }));
    }

    void pushWhenOnlyBehindMovesNothing()
    {
        const Remote remote = makeRemote(true);
        const QString local = newDirectory(QStringLiteral("local"));
        auto repo = Repository::clone(remote.url, local, RemoteOptions {});
        QVERIFY(repo.ok());
        const QString before = repo->headCommit()->id;
        const QString theirs = pushFromElsewhere(remote, QStringLiteral("other.yaml"), "name: api\nimage: api:2\n");

        auto outcome = repo->push(QStringLiteral("main"));
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : outcome.error().toString().c_str());
        QCOMPARE(outcome->kind, PushOutcome::Kind::UpToDate);
        QCOMPARE(outcome->tip, theirs);
        QCOMPARE(repo->headCommit()->id, before);
        QCOMPARE(repo->aheadBehind(QStringLiteral("main"))->behind, 1);
    }

    // A branch that is not checked out is replayed without touching the work tree.
    void replayOfAnotherBranchLeavesTheWorkTree()
    {
        const Remote remote = makeRemote(true);
        const QString local = newDirectory(QStringLiteral("local"));
        auto repo = Repository::clone(remote.url, local, RemoteOptions {});
        QVERIFY(repo.ok());
        runGit(local, { QStringLiteral("branch"), QStringLiteral("staging") });
        auto created = repo->push(QStringLiteral("staging"));
        QVERIFY2(created.ok(), created.ok() ? "" : created.error().toString().c_str());
        QCOMPARE(created->kind, PushOutcome::Kind::Pushed);
        pushFromElsewhere(remote, QStringLiteral("other.yaml"), "name: api\nimage: api:5\n", QStringLiteral("staging"));
        auto ours = repo->commit(QStringLiteral("staging"),
            { { QStringLiteral("app.yaml"), QByteArray("name: web\nimage: web:5\nreplicas: 2\n") } },
            QStringLiteral("promote: web 5 to staging"));
        QVERIFY(ours.ok());

        auto outcome = repo->push(QStringLiteral("staging"));
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : outcome.error().toString().c_str());
        QCOMPARE(outcome->kind, PushOutcome::Kind::Replayed);
        QCOMPARE(runGit(remote.barePath, { QStringLiteral("rev-parse"), QStringLiteral("staging") }), outcome->tip);
        QCOMPARE(repo->resolve(QStringLiteral("staging"))->id, outcome->tip);
        QCOMPARE(runGit(remote.barePath, { QStringLiteral("show"), QStringLiteral("staging:other.yaml") }),
            QStringLiteral("name: api\nimage: api:5"));
        // main stays checked out with its files as they were.
        QCOMPARE(repo->headBranch().value(), QStringLiteral("main"));
        QCOMPARE(readFileIn(local, QStringLiteral("app.yaml")), appYaml);
        QCOMPARE(readFileIn(local, QStringLiteral("other.yaml")), otherYaml);
        QCOMPARE(repo->isClean(UntrackedFiles::CountAsChanges).value(), true);
    }

    void pushRejectedByAHookSaysWhy()
    {
        const Remote remote = makeRemote(true);
        writeFileIn(
            remote.barePath, QStringLiteral("hooks/pre-receive"), "#!/bin/sh\necho 'main is frozen' >&2\nexit 1\n");
        QFile::setPermissions(QDir(remote.barePath).filePath(QStringLiteral("hooks/pre-receive")),
            QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        const QString local = newDirectory(QStringLiteral("local"));
        auto repo = Repository::clone(remote.url, local, RemoteOptions {});
        QVERIFY(repo.ok());
        const QString before = bareMain(remote);
        auto ours = repo->commit(QStringLiteral("main"), { { QStringLiteral("app.yaml"), QByteArray("x\n") } },
            QStringLiteral("promote: web 2"));
        QVERIFY(ours.ok());

        auto outcome = repo->push(QStringLiteral("main"));
        QVERIFY(!outcome.ok());
        QVERIFY2(messageOf(outcome.error()).contains(QLatin1String("rejected by the remote: ")),
            qPrintable(messageOf(outcome.error())));
        QVERIFY(messageOf(outcome.error()).contains(remote.url));
        QCOMPARE(bareMain(remote), before);
        QCOMPARE(repo->resolve(QStringLiteral("main"))->id, *ours);
    }

    // The replayed commit is refused by a hook: the branch and its files go back.
    void failedPushAfterReplayPutsTheBranchBack()
    {
        const Remote remote = makeRemote(true);
        const QString hook = QDir(remote.barePath).filePath(QStringLiteral("hooks/pre-receive"));
        writeFileIn(remote.barePath, QStringLiteral("hooks/pre-receive"),
            "#!/bin/sh\nwhile read old new ref; do\n"
            "  if git log --format=%s \"$old..$new\" | grep -q frozen; then echo 'frozen' >&2; exit 1; fi\n"
            "done\n");
        QFile::setPermissions(hook, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        const QString local = newDirectory(QStringLiteral("local"));
        auto repo = Repository::clone(remote.url, local, RemoteOptions {});
        QVERIFY(repo.ok());
        const QString theirs = pushFromElsewhere(remote, QStringLiteral("other.yaml"), "name: api\nimage: api:4\n");
        const QByteArray ourContent = "name: web\nimage: web:2\nreplicas: 2\n";
        auto ours = repo->commit(QStringLiteral("main"), { { QStringLiteral("app.yaml"), ourContent } },
            QStringLiteral("promote: web 2 (frozen)"));
        QVERIFY(ours.ok());

        auto outcome = repo->push(QStringLiteral("main"));
        QVERIFY(!outcome.ok());
        QVERIFY2(messageOf(outcome.error()).contains(QLatin1String("rejected by the remote: ")),
            qPrintable(messageOf(outcome.error())));
        QCOMPARE(bareMain(remote), theirs);
        QCOMPARE(repo->resolve(QStringLiteral("main"))->id, *ours);
        QCOMPARE(readFileIn(local, QStringLiteral("app.yaml")), ourContent);
        QCOMPARE(readFileIn(local, QStringLiteral("other.yaml")), otherYaml);
        QCOMPARE(repo->isClean(UntrackedFiles::CountAsChanges).value(), true);
    }

    void fetchFromAStoppedDaemonNamesTheUrlAndChangesNothing()
    {
        QTemporaryDir base;
        GitDaemon daemon(base.path());
        QVERIFY2(daemon.start(), qPrintable(daemon.errorString()));
        runGit(base.path(),
            { QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"), QStringLiteral("-b"),
                QStringLiteral("main"), QStringLiteral("gone.git") });
        const QString url = daemon.url(QStringLiteral("gone.git"));
        const Remote seeded = makeRemote(false);
        runGit(seeded.barePath, { QStringLiteral("push"), QStringLiteral("-q"), url, QStringLiteral("main") });
        const QString local = newDirectory(QStringLiteral("local"));
        auto repo = Repository::clone(url, local, RemoteOptions {});
        QVERIFY2(repo.ok(), repo.ok() ? "" : repo.error().toString().c_str());
        const QString refsBefore = runGit(local, { QStringLiteral("show-ref") });
        daemon.stop();

        auto fetched = repo->fetch();
        QVERIFY(!fetched.ok());
        QVERIFY2(messageOf(fetched.error()).contains(url), qPrintable(messageOf(fetched.error())));
        QVERIFY(messageOf(fetched.error()).startsWith(QLatin1String("cannot fetch from origin")));
        QCOMPARE(runGit(local, { QStringLiteral("show-ref") }), refsBefore);
        // Offline, history still reads from the local clone.
        QCOMPARE(repo->log().value().size(), 1);
    }

private:
    QTemporaryDir m_base;
    std::unique_ptr<GitDaemon> m_daemon;
    int m_counter = 0;
};

QTEST_GUILESS_MAIN(TestRemote)
#include "tst_remote.moc"
