#include "git/repository.h"

#include "scratchrepository.h"

#include <QDir>
#include <QProcess>
#include <QTest>

using namespace capstan::git;

class TestRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { ScratchRepository::isolateFromUserConfig(); }

    void initCreatesAnEmptyRepositoryOnTheInitialBranch()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new/repo"));
        auto repo = Repository::init(path, QStringLiteral("trunk"));
        QVERIFY2(repo.ok(), repo.ok() ? "" : repo.error().toString().c_str());
        QCOMPARE(repo->workdir(), QDir(path).absolutePath() + QLatin1Char('/'));
        QVERIFY(!repo->isBare());
        QCOMPARE(repo->headBranch().value(), QStringLiteral("trunk"));
        QVERIFY(!repo->headCommit().ok()); // nothing committed yet

        QProcess git;
        git.setWorkingDirectory(path);
        git.start(QStringLiteral("git"), { QStringLiteral("symbolic-ref"), QStringLiteral("HEAD") });
        QVERIFY(git.waitForFinished());
        QCOMPARE(git.readAllStandardOutput().trimmed(), QByteArray("refs/heads/trunk"));
    }

    void openFindsTheRepositoryFromASubdirectory()
    {
        ScratchRepository scratch;
        const QString id = scratch.commit(
            { { QStringLiteral("apps/web/kustomization.yaml"), "resources: []\n" } }, QStringLiteral("add web"));
        auto repo = Repository::open(scratch.filePath(QStringLiteral("apps/web")));
        QVERIFY2(repo.ok(), repo.ok() ? "" : repo.error().toString().c_str());
        QCOMPARE(QDir(repo->workdir()).canonicalPath(), QDir(scratch.path()).canonicalPath());
        QCOMPARE(repo->headBranch().value(), QStringLiteral("main"));
        QCOMPARE(repo->headCommit()->id, id);
        QCOMPARE(repo->headCommit()->summary, QStringLiteral("add web"));
    }

    void openFailsOutsideARepository()
    {
        QTemporaryDir dir;
        auto repo = Repository::open(dir.path());
        QVERIFY(!repo.ok());
        const QString message = QString::fromStdString(repo.error().toString());
        QVERIFY2(
            message.contains(QStringLiteral("cannot open a Git repository at ") + dir.path()), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("could not find repository")), qPrintable(message));
    }

    void cloneCopiesHistoryAndChecksOutHead()
    {
        ScratchRepository source;
        source.commit({ { QStringLiteral("a.txt"), "one\n" } }, QStringLiteral("first"));
        const QString tip = source.commit({ { QStringLiteral("a.txt"), "two\n" } }, QStringLiteral("second"));

        QTemporaryDir dir;
        const QString destination = dir.filePath(QStringLiteral("clone"));
        auto clone = Repository::clone(source.path(), destination);
        QVERIFY2(clone.ok(), clone.ok() ? "" : clone.error().toString().c_str());
        QCOMPARE(clone->headCommit()->id, tip);
        QCOMPARE(clone->headBranch().value(), QStringLiteral("main"));
        QFile file(destination + QStringLiteral("/a.txt"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("two\n"));
        QCOMPARE(clone->isClean(UntrackedFiles::CountAsChanges).value(), true);
    }

    void cloneOfAMissingSourceFails()
    {
        QTemporaryDir dir;
        auto clone = Repository::clone(dir.filePath(QStringLiteral("nowhere")), dir.filePath(QStringLiteral("c")));
        QVERIFY(!clone.ok());
        QVERIFY(QString::fromStdString(clone.error().message).startsWith(QStringLiteral("cannot clone ")));
    }

    void isClean_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<bool>("cleanIgnoringUntracked");
        QTest::addColumn<bool>("cleanCountingUntracked");
        QTest::newRow("nothing") << "none" << true << true;
        QTest::newRow("modified tracked file") << "modify" << false << false;
        QTest::newRow("staged change") << "stage" << false << false;
        QTest::newRow("deleted tracked file") << "delete" << false << false;
        QTest::newRow("untracked file") << "untracked" << true << false;
        QTest::newRow("ignored file") << "ignored" << true << true;
    }

    void isClean()
    {
        QFETCH(QString, change);
        QFETCH(bool, cleanIgnoringUntracked);
        QFETCH(bool, cleanCountingUntracked);
        ScratchRepository scratch;
        scratch.commit({ { QStringLiteral("a.txt"), "a\n" }, { QStringLiteral(".gitignore"), "*.log\n" } },
            QStringLiteral("first"));
        if (change == QLatin1String("modify")) {
            scratch.writeFile(QStringLiteral("a.txt"), "changed\n");
        } else if (change == QLatin1String("stage")) {
            scratch.writeFile(QStringLiteral("b.txt"), "b\n");
            scratch.git({ QStringLiteral("add"), QStringLiteral("b.txt") });
        } else if (change == QLatin1String("delete")) {
            scratch.removeFile(QStringLiteral("a.txt"));
        } else if (change == QLatin1String("untracked")) {
            scratch.writeFile(QStringLiteral("new/c.txt"), "c\n");
        } else if (change == QLatin1String("ignored")) {
            scratch.writeFile(QStringLiteral("debug.log"), "x\n");
        }
        auto repo = Repository::open(scratch.path());
        QVERIFY(repo.ok());
        QCOMPARE(repo->isClean(UntrackedFiles::Ignore).value(), cleanIgnoringUntracked);
        QCOMPARE(repo->isClean(UntrackedFiles::CountAsChanges).value(), cleanCountingUntracked);
    }

    void detachedHeadHasNoBranch()
    {
        ScratchRepository scratch;
        const QString first = scratch.commit({ { QStringLiteral("a.txt"), "a\n" } }, QStringLiteral("first"));
        scratch.commit({ { QStringLiteral("a.txt"), "b\n" } }, QStringLiteral("second"));
        scratch.git({ QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("--detach"), first });
        auto repo = Repository::open(scratch.path());
        QVERIFY(repo.ok());
        auto branch = repo->headBranch();
        QVERIFY(!branch.ok());
        QVERIFY(QString::fromStdString(branch.error().message).contains(QStringLiteral("detached")));
        QCOMPARE(repo->headCommit()->id, first);
    }
};

QTEST_GUILESS_MAIN(TestRepository)
#include "tst_repository.moc"
