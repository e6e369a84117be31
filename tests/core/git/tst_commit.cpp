#include "git/repository.h"

#include "scratchrepository.h"

#include <QFileInfo>
#include <QTest>
#include <QTimeZone>

using namespace capstan::git;

namespace {

QString messageOf(const capstan::Error &error)
{
    return QString::fromStdString(error.toString());
}

QString gitHead(const ScratchRepository &scratch, const QString &branch = QStringLiteral("main"))
{
    return scratch.git({ QStringLiteral("rev-parse"), branch });
}

} // namespace

class TestCommit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { ScratchRepository::isolateFromUserConfig(); }

    void commitOnCheckedOutBranchKeepsStatusClean()
    {
        ScratchRepository scratch;
        const QString base = scratch.commit(
            { { QStringLiteral("apps/web/deploy.yaml"), "image: web:1\n" },
                { QStringLiteral("apps/web/old.yaml"), "old\n" }, { QStringLiteral("README.md"), "hi\n" } },
            QStringLiteral("base"));
        auto repo = Repository::open(scratch.path());
        QVERIFY(repo.ok());
        auto id = repo->commit(QStringLiteral("main"),
            { { QStringLiteral("apps/web/deploy.yaml"), QByteArray("image: web:2\n") },
                { QStringLiteral("apps/web/old.yaml"), std::nullopt },
                { QStringLiteral("apps/api/deploy.yaml"), QByteArray("image: api:1\n") } },
            QStringLiteral("promote: web 2"));
        QVERIFY2(id.ok(), id.ok() ? "" : id.error().toString().c_str());
        QCOMPARE(id->size(), 40);
        QCOMPARE(gitHead(scratch), *id);
        QCOMPARE(scratch.git({ QStringLiteral("rev-parse"), *id + QStringLiteral("^") }), base);
        QCOMPARE(scratch.git({ QStringLiteral("show"), QStringLiteral("main:apps/web/deploy.yaml") }),
            QStringLiteral("image: web:2"));
        QCOMPARE(
            scratch.git({ QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%an <%ae>|%cn|%B") }),
            QStringLiteral("Ada Lovelace <ada@example.com>|Ada Lovelace|promote: web 2\n"));
        QCOMPARE(scratch.git({ QStringLiteral("diff-tree"), QStringLiteral("--no-commit-id"),
                     QStringLiteral("--name-status"), QStringLiteral("-r"), *id }),
            QStringLiteral("A\tapps/api/deploy.yaml\nM\tapps/web/deploy.yaml\nD\tapps/web/old.yaml"));

        // The work tree and index followed: nothing to commit, files on disk are the new ones.
        QCOMPARE(scratch.git({ QStringLiteral("status"), QStringLiteral("--porcelain") }), QString());
        QCOMPARE(scratch.readFile(QStringLiteral("apps/web/deploy.yaml")), QByteArray("image: web:2\n"));
        QCOMPARE(scratch.readFile(QStringLiteral("apps/api/deploy.yaml")), QByteArray("image: api:1\n"));
        QVERIFY(!QFileInfo::exists(scratch.filePath(QStringLiteral("apps/web/old.yaml"))));
        QCOMPARE(repo->isClean(UntrackedFiles::CountAsChanges).value(), true);
    }

    void commitOnAnotherBranchLeavesTheWorkTreeAlone()
    {
        ScratchRepository scratch;
        scratch.commit({ { QStringLiteral("a.txt"), "main\n" } }, QStringLiteral("base"));
        scratch.git({ QStringLiteral("branch"), QStringLiteral("staging") });
        auto repo = Repository::open(scratch.path());
        QVERIFY(repo.ok());
        const QString mainTip = gitHead(scratch);
        auto id = repo->commit(QStringLiteral("staging"), { { QStringLiteral("a.txt"), QByteArray("staging\n") } },
            QStringLiteral("staging change"));
        QVERIFY(id.ok());
        QCOMPARE(gitHead(scratch, QStringLiteral("staging")), *id);
        QCOMPARE(gitHead(scratch), mainTip);
        QCOMPARE(scratch.readFile(QStringLiteral("a.txt")), QByteArray("main\n"));
        QCOMPARE(scratch.git({ QStringLiteral("status"), QStringLiteral("--porcelain") }), QString());
    }

    void givenAuthorIsUsed()
    {
        ScratchRepository scratch;
        scratch.commit({ { QStringLiteral("a.txt"), "a\n" } }, QStringLiteral("base"));
        auto repo = Repository::open(scratch.path());
        QVERIFY(repo.ok());
        const QDateTime when(QDate(2026, 5, 4), QTime(12, 30), QTimeZone(-5 * 3600));
        auto id = repo->commit(QStringLiteral("main"), { { QStringLiteral("a.txt"), QByteArray("b\n") } },
            QStringLiteral("by Grace"),
            Signature { QStringLiteral("Grace Hopper"), QStringLiteral("grace@example.com"), when });
        QVERIFY(id.ok());
        auto info = repo->resolve(*id);
        QVERIFY(info.ok());
        QCOMPARE(info->author.name, QStringLiteral("Grace Hopper"));
        QCOMPARE(info->author.when, when);
        QCOMPARE(info->author.when.offsetFromUtc(), -5 * 3600);
        QCOMPARE(info->committer.name, ScratchRepository::userName()); // the configured user commits
        QCOMPARE(scratch.git({ QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%aI") }),
            QStringLiteral("2026-05-04T12:30:00-05:00"));
    }

    void withoutIdentityNothingMoves()
    {
        ScratchRepository scratch(ScratchRepository::Identity::None);
        scratch.commit({ { QStringLiteral("a.txt"), "a\n" } }, QStringLiteral("base"), QStringLiteral("Cli User"),
            QStringLiteral("cli@example.com"));
        const QString tip = gitHead(scratch);
        auto repo = Repository::open(scratch.path());
        QVERIFY(repo.ok());
        auto id = repo->commit(
            QStringLiteral("main"), { { QStringLiteral("a.txt"), QByteArray("b\n") } }, QStringLiteral("x"));
        QVERIFY(!id.ok());
        QVERIFY2(messageOf(id.error()).contains(QStringLiteral("set user.name and user.email")),
            qPrintable(messageOf(id.error())));
        QCOMPARE(gitHead(scratch), tip);
        QCOMPARE(scratch.readFile(QStringLiteral("a.txt")), QByteArray("a\n"));

        // An explicit identity is enough.
        auto given = repo->commit(QStringLiteral("main"), { { QStringLiteral("a.txt"), QByteArray("b\n") } },
            QStringLiteral("x"), Signature { QStringLiteral("Bot"), QStringLiteral("bot@example.com"), {} });
        QVERIFY2(given.ok(), given.ok() ? "" : given.error().toString().c_str());
        QCOMPARE(scratch.git({ QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%an|%cn") }),
            QStringLiteral("Bot|Bot"));
    }

    void failures_data()
    {
        QTest::addColumn<QString>("branch");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("remove");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown branch") << "nope"
                                        << "a.txt" << false << "m"
                                        << "branch 'nope' does not exist";
        QTest::newRow("invalid branch") << "bad..name"
                                        << "a.txt" << false << "m"
                                        << "not a valid branch name";
        QTest::newRow("delete a missing file") << "main"
                                               << "b.txt" << true << "m"
                                               << "cannot delete 'b.txt'";
        QTest::newRow("write over a directory") << "main"
                                                << "dir" << false << "m"
                                                << "'dir' is a directory";
        QTest::newRow("same content") << "main"
                                      << "a.txt" << false << "m"
                                      << "nothing to commit";
        QTest::newRow("no changes") << "main"
                                    << "" << false << "m"
                                    << "no file changes given";
        QTest::newRow("empty message") << "main"
                                       << "c.txt" << false << "  \n"
                                       << "the message is empty";
    }

    void failures()
    {
        QFETCH(QString, branch);
        QFETCH(QString, path);
        QFETCH(bool, remove);
        QFETCH(QString, message);
        QFETCH(QString, expected);
        ScratchRepository scratch;
        const QString tip = scratch.commit(
            { { QStringLiteral("a.txt"), "a\n" }, { QStringLiteral("dir/d.txt"), "d\n" } }, QStringLiteral("base"));
        auto repo = Repository::open(scratch.path());
        QVERIFY(repo.ok());
        const std::optional<QByteArray> content = remove ? std::nullopt : std::optional(QByteArray("a\n"));
        const QList<FileChange> changes
            = path.isEmpty() ? QList<FileChange>() : QList<FileChange> { { path, content } };
        auto id = repo->commit(branch, changes, message);
        QVERIFY(!id.ok());
        QVERIFY2(messageOf(id.error()).contains(expected), qPrintable(messageOf(id.error())));
        QCOMPARE(gitHead(scratch), tip);
        QCOMPARE(scratch.git({ QStringLiteral("status"), QStringLiteral("--porcelain") }), QString());
    }

    void localChangeInTheWayMovesNothing()
    {
        ScratchRepository scratch;
        const QString tip = scratch.commit(
            { { QStringLiteral("a.txt"), "a\n" }, { QStringLiteral("b.txt"), "b\n" } }, QStringLiteral("base"));
        scratch.writeFile(QStringLiteral("a.txt"), "edited by hand\n");
        auto repo = Repository::open(scratch.path());
        QVERIFY(repo.ok());
        auto id = repo->commit(QStringLiteral("main"),
            { { QStringLiteral("b.txt"), QByteArray("B\n") }, { QStringLiteral("a.txt"), QByteArray("A\n") } },
            QStringLiteral("x"));
        QVERIFY(!id.ok());
        QVERIFY2(messageOf(id.error()).contains(QStringLiteral("cannot update the work tree")),
            qPrintable(messageOf(id.error())));
        QCOMPARE(gitHead(scratch), tip);
        QCOMPARE(scratch.readFile(QStringLiteral("a.txt")), QByteArray("edited by hand\n"));
        QCOMPARE(scratch.readFile(QStringLiteral("b.txt")), QByteArray("b\n"));
        QCOMPARE(scratch.git({ QStringLiteral("status"), QStringLiteral("--porcelain") }), QStringLiteral(" M a.txt"));

        // A local change elsewhere is no obstacle, and stays.
        auto other = repo->commit(
            QStringLiteral("main"), { { QStringLiteral("b.txt"), QByteArray("B\n") } }, QStringLiteral("y"));
        QVERIFY2(other.ok(), other.ok() ? "" : other.error().toString().c_str());
        QCOMPARE(scratch.readFile(QStringLiteral("b.txt")), QByteArray("B\n"));
        QCOMPARE(scratch.git({ QStringLiteral("status"), QStringLiteral("--porcelain") }), QStringLiteral(" M a.txt"));
    }

    void firstCommitInANewRepository()
    {
        QTemporaryDir dir;
        auto repo = Repository::init(dir.path());
        QVERIFY(repo.ok());
        auto id = repo->commit(QStringLiteral("main"),
            { { QStringLiteral("k/kustomization.yaml"), QByteArray("resources: []\n") } }, QStringLiteral("init"),
            Signature { QStringLiteral("Ada"), QStringLiteral("ada@example.com"), {} });
        QVERIFY2(id.ok(), id.ok() ? "" : id.error().toString().c_str());
        QCOMPARE(repo->headCommit()->id, *id);
        QCOMPARE(repo->readFile(QStringLiteral("main"), QStringLiteral("k/kustomization.yaml")).value(),
            QByteArray("resources: []\n"));
        QCOMPARE(repo->isClean(UntrackedFiles::CountAsChanges).value(), true);
        QFile file(dir.filePath(QStringLiteral("k/kustomization.yaml")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("resources: []\n"));
    }

    void nestedChangesBuildTheRightTree()
    {
        ScratchRepository scratch;
        scratch.commit({ { QStringLiteral("a/b.txt"), "b\n" }, { QStringLiteral("lonely/only.txt"), "o\n" },
                           { QStringLiteral("z.txt"), "z\n" } },
            QStringLiteral("base"));
        auto repo = Repository::open(scratch.path());
        QVERIFY(repo.ok());
        auto id = repo->commit(QStringLiteral("main"),
            { { QStringLiteral("a.txt"), QByteArray("1\n") }, { QStringLiteral("a/c/d.txt"), QByteArray("2\n") },
                { QStringLiteral("a-b/x.txt"), QByteArray("3\n") }, { QStringLiteral("a/b.txt"), QByteArray("4\n") },
                { QStringLiteral("lonely/only.txt"), std::nullopt } },
            QStringLiteral("reshape"));
        QVERIFY2(id.ok(), id.ok() ? "" : id.error().toString().c_str());
        QCOMPARE(scratch.git({ QStringLiteral("ls-tree"), QStringLiteral("-r"), QStringLiteral("--name-only"),
                     QStringLiteral("main") }),
            QStringLiteral("a-b/x.txt\na.txt\na/b.txt\na/c/d.txt\nz.txt"));
        // A directory left empty disappears from the tree (Git has no empty trees) and from disk.
        QCOMPARE(
            scratch.git({ QStringLiteral("ls-tree"), QStringLiteral("main"), QStringLiteral("lonely") }), QString());
        QVERIFY(!QFileInfo::exists(scratch.filePath(QStringLiteral("lonely"))));
        int fsck = -1;
        scratch.git({ QStringLiteral("fsck"), QStringLiteral("--strict") }, &fsck);
        QCOMPARE(fsck, 0);
        QCOMPARE(scratch.git({ QStringLiteral("status"), QStringLiteral("--porcelain") }), QString());
        QCOMPARE(scratch.readFile(QStringLiteral("a/c/d.txt")), QByteArray("2\n"));
    }

    void executableBitIsKept()
    {
        ScratchRepository scratch;
        scratch.writeFile(QStringLiteral("run.sh"), "#!/bin/sh\n");
        QFile::setPermissions(scratch.filePath(QStringLiteral("run.sh")),
            QFile::permissions(scratch.filePath(QStringLiteral("run.sh"))) | QFile::ExeOwner);
        scratch.commit({}, QStringLiteral("script"));
        QVERIFY(scratch.git({ QStringLiteral("ls-tree"), QStringLiteral("main"), QStringLiteral("run.sh") })
                    .startsWith(QStringLiteral("100755")));
        auto repo = Repository::open(scratch.path());
        QVERIFY(repo.ok());
        QVERIFY(repo->commit(QStringLiteral("main"), { { QStringLiteral("run.sh"), QByteArray("#!/bin/sh\necho\n") } },
                        QStringLiteral("edit"))
                    .ok());
        QVERIFY(scratch.git({ QStringLiteral("ls-tree"), QStringLiteral("main"), QStringLiteral("run.sh") })
                    .startsWith(QStringLiteral("100755")));
        QCOMPARE(scratch.git({ QStringLiteral("status"), QStringLiteral("--porcelain") }), QString());
    }
};

QTEST_GUILESS_MAIN(TestCommit)
#include "tst_commit.moc"
