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

class TestRevision : public QObject
{
    Q_OBJECT

private:
    ScratchRepository *m_scratch = nullptr;
    std::optional<Repository> m_repo;
    QStringList m_commits; // oldest first

private Q_SLOTS:
    void initTestCase()
    {
        ScratchRepository::isolateFromUserConfig();
        m_scratch = new ScratchRepository;
        QVERIFY(m_scratch->isValid());
        m_commits << m_scratch->commit(
            { { QStringLiteral("base/deployment.yaml"), "replicas: 1\n" },
                { QStringLiteral("base/kustomization.yaml"), "resources:\n- deployment.yaml\n" },
                { QStringLiteral("README.md"), "# demo\n" } },
            QStringLiteral("add base"));
        m_commits << m_scratch->commit(
            { { QStringLiteral("overlays/prod/kustomization.yaml"), "resources:\n- ../../base\n" } },
            QStringLiteral("add prod overlay"));
        m_scratch->git({ QStringLiteral("tag"), QStringLiteral("-a"), QStringLiteral("v1"), QStringLiteral("-m"),
            QStringLiteral("release 1") });
        m_commits << m_scratch->commit({ { QStringLiteral("README.md"), "# demo app\n" } }, QStringLiteral("docs"));
        auto repo = Repository::open(m_scratch->path());
        QVERIFY(repo.ok());
        m_repo = std::move(*repo);
    }

    void cleanupTestCase() { delete m_scratch; }

    void resolve_data()
    {
        QTest::addColumn<QString>("revision");
        QTest::addColumn<int>("commit");
        QTest::addColumn<QString>("summary");
        QTest::newRow("branch") << "main" << 2 << "docs";
        QTest::newRow("HEAD") << "HEAD" << 2 << "docs";
        QTest::newRow("HEAD~2") << "HEAD~2" << 0 << "add base";
        QTest::newRow("annotated tag peels to its commit") << "v1" << 1 << "add prod overlay";
        QTest::newRow("full id") << "#1" << 1 << "add prod overlay";
        QTest::newRow("short id") << "#0:7" << 0 << "add base";
    }

    void resolve()
    {
        QFETCH(QString, revision);
        QFETCH(int, commit);
        QFETCH(QString, summary);
        if (revision.startsWith(QLatin1Char('#'))) {
            const QStringList parts = revision.mid(1).split(QLatin1Char(':'));
            revision = m_commits[parts[0].toInt()];
            if (parts.size() > 1)
                revision = revision.left(parts[1].toInt());
        }
        auto resolved = m_repo->resolve(revision);
        QVERIFY2(resolved.ok(), resolved.ok() ? "" : resolved.error().toString().c_str());
        QCOMPARE(resolved->id, m_commits[commit]);
        QCOMPARE(resolved->id, m_scratch->git({ QStringLiteral("rev-parse"), revision + QStringLiteral("^{commit}") }));
        QCOMPARE(resolved->summary, summary);
        QVERIFY(resolved->id.startsWith(resolved->shortId));
        QVERIFY(resolved->shortId.size() >= 7);
    }

