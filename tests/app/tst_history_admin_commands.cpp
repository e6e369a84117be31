#include "ctlrun.h"
#include "reconcile/engine/demo_workspace.h"
#include "reconcile/engine/workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace capstan;
using test::Run;

namespace {

const QDateTime kWednesday(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);

} // namespace

class TestHistoryAdminCommands : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    demo::DemoRepository m_demo;

    Run ctl(QStringList args)
    {
        args << QStringLiteral("--repo") << m_demo.path << QStringLiteral("--now") << QStringLiteral("2026-11-25T10:00:00Z");
        return test::capstanctl(args);
    }

    int historyCount(const std::string &app)
    {
        auto ws = engine::Workspace::open({m_demo.path, {}, {}, engine::ClockMode::Simulated});
        auto page = (*ws)->history().history(app, {0, 0});
        return page ? page->total : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        auto demo = engine::initDemoWorkspace(m_dir.filePath(QStringLiteral("shop")), kWednesday);
        QVERIFY2(demo.ok(), demo.ok() ? "" : demo.error().toString().c_str());
        m_demo = *demo;
    }

    void retentionPrunesOnlyWhenAsked()
    {
        for (int i = 0; i < 3; ++i) {
            const Run sync = ctl({QStringLiteral("app"), QStringLiteral("sync"), QStringLiteral("frontend-dev")});
            QVERIFY2(sync.code == 0, sync.err.c_str());
        }
        QCOMPARE(historyCount("frontend-dev"), 4);
        const Run run = ctl({QStringLiteral("app"), QStringLiteral("history-retention"), QStringLiteral("frontend-dev"),
                             QStringLiteral("--keep-last"), QStringLiteral("2")});
        QVERIFY2(run.code == 0, run.err.c_str());
        QVERIFY2(run.out.find("Pruned 2 operations") != std::string::npos, run.out.c_str());
        QCOMPARE(historyCount("frontend-dev"), 2);
        QCOMPARE(historyCount("frontend-staging"), 1); // other applications keep theirs
    }

    void retentionUsageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no app") << QStringList{QStringLiteral("app"), QStringLiteral("history-retention")};
        QTest::newRow("zero") << QStringList{QStringLiteral("app"), QStringLiteral("history-retention"),
                                             QStringLiteral("frontend-dev"), QStringLiteral("--keep-last"),
                                             QStringLiteral("0")};
        QTest::newRow("app and --all") << QStringList{QStringLiteral("app"), QStringLiteral("history-retention"),
                                                      QStringLiteral("frontend-dev"), QStringLiteral("--all")};
    }

    void retentionUsageErrors()
    {
        QFETCH(QStringList, args);
        QCOMPARE(ctl(args).code, 2);
    }

    void resumeClearsAutoSyncSkips()
    {
        {
            auto ws = engine::Workspace::open({m_demo.path, {}, {}, engine::ClockMode::Simulated});
            QVERIFY(ws.ok());
            QVERIFY((*ws)->history().skipRevisionForAutoSync("order-service-dev", "abc123", "suspended: test").ok());
        }
        Run run = ctl({QStringLiteral("app"), QStringLiteral("resume-auto-sync"), QStringLiteral("order-service-dev")});
        QVERIFY2(run.code == 0, run.err.c_str());
        QVERIFY2(run.out.find("automated sync resumed (1 skip cleared)") != std::string::npos, run.out.c_str());
        run = ctl({QStringLiteral("app"), QStringLiteral("resume-auto-sync"), QStringLiteral("order-service-dev")});
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.find("was not suspended") != std::string::npos);
        QCOMPARE(ctl({QStringLiteral("app"), QStringLiteral("resume-auto-sync"), QStringLiteral("nope")}).code, 1);
    }
};

QTEST_GUILESS_MAIN(TestHistoryAdminCommands)
#include "tst_history_admin_commands.moc"
