#include "git/repository.h"

#include "scratchrepository.h"

#include <QTest>

using namespace capstan::git;

class TestBlame : public QObject
{
    Q_OBJECT

private:
    ScratchRepository *m_scratch = nullptr;
    std::optional<Repository> m_repo;
    QString m_first;
    QString m_second;

private Q_SLOTS:
    void initTestCase()
    {
        ScratchRepository::isolateFromUserConfig();
        m_scratch = new ScratchRepository;
        QVERIFY(m_scratch->isValid());
        m_first = m_scratch->commit({ { QStringLiteral("app.yaml"), "name: web\nreplicas: 1\nimage: web:1\n" } },
            QStringLiteral("add web"), QStringLiteral("Ada Lovelace"), QStringLiteral("ada@example.com"));
        m_second
            = m_scratch->commit({ { QStringLiteral("app.yaml"), "name: web\nreplicas: 3\nimage: web:1\nport: 80\n" } },
                QStringLiteral("scale web"), QStringLiteral("Grace Hopper"), QStringLiteral("grace@example.com"));
        m_scratch->commit({ { QStringLiteral("other.yaml"), "x\n" } }, QStringLiteral("unrelated"));
        auto repo = Repository::open(m_scratch->path());
        QVERIFY(repo.ok());
        m_repo = std::move(*repo);
    }

    void cleanupTestCase() { delete m_scratch; }

    void attribution_data()
    {
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("fromSecond");
        QTest::newRow("unchanged first line") << 1 << "name: web" << false;
        QTest::newRow("changed line") << 2 << "replicas: 3" << true;
        QTest::newRow("unchanged third line") << 3 << "image: web:1" << false;
        QTest::newRow("added line") << 4 << "port: 80" << true;
    }

    void attribution()
    {
        QFETCH(int, line);
        QFETCH(QString, text);
        QFETCH(bool, fromSecond);
        auto lines = m_repo->blame(QStringLiteral("HEAD"), QStringLiteral("app.yaml"));
        QVERIFY2(lines.ok(), lines.ok() ? "" : lines.error().toString().c_str());
        QCOMPARE(lines->size(), 4);
        const BlameLine &blamed = lines->at(line - 1);
        QCOMPARE(blamed.lineNumber, line);
        QCOMPARE(blamed.text, text);
        QCOMPARE(blamed.commitId, fromSecond ? m_second : m_first);
        QCOMPARE(blamed.author.name, fromSecond ? QStringLiteral("Grace Hopper") : QStringLiteral("Ada Lovelace"));
        QCOMPARE(blamed.author.when, m_repo->resolve(blamed.commitId)->author.when);

        // Same answer as git blame.
        const QString porcelain = m_scratch->git({ QStringLiteral("blame"), QStringLiteral("--root"),
            QStringLiteral("-l"), QStringLiteral("-s"), QStringLiteral("-L"), QStringLiteral("%1,%1").arg(line),
            QStringLiteral("HEAD"), QStringLiteral("--"), QStringLiteral("app.yaml") });
        QVERIFY2(porcelain.startsWith(blamed.commitId), qPrintable(porcelain));
    }

    void blameAtAnOlderRevision()
    {
        auto lines = m_repo->blame(m_first, QStringLiteral("app.yaml"));
        QVERIFY(lines.ok());
        QCOMPARE(lines->size(), 3);
        for (const BlameLine &line : *lines)
            QCOMPARE(line.commitId, m_first);
        QCOMPARE(lines->at(1).text, QStringLiteral("replicas: 1"));
    }

    void missingFileFails()
    {
        auto lines = m_repo->blame(m_first, QStringLiteral("other.yaml"));
        QVERIFY(!lines.ok());
        QVERIFY(QString::fromStdString(lines.error().message)
                    .startsWith(QStringLiteral("cannot read 'other.yaml' at '%1'").arg(m_first)));
    }
};

QTEST_GUILESS_MAIN(TestBlame)
#include "tst_blame.moc"
