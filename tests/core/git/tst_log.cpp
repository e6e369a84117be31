#include "git/repository.h"

#include "scratchrepository.h"

#include <QTest>

using namespace capstan::git;

class TestLog : public QObject
{
    Q_OBJECT

private:
    ScratchRepository *m_scratch = nullptr;
    std::optional<Repository> m_repo;
    QStringList m_commits; // oldest first

    QStringList ids(const QList<CommitInfo> &commits)
    {
        QStringList result;
        for (const CommitInfo &commit : commits)
            result << commit.id;
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        ScratchRepository::isolateFromUserConfig();
        m_scratch = new ScratchRepository;
        QVERIFY(m_scratch->isValid());
        // c0 adds prod and staging; c1 touches staging only; c2..c5 touch prod; c6 deletes
        // prod's patch; c7 touches neither.
        m_commits << m_scratch->commit({ { QStringLiteral("overlays/prod/kustomization.yaml"), "v: 0\n" },
                                           { QStringLiteral("overlays/prod/patch.yaml"), "p: 0\n" },
                                           { QStringLiteral("overlays/staging/kustomization.yaml"), "v: 0\n" } },
            QStringLiteral("init"));
        m_commits << m_scratch->commit({ { QStringLiteral("overlays/staging/kustomization.yaml"), "v: 1\n" } },
            QStringLiteral("staging: bump"), QStringLiteral("Grace Hopper"), QStringLiteral("grace@example.com"));
        for (int i = 2; i <= 5; ++i)
            m_commits << m_scratch->commit(
                { { QStringLiteral("overlays/prod/kustomization.yaml"), QStringLiteral("v: %1\n").arg(i).toUtf8() } },
                QStringLiteral("prod: bump %1\n\nBody line for %1.").arg(i));
        m_commits << m_scratch->commit(
            { { QStringLiteral("overlays/prod/patch.yaml"), QByteArray() } }, QStringLiteral("prod: drop patch"));
        m_commits << m_scratch->commit({ { QStringLiteral("README.md"), "x\n" } }, QStringLiteral("docs"));
        auto repo = Repository::open(m_scratch->path());
        QVERIFY(repo.ok());
        m_repo = std::move(*repo);
    }

    void cleanupTestCase() { delete m_scratch; }

    void wholeHistoryMatchesGitRevList()
    {
        auto log = m_repo->log();
        QVERIFY(log.ok());
        QCOMPARE(
            ids(*log), m_scratch->git({ QStringLiteral("rev-list"), QStringLiteral("HEAD") }).split(QLatin1Char('\n')));
    }

    void pathFilterAndPagination_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("from");
        QTest::addColumn<int>("skip");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QList<int>>("expected"); // indexes into m_commits, newest first
        QTest::newRow("prod overlay") << "overlays/prod"
                                      << "HEAD" << 0 << -1 << QList<int> { 6, 5, 4, 3, 2, 0 };
        QTest::newRow("staging only") << "overlays/staging"
                                      << "HEAD" << 0 << -1 << QList<int> { 1, 0 };
        QTest::newRow("a file") << "overlays/prod/patch.yaml"
                                << "HEAD" << 0 << -1 << QList<int> { 6, 0 };
        QTest::newRow("first page") << "overlays/prod"
                                    << "HEAD" << 0 << 2 << QList<int> { 6, 5 };
        QTest::newRow("second page") << "overlays/prod"
                                     << "HEAD" << 2 << 2 << QList<int> { 4, 3 };
        QTest::newRow("last page") << "overlays/prod"
                                   << "HEAD" << 4 << 2 << QList<int> { 2, 0 };
        QTest::newRow("past the end") << "overlays/prod"
                                      << "HEAD" << 6 << 2 << QList<int> {};
        QTest::newRow("from an older revision") << "overlays/prod"
                                                << "HEAD~3" << 0 << 3 << QList<int> { 4, 3, 2 };
        QTest::newRow("trailing slash") << "overlays/staging/"
                                        << "HEAD" << 0 << -1 << QList<int> { 1, 0 };
        QTest::newRow("never existed") << "overlays/dev"
                                       << "HEAD" << 0 << -1 << QList<int> {};
        QTest::newRow("whole history, paged") << ""
                                              << "HEAD" << 1 << 3 << QList<int> { 6, 5, 4 };
    }

    void pathFilterAndPagination()
    {
        QFETCH(QString, path);
        QFETCH(QString, from);
        QFETCH(int, skip);
        QFETCH(int, limit);
        QFETCH(QList<int>, expected);
        auto log = m_repo->log(path, LogOptions { from, skip, limit });
        QVERIFY2(log.ok(), log.ok() ? "" : log.error().toString().c_str());
        QStringList expectedIds;
        for (int index : expected)
            expectedIds << m_commits[index];
        QCOMPARE(ids(*log), expectedIds);
    }

    void pathHistoryMatchesGitLog()
    {
        auto log = m_repo->log(QStringLiteral("overlays/prod"));
        QVERIFY(log.ok());
        const QString git = m_scratch->git({ QStringLiteral("log"), QStringLiteral("--format=%H"), QStringLiteral("--"),
            QStringLiteral("overlays/prod") });
        QCOMPARE(ids(*log), git.split(QLatin1Char('\n')));
    }

    void commitCarriesAuthorTimeAndMessage()
    {
        auto log = m_repo->log(QStringLiteral("overlays/staging"), LogOptions { QStringLiteral("HEAD"), 0, 1 });
        QVERIFY(log.ok());
        QCOMPARE(log->size(), 1);
        const CommitInfo &commit = log->first();
        QCOMPARE(commit.id, m_commits[1]);
        QVERIFY(commit.id.startsWith(commit.shortId));
        QCOMPARE(commit.author.name, QStringLiteral("Grace Hopper"));
        QCOMPARE(commit.author.email, QStringLiteral("grace@example.com"));
        QCOMPARE(commit.committer.name, ScratchRepository::userName());
        QCOMPARE(commit.committer.email, ScratchRepository::userEmail());
        // Commit 1 was made at 09:01 in UTC+02:00; the offset is kept.
        QCOMPARE(commit.author.when.offsetFromUtc(), 2 * 3600);
        QCOMPARE(commit.author.when.toString(Qt::ISODate), QStringLiteral("2026-03-01T09:01:00+02:00"));
        QCOMPARE(commit.summary, QStringLiteral("staging: bump"));

        auto withBody = m_repo->log(
            QStringLiteral("overlays/prod/kustomization.yaml"), LogOptions { QStringLiteral("HEAD"), 0, 1 });
        QVERIFY(withBody.ok());
        QCOMPARE(withBody->first().summary, QStringLiteral("prod: bump 5"));
        QCOMPARE(withBody->first().message, QStringLiteral("prod: bump 5\n\nBody line for 5.\n"));
    }

    void unknownStartRevisionFails()
    {
        auto log = m_repo->log(QString(), LogOptions { QStringLiteral("nope"), 0, -1 });
        QVERIFY(!log.ok());
        QVERIFY(QString::fromStdString(log.error().message).startsWith(QStringLiteral("cannot resolve 'nope'")));
    }
};

QTEST_GUILESS_MAIN(TestLog)
#include "tst_log.moc"
