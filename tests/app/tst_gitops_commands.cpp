// capstanctl's Git-changing commands (revert, rollback, set-image, images,
// promote, mark-bad), driven in-process on the demo workspace. Slots run in
// order on one workspace: the dry runs and reads first, then the commits.

#include "ctlrun.h"
#include "git/repository.h"
#include "reconcile/engine/demo_workspace.h"
#include "reconcile/engine/workspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan;
using test::Run;

namespace {

const QDateTime kWednesday(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
const QString kWednesdayText = QStringLiteral("2026-11-25T10:00:00Z");

} // namespace

class TestGitopsCommands : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    demo::DemoRepository m_demo;

    Run capstanctl(QStringList args)
    {
        args << QStringLiteral("--repo") << m_demo.path << QStringLiteral("--now") << kWednesdayText;
        return test::capstanctl(args);
    }

    git::CommitInfo head() { return *git::Repository::open(m_demo.path)->headCommit(); }

private Q_SLOTS:
    void initTestCase()
    {
        auto demo = engine::initDemoWorkspace(m_dir.filePath(QStringLiteral("shop")), kWednesday);
        QVERIFY2(demo.ok(), demo.ok() ? "" : demo.error().toString().c_str());
        m_demo = *demo;
        // Commits take their author from the repository's configuration.
        QFile config(m_demo.path + QStringLiteral("/.git/config"));
        QVERIFY(config.open(QIODevice::Append));
        config.write("[user]\n\tname = Jonas\n\temail = jonas@acme.example\n");
    }

    void revertListsCandidates()
    {
        const Run run
            = capstanctl({ QStringLiteral("app"), QStringLiteral("revert"), QStringLiteral("order-service-prod") });
        QVERIFY2(run.code == 0, run.describe());
        QVERIFY2(run.has("release: order-service v1.2.1 to production") && run.has("suggested"), run.describe());
        QVERIFY2(run.has("already reverted") && run.has("a revert"), run.describe());
        QVERIFY(!run.has("frontend"));
    }

    void revertDryRunShowsTheDiffOnly()
    {
        const Run run = capstanctl({ QStringLiteral("app"), QStringLiteral("revert"),
            QStringLiteral("order-service-prod"), m_demo.headRevision.left(8), QStringLiteral("--dry-run") });
        QVERIFY2(run.code == 0, run.describe());
        QVERIFY2(run.has("revert: release: order-service v1.2.1 to production"), run.describe());
        QVERIFY2(run.has("+        image: registry.acme.example/shop/order-service:v1.1.0"), run.describe());
        QVERIFY(run.has("Dry run: nothing was committed."));
        QCOMPARE(head().id, m_demo.headRevision);
    }

    void promoteToProdNeedsANote()
    {
        Run run = capstanctl({ QStringLiteral("promote"), QStringLiteral("order-service"), QStringLiteral("--from"),
            QStringLiteral("staging"), QStringLiteral("--to"), QStringLiteral("prod") });
        QCOMPARE(run.code, 1);
        QVERIFY2(run.errHas("approval note"), run.describe());
        run = capstanctl({ QStringLiteral("promote"), QStringLiteral("order-service"), QStringLiteral("--from"),
            QStringLiteral("staging"), QStringLiteral("--to"), QStringLiteral("prod"), QStringLiteral("--dry-run") });
        QVERIFY2(run.code == 0, run.describe());
        QVERIFY2(run.has("release: order-service 7d9e3f4 to production"), run.describe());
        QVERIFY2(run.has("+        image: registry.acme.example/shop/order-service:7d9e3f4"), run.describe());
        QCOMPARE(head().id, m_demo.headRevision);
    }

    void rollbackOfAnAutomatedAppNeedsAPolicy()
    {
        std::int64_t id = 0;
        {
            auto ws = engine::Workspace::open({ m_demo.path, {}, {}, engine::ClockMode::Simulated });
            QVERIFY(ws.ok());
            auto history = (*ws)->history().history("order-service-dev");
            QVERIFY(history.ok() && !history->entries.empty());
            id = history->entries.front().id();
        }
        const Run run = capstanctl({ QStringLiteral("app"), QStringLiteral("rollback"),
            QStringLiteral("order-service-dev"), QString::number(id) });
        QCOMPARE(run.code, 1);
        QVERIFY2(run.errHas("--rollback-aware") && run.errHas("--suspend-auto-sync"), run.describe());
        const Run both
            = capstanctl({ QStringLiteral("app"), QStringLiteral("rollback"), QStringLiteral("order-service-dev"),
                QString::number(id), QStringLiteral("--rollback-aware"), QStringLiteral("--suspend-auto-sync") });
        QCOMPARE(both.code, 2);
    }