    void unknownRevisionNamesItAndTheRepository()
    {
        auto resolved = m_repo->resolve(QStringLiteral("abc1234"));
        QVERIFY(!resolved.ok());
        const QString message = messageOf(resolved.error());
        QVERIFY2(message.startsWith(QStringLiteral("cannot resolve 'abc1234' in ") + m_scratch->path()),
            qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("not found")), qPrintable(message)); // libgit2's own words
        QVERIFY(!m_repo->readFile(QStringLiteral("no-such-branch"), QStringLiteral("README.md")).ok());
    }

    void readFileAtRevision_data()
    {
        QTest::addColumn<QString>("revision");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("old version") << "HEAD~1"
                                     << "README.md" << QByteArray("# demo\n");
        QTest::newRow("new version") << "main"
                                     << "README.md" << QByteArray("# demo app\n");
        QTest::newRow("nested") << "v1"
                                << "overlays/prod/kustomization.yaml" << QByteArray("resources:\n- ../../base\n");
        QTest::newRow("leading ./") << "main"
                                    << "./base/deployment.yaml" << QByteArray("replicas: 1\n");
    }

    void readFileAtRevision()
    {
        QFETCH(QString, revision);
        QFETCH(QString, path);
        QFETCH(QByteArray, content);
        auto data = m_repo->readFile(revision, path);
        QVERIFY2(data.ok(), data.ok() ? "" : data.error().toString().c_str());
        QCOMPARE(*data, content);
    }

    void readFileFailures_data()
    {
        QTest::addColumn<QString>("revision");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing file") << "HEAD~2"
                                      << "overlays/prod/kustomization.yaml"
                                      << "cannot read 'overlays/prod/kustomization.yaml' at 'HEAD~2' (";
        QTest::newRow("directory") << "main"
                                   << "base"
                                   << "cannot read 'base' at 'main' (";
        QTest::newRow("root") << "main"
                              << ""
                              << "cannot read '' at 'main' (";
    }

    void readFileFailures()
    {
        QFETCH(QString, revision);
        QFETCH(QString, path);
        QFETCH(QString, expected);
        auto data = m_repo->readFile(revision, path);
        QVERIFY(!data.ok());
        QVERIFY2(messageOf(data.error()).startsWith(expected), qPrintable(messageOf(data.error())));
    }

    void listTreeMatchesGitLsTree_data()
    {
        QTest::addColumn<QString>("revision");
        QTest::addColumn<QString>("directory");
        QTest::newRow("root") << "main"
                              << "";
        QTest::newRow("subdirectory") << "main"
                                      << "base";
        QTest::newRow("root before overlays") << "HEAD~2"
                                              << "";
    }

    void listTreeMatchesGitLsTree()
    {
        QFETCH(QString, revision);
        QFETCH(QString, directory);
        auto entries = m_repo->listTree(revision, directory);
        QVERIFY2(entries.ok(), entries.ok() ? "" : entries.error().toString().c_str());
        QStringList ours;
        for (const TreeEntry &entry : *entries)
            ours << QStringLiteral("%1 %2 %3")
                        .arg(entry.kind == EntryKind::Tree ? QStringLiteral("tree") : QStringLiteral("blob"), entry.id,
                            entry.name);
        const QString treeish = directory.isEmpty() ? revision : revision + QLatin1Char(':') + directory;
        const QString expected = m_scratch->git(
            { QStringLiteral("ls-tree"), QStringLiteral("--format=%(objecttype) %(objectname) %(path)"), treeish });
        QCOMPARE(ours.join(QLatin1Char('\n')), expected);
    }

    void listingAFileFails()
    {
        auto entries = m_repo->listTree(QStringLiteral("main"), QStringLiteral("README.md"));
        QVERIFY(!entries.ok());
        QVERIFY(messageOf(entries.error()).contains(QStringLiteral("not a directory")));
    }

    void treeIdMatchesGitAndIsStableWhenUntouched()
    {
        for (const QString &revision : { QStringLiteral("HEAD~2"), QStringLiteral("HEAD~1"), QStringLiteral("main") }) {
            auto id = m_repo->treeId(revision, QStringLiteral("base"));
            QVERIFY(id.ok());
            QCOMPARE(*id, m_scratch->git({ QStringLiteral("rev-parse"), revision + QStringLiteral(":base") }));
        }
        // base/ did not change after the first commit: same id, the render cache key holds.
        QCOMPARE(m_repo->treeId(QStringLiteral("HEAD~2"), QStringLiteral("base")).value(),
            m_repo->treeId(QStringLiteral("main"), QStringLiteral("base")).value());
        QVERIFY(m_repo->treeId(QStringLiteral("HEAD~1"), QStringLiteral("README.md")).value()
            != m_repo->treeId(QStringLiteral("main"), QStringLiteral("README.md")).value());
        QCOMPARE(m_repo->treeId(QStringLiteral("main"), QString()).value(),
            m_scratch->git({ QStringLiteral("rev-parse"), QStringLiteral("main^{tree}") }));
        auto missing = m_repo->treeId(QStringLiteral("HEAD~2"), QStringLiteral("overlays"));
        QVERIFY(!missing.ok());
        QVERIFY(messageOf(missing.error()).startsWith(QStringLiteral("'overlays' does not exist at 'HEAD~2'")));
    }

    void snapshotReadsManyPathsOfOneRevision()
    {
        auto snapshot = m_repo->snapshot(QStringLiteral("v1"));
        QVERIFY(snapshot.ok());
        QCOMPARE(snapshot->commit().id, m_commits[1]);
        QCOMPARE(snapshot->revision(), QStringLiteral("v1"));
        QCOMPARE(snapshot->readFile(QStringLiteral("README.md")).value(), QByteArray("# demo\n"));
        QCOMPARE(snapshot->readFile(QStringLiteral("base/deployment.yaml")).value(), QByteArray("replicas: 1\n"));
        QCOMPARE(snapshot->kindOf(QStringLiteral("overlays/prod")), std::optional(EntryKind::Tree));
        QCOMPARE(snapshot->kindOf(QStringLiteral("base/deployment.yaml")), std::optional(EntryKind::Blob));
        QCOMPARE(snapshot->kindOf(QStringLiteral("base/missing.yaml")), std::nullopt);
        QCOMPARE(snapshot->list(QStringLiteral("overlays")).value().size(), 1);

        // The snapshot stays usable after the repository object that made it is gone.
        std::optional<Snapshot> kept;
        {
            auto repo = Repository::open(m_scratch->path());
            QVERIFY(repo.ok());
            kept = repo->snapshot(QStringLiteral("main")).value();
        }
        QCOMPARE(kept->readFile(QStringLiteral("README.md")).value(), QByteArray("# demo app\n"));
    }
};

QTEST_GUILESS_MAIN(TestRevision)
#include "tst_revision.moc"
