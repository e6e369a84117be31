#include "git/repository.h"

#include "scratchrepository.h"

#include <QRegularExpression>
#include <QTest>

using namespace capstan::git;

Q_DECLARE_METATYPE(DiffStatus)

class TestDiff : public QObject
{
    Q_OBJECT

private:
    ScratchRepository *m_scratch = nullptr;
    std::optional<Repository> m_repo;
    QString m_from;
    QString m_to;

    static QByteArray manyLines(const char *prefix)
    {
        QByteArray text;
        for (int i = 0; i < 20; ++i)
            text += prefix + QByteArray::number(i) + '\n';
        return text;
    }

private Q_SLOTS:
    void initTestCase()
    {
        ScratchRepository::isolateFromUserConfig();
        m_scratch = new ScratchRepository;
        QVERIFY(m_scratch->isValid());
        m_from = m_scratch->commit(
            { { QStringLiteral("apps/a.yaml"), "1\n2\n3\n" }, { QStringLiteral("apps/gone.yaml"), "x\ny\n" },
                { QStringLiteral("apps/old-name.yaml"), manyLines("line ") },
                { QStringLiteral("other/c.yaml"), "c\n" } },
            QStringLiteral("first"));
        m_to = m_scratch->commit(
            { { QStringLiteral("apps/a.yaml"), "1\ntwo\n3\n4\n" }, { QStringLiteral("apps/gone.yaml"), QByteArray() },
                { QStringLiteral("apps/old-name.yaml"), QByteArray() },
                { QStringLiteral("apps/new-name.yaml"), manyLines("line ") + "extra\n" },
                { QStringLiteral("apps/added.yaml"), "new\n" }, { QStringLiteral("other/c.yaml"), "C\n" } },
            QStringLiteral("second"));
        auto repo = Repository::open(m_scratch->path());
        QVERIFY(repo.ok());
        m_repo = std::move(*repo);
    }

    void cleanupTestCase() { delete m_scratch; }

    void filesUnderPath_data()
    {
        QTest::addColumn<QString>("newPath");
        QTest::addColumn<QString>("oldPath");
        QTest::addColumn<DiffStatus>("status");
        QTest::addColumn<int>("added");
        QTest::addColumn<int>("removed");
        QTest::newRow("modified") << "apps/a.yaml"
                                  << "apps/a.yaml" << DiffStatus::Modified << 2 << 1;
        QTest::newRow("added") << "apps/added.yaml"
                               << "apps/added.yaml" << DiffStatus::Added << 1 << 0;
        QTest::newRow("deleted") << "apps/gone.yaml"
                                 << "apps/gone.yaml" << DiffStatus::Deleted << 0 << 2;
        QTest::newRow("renamed") << "apps/new-name.yaml"
                                 << "apps/old-name.yaml" << DiffStatus::Renamed << 1 << 0;
    }

    void filesUnderPath()
    {
        QFETCH(QString, newPath);
        QFETCH(QString, oldPath);
        QFETCH(DiffStatus, status);
        QFETCH(int, added);
        QFETCH(int, removed);
        auto patches = m_repo->diff(QStringLiteral("apps"), m_from, m_to);
        QVERIFY2(patches.ok(), patches.ok() ? "" : patches.error().toString().c_str());
        QCOMPARE(patches->size(), 4); // other/c.yaml is outside the path
        const auto found = std::find_if(
            patches->cbegin(), patches->cend(), [&](const FilePatch &patch) { return patch.newPath == newPath; });
        QVERIFY(found != patches->cend());
        QCOMPARE(found->oldPath, oldPath);
        QCOMPARE(found->status, status);
        QCOMPARE(found->addedLines, added);
        QCOMPARE(found->removedLines, removed);
        QVERIFY(!found->binary);
    }

    void patchTextMatchesGitDiff()
    {
        auto patches = m_repo->diff(QStringLiteral("apps/a.yaml"), m_from, m_to);
        QVERIFY(patches.ok());
        QCOMPARE(patches->size(), 1);
        const QString git = m_scratch->git(
            { QStringLiteral("diff"), m_from, m_to, QStringLiteral("--"), QStringLiteral("apps/a.yaml") });
        QCOMPARE(patches->first().patch, git + QLatin1Char('\n'));
        QVERIFY(patches->first().patch.contains(QStringLiteral("-2\n+two\n")));
    }

    void renameIsShownWithBothPaths()
    {
        auto patches = m_repo->diff(QString(), m_from, m_to);
        QVERIFY(patches.ok());
        QCOMPARE(patches->size(), 5);
        const auto renamed = std::find_if(patches->cbegin(), patches->cend(),
            [](const FilePatch &patch) { return patch.status == DiffStatus::Renamed; });
        QVERIFY(renamed != patches->cend());
        QVERIFY(
            renamed->patch.contains(QStringLiteral("rename from apps/old-name.yaml\nrename to apps/new-name.yaml")));
        const QString status = m_scratch->git(
            { QStringLiteral("diff"), QStringLiteral("--name-status"), QStringLiteral("-M"), m_from, m_to });
        QVERIFY(status.contains(QRegularExpression(QStringLiteral("R\\d+\tapps/old-name.yaml\tapps/new-name.yaml"))));
    }

    void reversedRangeSwapsAddAndDelete()
    {
        auto patches = m_repo->diff(QStringLiteral("apps/added.yaml"), m_to, m_from);
        QVERIFY(patches.ok());
        QCOMPARE(patches->size(), 1);
        QCOMPARE(patches->first().status, DiffStatus::Deleted);
        QCOMPARE(patches->first().removedLines, 1);
    }

    void unchangedPathHasNoPatches()
    {
        auto patches = m_repo->diff(QStringLiteral("apps"), m_to, m_to);
        QVERIFY(patches.ok());
        QVERIFY(patches->isEmpty());
    }

    void unknownRevisionFails()
    {
        auto patches = m_repo->diff(QString(), QStringLiteral("nope"), m_to);
        QVERIFY(!patches.ok());
        QVERIFY(QString::fromStdString(patches.error().message).startsWith(QStringLiteral("cannot resolve 'nope'")));
    }
};

QTEST_GUILESS_MAIN(TestDiff)
#include "tst_diff.moc"