    void markBadFlagsCandidatesAndImages()
    {
        Run run = capstanctl({ QStringLiteral("app"), QStringLiteral("mark-bad"), QStringLiteral("order-service-prod"),
            QStringLiteral("--revision"), m_demo.headRevision, QStringLiteral("--reason"),
            QStringLiteral("v1.2.1 crashes on start") });
        QVERIFY2(run.code == 0, run.describe());
        run = capstanctl({ QStringLiteral("app"), QStringLiteral("revert"), QStringLiteral("order-service-prod") });
        QVERIFY2(run.has("BAD: v1.2.1 crashes on start"), run.describe());
        run = capstanctl({ QStringLiteral("app"), QStringLiteral("mark-bad"), QStringLiteral("order-service-prod"),
            QStringLiteral("--image"), QStringLiteral("v1.1.0"), QStringLiteral("--reason"), QStringLiteral("leaks") });
        QVERIFY2(run.code == 0, run.describe());
        run = capstanctl({ QStringLiteral("app"), QStringLiteral("images"), QStringLiteral("order-service") });
        QVERIFY2(run.code == 0, run.describe());
        QVERIFY2(
            run.has("order-service-dev") && run.has("order-service-prod") && run.has("BAD: leaks"), run.describe());
        QVERIFY2(run.has("v1.1.0"), run.describe());
        run = capstanctl({ QStringLiteral("app"), QStringLiteral("mark-bad"), QStringLiteral("order-service-prod"),
            QStringLiteral("--reason"), QStringLiteral("x") });
        QCOMPARE(run.code, 2);
    }

    void rollbackFromHistoryExplainsHowToUpdateGit()
    {
        std::int64_t id = 0;
        {
            auto ws = engine::Workspace::open({ m_demo.path, {}, {}, engine::ClockMode::Simulated });
            QVERIFY(ws.ok());
            id = (*ws)->history().history("order-service-prod")->entries.back().id();
        }
        Run run = capstanctl({ QStringLiteral("app"), QStringLiteral("rollback"), QStringLiteral("order-service-prod"),
            QString::number(id) });
        QCOMPARE(run.code, 1);
        QVERIFY2(run.errHas("approval note"), run.describe());
        run = capstanctl({ QStringLiteral("app"), QStringLiteral("rollback"), QStringLiteral("order-service-prod"),
            QString::number(id), QStringLiteral("--note"), QStringLiteral("INC-9 hold v1.1.0") });
        QVERIFY2(run.code == 0, run.describe());
        QVERIFY2(run.has("Succeeded") && run.has("OutOfSync until Git is updated"), run.describe());
        QVERIFY2(run.has("capstanctl app set-image order-service-prod order-service=v1.1.0"), run.describe());
        QVERIFY2(run.has("is marked bad (leaks"), run.describe()); // marked in the slot before
        QCOMPARE(head().id, m_demo.headRevision);
    }

    void setImageCommits()
    {
        const Run run = capstanctl({ QStringLiteral("app"), QStringLiteral("set-image"),
            QStringLiteral("order-service-prod"), QStringLiteral("order-service=v1.1.0") });
        QVERIFY2(run.code == 0, run.describe());
        QVERIFY2(run.has("Committed") && run.has("not pushed"), run.describe());
        QCOMPARE(head().summary, QStringLiteral("rollback: order-service to v1.1.0"));
        QCOMPARE(head().author.name, QStringLiteral("Jonas"));
    }

    void aDirtyWorkTreeRefusesCommits()
    {
        QFile readme(m_demo.path + QStringLiteral("/README.md"));
        QVERIFY(readme.open(QIODevice::Append));
        readme.write("local edit\n");
        readme.close();
        const QString before = head().id;
        const Run run
            = capstanctl({ QStringLiteral("app"), QStringLiteral("set-image"), QStringLiteral("order-service-prod"),
                QStringLiteral("order-service=v1.2.1"), QStringLiteral("--message"), QStringLiteral("release") });
        QCOMPARE(run.code, 1);
        QVERIFY2(run.errHas("uncommitted changes"), run.describe());
        QCOMPARE(head().id, before);
    }
};

QTEST_GUILESS_MAIN(TestGitopsCommands)
#include "tst_gitops_commands.moc"
