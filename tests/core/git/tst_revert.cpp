#include "git/repository.h"

#include "scratchrepository.h"

#include <QTest>

using namespace capstan::git;

namespace {

QString messageOf(const capstan::Error &error)
{
    return QString::fromStdString(error.toString());
}

} // namespace

class TestRevert : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { ScratchRepository::isolateFromUserConfig(); }

    void revertUndoesACommitWithTheConventionalMessage()
    {
        ScratchRepository scratch;
        scratch.commit(
            { { QStringLiteral("prod/image.yaml"), "image: web:1\n" }, { QStringLiteral("other.txt"), "o\n" } },
            QStringLiteral("base"));
        const QString bad = scratch.commit(
            { { QStringLiteral("prod/image.yaml"), "image: web:2\n" } }, QStringLiteral("promote: web 2 to prod"));
        scratch.commit({ { QStringLiteral("other.txt"), "o2\n" } }, QStringLiteral("unrelated"));
        auto repo = Repository::open(scratch.path());
        QVERIFY(repo.ok());

        auto id = repo->revert(bad.left(8), QStringLiteral("main"));
        QVERIFY2(id.ok(), id.ok() ? "" : id.error().toString().c_str());
        QCOMPARE(scratch.git({ QStringLiteral("rev-parse"), QStringLiteral("main") }), *id);
        QCOMPARE(scratch.git({ QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%B") }),
            QStringLiteral("revert: promote: web 2 to prod\n\nThis reverts commit %1.\n").arg(bad));
        QCOMPARE(scratch.git({ QStringLiteral("show"), QStringLiteral("main:prod/image.yaml") }),
            QStringLiteral("image: web:1"));
        QCOMPARE(scratch.git({ QStringLiteral("show"), QStringLiteral("main:other.txt") }), QStringLiteral("o2"));
        QCOMPARE(scratch.readFile(QStringLiteral("prod/image.yaml")), QByteArray("image: web:1\n"));
        QCOMPARE(scratch.git({ QStringLiteral("status"), QStringLiteral("--porcelain") }), QString());
    }

    void givenMessageIsUsed()
    {
        ScratchRepository scratch;
        scratch.commit({ { QStringLiteral("a.txt"), "1\n" } }, QStringLiteral("base"));
        const QString bad = scratch.commit({ { QStringLiteral("b.txt"), "new\n" } }, QStringLiteral("add b"));
        auto repo = Repository::open(scratch.path());
        QVERIFY(repo.ok());
        auto id = repo->revert(bad, QStringLiteral("main"), QStringLiteral("rollback: b\n\nBecause it broke."));
        QVERIFY(id.ok());
        QCOMPARE(scratch.git({ QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%s|%b") }),
            QStringLiteral("rollback: b|Because it broke.\n"));
        QVERIFY(!QFile::exists(scratch.filePath(QStringLiteral("b.txt")))); // the added file is gone from disk too
        QCOMPARE(scratch.git({ QStringLiteral("status"), QStringLiteral("--porcelain") }), QString());
    }

    void conflictLeavesEverythingAsItWas()
    {
        ScratchRepository scratch;
        scratch.commit({ { QStringLiteral("prod/image.yaml"), "image: web:1\n" }, { QStringLiteral("b.txt"), "b\n" } },
            QStringLiteral("base"));
        const QString bad = scratch.commit(
            { { QStringLiteral("prod/image.yaml"), "image: web:2\n" }, { QStringLiteral("b.txt"), "b2\n" } },
            QStringLiteral("promote: web 2"));
        scratch.commit({ { QStringLiteral("prod/image.yaml"), "image: web:3\n" } }, QStringLiteral("promote: web 3"));
        const QString tip = scratch.git({ QStringLiteral("rev-parse"), QStringLiteral("main") });
        const QString indexBefore = scratch.git({ QStringLiteral("ls-files"), QStringLiteral("-s") });
        auto repo = Repository::open(scratch.path());
        QVERIFY(repo.ok());

        auto id = repo->revert(bad, QStringLiteral("main"));
        QVERIFY(!id.ok());
        const QString message = messageOf(id.error());
        QVERIFY2(
            message.startsWith(QStringLiteral("cannot revert %1 on 'main'").arg(bad.left(7))), qPrintable(message));
        QVERIFY2(message.endsWith(QStringLiteral("conflicts in prod/image.yaml")), qPrintable(message));
        QCOMPARE(scratch.git({ QStringLiteral("rev-parse"), QStringLiteral("main") }), tip);
        QCOMPARE(scratch.git({ QStringLiteral("status"), QStringLiteral("--porcelain") }), QString());
        QCOMPARE(scratch.git({ QStringLiteral("ls-files"), QStringLiteral("-s") }), indexBefore);
        QCOMPARE(scratch.readFile(QStringLiteral("prod/image.yaml")), QByteArray("image: web:3\n"));
        QCOMPARE(scratch.readFile(QStringLiteral("b.txt")), QByteArray("b2\n"));
        QVERIFY(!QFile::exists(scratch.filePath(QStringLiteral(".git/REVERT_HEAD"))));
        QVERIFY(!QFile::exists(scratch.filePath(QStringLiteral(".git/MERGE_MSG"))));
    }

    void revertOntoABranchThatIsNotCheckedOut()
    {
        ScratchRepository scratch;
        scratch.commit({ { QStringLiteral("a.txt"), "1\n" } }, QStringLiteral("base"));
        const QString bad = scratch.commit({ { QStringLiteral("a.txt"), "2\n" } }, QStringLiteral("bump"));
        scratch.git({ QStringLiteral("branch"), QStringLiteral("release") });
        scratch.commit({ { QStringLiteral("c.txt"), "c\n" } }, QStringLiteral("more on main"));
        const QString mainTip = scratch.git({ QStringLiteral("rev-parse"), QStringLiteral("main") });
        auto repo = Repository::open(scratch.path());
        QVERIFY(repo.ok());
        auto id = repo->revert(bad, QStringLiteral("release"));
        QVERIFY(id.ok());
        QCOMPARE(scratch.git({ QStringLiteral("show"), QStringLiteral("release:a.txt") }), QStringLiteral("1"));
        QCOMPARE(scratch.git({ QStringLiteral("rev-parse"), QStringLiteral("main") }), mainTip);
        QCOMPARE(scratch.readFile(QStringLiteral("a.txt")), QByteArray("2\n"));
        QCOMPARE(scratch.git({ QStringLiteral("status"), QStringLiteral("--porcelain") }), QString());
    }

    void failures_data()
    {
        QTest::addColumn<QString>("revision");
        QTest::addColumn<QString>("branch");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown revision") << "deadbeef"
                                          << "main"
                                          << "cannot resolve 'deadbeef'";
        QTest::newRow("unknown branch") << "HEAD"
                                        << "nope"
                                        << "branch 'nope' does not exist";
    }

    void failures()
    {
        QFETCH(QString, revision);
        QFETCH(QString, branch);
        QFETCH(QString, expected);
        ScratchRepository scratch;
        scratch.commit({ { QStringLiteral("a.txt"), "1\n" } }, QStringLiteral("base"));
        const QString tip = scratch.commit({ { QStringLiteral("a.txt"), "2\n" } }, QStringLiteral("bump"));
        auto repo = Repository::open(scratch.path());
        QVERIFY(repo.ok());
        auto id = repo->revert(revision, branch);
        QVERIFY(!id.ok());
        QVERIFY2(messageOf(id.error()).contains(expected), qPrintable(messageOf(id.error())));
        QCOMPARE(scratch.git({ QStringLiteral("rev-parse"), QStringLiteral("main") }), tip);
    }
};

QTEST_GUILESS_MAIN(TestRevert)
#include "tst_revert.moc"
