// capstanctl's application commands, driven in-process on the demo workspace.
// Slots run in order on one workspace: list, get and diff read the demo as
// created; the sync slots then change it.

#include "ctlrun.h"
#include "git/repository.h"
#include "reconcile/engine/demo_workspace.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan;
using test::capstanctl;
using test::lines;
using test::parseJson;
using test::Run;

namespace {

// A Wednesday morning: the prod deny window (Fri 16:00 – Mon 06:00 Berlin) is closed.
const QDateTime kWednesday(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
const QString kWednesdayText = QStringLiteral("2026-11-25T10:00:00Z");
const QString kFridayEveningText = QStringLiteral("2026-11-27T17:00:00Z");

// The line of a table that starts with `first` in its first column.
QString row(const std::string &table, const QString &first)
{
    for (const QString &line : lines(table))
        if (line.section(QLatin1Char(' '), 0, 0) == first)
            return line;
    return {};
}

} // namespace

class TestAppCommands : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    demo::DemoRepository m_demo;

    // The command with the workspace options of the demo at a fixed time.
    Run ctl(QStringList args, const QString &now = kWednesdayText)
    {
        args << QStringLiteral("--repo") << m_demo.path << QStringLiteral("--now") << now;
        return capstanctl(args);
    }

    qint64 newestHistoryId(const QString &app)
    {
        const Run run = ctl(
            { QStringLiteral("app"), QStringLiteral("history"), app, QStringLiteral("-o"), QStringLiteral("json") });
        const QJsonArray entries = parseJson(run.out).array();
        return entries.isEmpty() ? 0 : entries.first().toObject().value(QStringLiteral("id")).toInteger();
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto demo = engine::initDemoWorkspace(m_dir.filePath(QStringLiteral("shop")), kWednesday);
        QVERIFY2(demo.ok(), demo.ok() ? "" : demo.error().toString().c_str());
        m_demo = *demo;
        // A user's own ~/.config/capstan/capstanctl.yaml must not change what the tests see.
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    }

    void listShowsEveryApplication()
    {
        const Run run = ctl({ QStringLiteral("app"), QStringLiteral("list") });
        QVERIFY2(run.code == 0, run.describe());
        const QStringList table = lines(run.out);
        QCOMPARE(table.first().simplified(), QStringLiteral("NAME PROJECT SYNC HEALTH SYNCPOLICY"));
        QCOMPARE(table.size(), 1 + 16);
        QVERIFY2(
            row(run.out, QStringLiteral("order-service-prod")).contains(QStringLiteral("OutOfSync")), run.out.c_str());
        QVERIFY(row(run.out, QStringLiteral("order-service-prod")).contains(QStringLiteral("Manual")));
        QVERIFY(row(run.out, QStringLiteral("frontend-dev")).contains(QStringLiteral("Synced")));
        QVERIFY(row(run.out, QStringLiteral("frontend-dev")).contains(QStringLiteral("Automated (Prune, SelfHeal)")));

        const Run wide
            = ctl({ QStringLiteral("app"), QStringLiteral("list"), QStringLiteral("-o"), QStringLiteral("wide") });
        QCOMPARE(wide.code, 0);
        QVERIFY(row(wide.out, QStringLiteral("order-service-prod")).contains(QStringLiteral("shop-prod")));
        QVERIFY(row(wide.out, QStringLiteral("order-service-prod")).contains(m_demo.prodRevision.left(7))
            || row(wide.out, QStringLiteral("order-service-prod")).contains(m_demo.headRevision.left(7)));
    }

    void listAsJsonAndYaml()
    {
        const Run json
            = ctl({ QStringLiteral("app"), QStringLiteral("list"), QStringLiteral("-o"), QStringLiteral("json") });
        QCOMPARE(json.code, 0);
        const QJsonArray apps = parseJson(json.out).array();
        QCOMPARE(apps.size(), 16);
        bool found = false;
        for (const QJsonValue &app : apps) {
            const QJsonObject o = app.toObject();
            if (o.value(QStringLiteral("name")).toString() != QLatin1String("order-service-prod"))
                continue;
            found = true;
            QCOMPARE(o.value(QStringLiteral("sync")).toString(), QStringLiteral("OutOfSync"));
            QCOMPARE(o.value(QStringLiteral("approval")).toObject().value(QStringLiteral("required")).toBool(), true);
            QCOMPARE(o.value(QStringLiteral("destination")).toObject().value(QStringLiteral("namespace")).toString(),
                QStringLiteral("shop-prod"));
        }
        QVERIFY(found);
        const Run yaml
            = ctl({ QStringLiteral("app"), QStringLiteral("list"), QStringLiteral("-o"), QStringLiteral("yaml") });
        QCOMPARE(yaml.code, 0);
        QVERIFY2(yaml.out.rfind("- ", 0) == 0, yaml.out.substr(0, 200).c_str());
        QVERIFY(yaml.has("name: order-service-prod"));
    }

    void getShowsStatusAndResources()
    {
        const Run run = ctl({ QStringLiteral("app"), QStringLiteral("get"), QStringLiteral("order-service-prod") });
        QVERIFY2(run.code == 0, run.describe());
        QVERIFY2(run.has("Project:") && run.has("platform"), run.out.c_str());
        QVERIFY(run.has("Sync Status:        OutOfSync"));
        QVERIFY(run.has("Sync Policy:        Manual"));
        QVERIFY(run.has("Approval:           an approval note"));
        QVERIFY(run.has("GROUP"));
        const QString deployment = row(run.out, QStringLiteral("apps"));
        QVERIFY2(deployment.contains(QStringLiteral("Deployment")) && deployment.contains(QStringLiteral("OutOfSync")),
            run.out.c_str());

        const Run missing = ctl({ QStringLiteral("app"), QStringLiteral("get"), QStringLiteral("no-such-app") });
        QCOMPARE(missing.code, 1);
        QVERIFY(missing.errHas("no-such-app"));
    }

    void workspaceFromTheCurrentFolderAndConfigFiles()
    {
        const QString previous = QDir::currentPath();
        QVERIFY(QDir::setCurrent(m_demo.path + QStringLiteral("/k8s")));
        auto list = [] {
            return capstanctl(
                { QStringLiteral("app"), QStringLiteral("list"), QStringLiteral("--now"), kWednesdayText });
        };
        const Run here = list();
        QVERIFY2(here.code == 0, here.describe());
        QVERIFY(row(here.out, QStringLiteral("frontend-dev")).contains(QStringLiteral("Synced")));

        // .capstan.yaml at the root moves the data: an empty sandbox, nothing deployed yet.
        QFile local(m_demo.path + QStringLiteral("/.capstan.yaml"));
        QVERIFY(local.open(QIODevice::WriteOnly));
        local.write("data: ../elsewhere\n");
        local.close();
        const Run moved = list();
        QVERIFY2(moved.code == 0, moved.describe());
        QVERIFY2(
            row(moved.out, QStringLiteral("frontend-dev")).contains(QStringLiteral("OutOfSync")), moved.out.c_str());
        QVERIFY(QFileInfo::exists(m_dir.filePath(QStringLiteral("elsewhere"))));
        // Flags win over the file.
        const QString gitData = git::Repository::open(m_demo.path)->gitDir() + QStringLiteral("/capstan");
        const Run flagged = capstanctl({ QStringLiteral("app"), QStringLiteral("list"), QStringLiteral("--data"),
            gitData, QStringLiteral("--now"), kWednesdayText });
        QVERIFY(row(flagged.out, QStringLiteral("frontend-dev")).contains(QStringLiteral("Synced")));

        QVERIFY(local.open(QIODevice::WriteOnly | QIODevice::Truncate));
        local.write("repo: .\ncluster: prod\n");
        local.close();
        const Run bad = list();
        QCOMPARE(bad.code, 1);
        QVERIFY2(bad.errHas(".capstan.yaml:2:1") && bad.errHas("cluster"), bad.err.c_str());

        QVERIFY(local.remove());
        QVERIFY(QDir::setCurrent(previous));
    }

    void diffExitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("shows");
        const QString os = QStringLiteral("order-service-prod");
        QTest::newRow("synced app") << QStringList { QStringLiteral("frontend-prod") } << 0 << QString();
        QTest::newRow("prod behind Git") << QStringList { os } << 1 << QStringLiteral("+        image: ");
        QTest::newRow("against the revision prod runs")
            << QStringList { os, QStringLiteral("--revision"), QStringLiteral("@prod") } << 0 << QString();
        QTest::newRow("against its history entry")
            << QStringList { os, QStringLiteral("--history"), QStringLiteral("@entry") } << 0 << QString();
        QTest::newRow("two revisions") << QStringList { os, QStringLiteral("--from"), QStringLiteral("git:@prod"),
            QStringLiteral("--to"), QStringLiteral("git:HEAD") }
                                       << 1 << QStringLiteral("===== apps/Deployment shop-prod/order-service");
        QTest::newRow("history to live") << QStringList { os, QStringLiteral("--from"),
            QStringLiteral("history:@entry"), QStringLiteral("--to"), QStringLiteral("live") }
                                         << 0 << QString();
        QTest::newRow("history to Git") << QStringList {
            os, QStringLiteral("--from"), QStringLiteral("history:@entry")
        } << 1 << QStringLiteral("-        image: registry.acme.example/shop/order-service:");
        QTest::newRow("unknown revision")
            << QStringList { os, QStringLiteral("--revision"), QStringLiteral("nope123") } << 2 << QString();
    }

    void diffExitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, shows);
        const QString entry = QString::number(newestHistoryId(QStringLiteral("order-service-prod")));
        args.replaceInStrings(QStringLiteral("@prod"), m_demo.prodRevision);
        args.replaceInStrings(QStringLiteral("@entry"), entry);
        args.prepend(QStringLiteral("diff"));
        args.prepend(QStringLiteral("app"));
        const Run run = ctl(args);
        QVERIFY2(run.code == code, run.describe());
        if (!shows.isEmpty())
            QVERIFY2(run.has(shows.toUtf8().constData()), run.out.c_str());
        if (code == 0)
            QVERIFY(run.out.empty());
        if (code == 2)
            QVERIFY2(run.errHas("nope123"), run.err.c_str());
    }

    void diffMasksSecretsAndConditionsNameTheirFile()
    {
        // A Secret in dev, and an Application whose overlay does not exist.
        auto repo = git::Repository::open(m_demo.path);
        QVERIFY(repo.ok());
        const QString overlay = QStringLiteral("k8s/overlays/dev/frontend/kustomization.yaml");
        QByteArray kustomization = *repo->readFile(QStringLiteral("HEAD"), overlay);
        kustomization.replace("- ../../../base/frontend\n", "- ../../../base/frontend\n- secret.yaml\n");
        const QByteArray secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: payment-keys\n"
                                  "data:\n  apiKey: c3VwZXJzZWNyZXQ=\n";
        // The first Application of frontend.yaml is frontend-dev.
        QByteArray broken
            = *repo->readFile(QStringLiteral("HEAD"), QStringLiteral("argocd/applications/frontend.yaml"));
        broken = broken.left(broken.indexOf("---\n"));
        QVERIFY(broken.contains("name: frontend-dev"));
        broken.replace("name: frontend-dev", "name: ghost-dev");
        broken.replace("path: k8s/overlays/dev/frontend", "path: k8s/overlays/dev/ghost");
        QVERIFY(repo->commit(QStringLiteral("main"),
                        { git::FileChange { overlay, kustomization },
                            git::FileChange { QStringLiteral("k8s/overlays/dev/frontend/secret.yaml"), secret },
                            git::FileChange { QStringLiteral("argocd/applications/ghost-dev.yaml"), broken } },
                        QStringLiteral("dev: payment keys for the frontend; a ghost app"))
                    .ok());

        const Run diff = ctl({ QStringLiteral("app"), QStringLiteral("diff"), QStringLiteral("frontend-dev") });
        QVERIFY2(diff.code == 1, diff.describe());
        QVERIFY2(diff.has("===== Secret shop-dev/payment-keys"), diff.out.c_str());
        QVERIFY(diff.has("apiKey: ++++++++"));
        QVERIFY(!diff.has("c3VwZXJzZWNyZXQ="));
        const Run between = ctl(
            { QStringLiteral("app"), QStringLiteral("diff"), QStringLiteral("frontend-dev"), QStringLiteral("--from"),
                QStringLiteral("git:HEAD~1"), QStringLiteral("--to"), QStringLiteral("git:HEAD") });
        QCOMPARE(between.code, 1);
        QVERIFY(between.has("apiKey: ++++++++"));
        QVERIFY(!between.has("c3VwZXJzZWNyZXQ="));

        const Run get = ctl({ QStringLiteral("app"), QStringLiteral("get"), QStringLiteral("ghost-dev") });
        QVERIFY2(get.code == 0, get.describe());
        QVERIFY2(get.has("CONDITION") && get.has("k8s/overlays/dev/ghost"), get.out.c_str());
        QVERIFY2(get.has("argocd/applications/ghost-dev.yaml:"), get.out.c_str()); // file:line
        // Nothing else is affected.
        const Run list = ctl({ QStringLiteral("app"), QStringLiteral("list") });
        QVERIFY(row(list.out, QStringLiteral("frontend-prod")).contains(QStringLiteral("Synced")));

        // Once synced, the history entry (which keeps Secret values masked) matches the cluster.
        const Run sync = ctl({ QStringLiteral("app"), QStringLiteral("sync"), QStringLiteral("frontend-dev") });
        QVERIFY2(sync.code == 0, sync.describe());
        const QString entry = QString::number(newestHistoryId(QStringLiteral("frontend-dev")));
        const Run recorded = ctl({ QStringLiteral("app"), QStringLiteral("diff"), QStringLiteral("frontend-dev"),
            QStringLiteral("--history"), entry });
        QVERIFY2(recorded.code == 0, recorded.describe());
        QVERIFY2(recorded.errHas("not compared"), recorded.err.c_str());

        // Put Git back as it was for the slots that follow.
        QVERIFY(repo->revert(QStringLiteral("HEAD"), QStringLiteral("main")).ok());
    }

    void prodSyncIsGated()
    {
        const QString app = QStringLiteral("order-service-prod");
        const Run noNote = ctl({ QStringLiteral("app"), QStringLiteral("sync"), app });
        QCOMPARE(noNote.code, 1);
        QVERIFY2(noNote.errHas("approval note"), noNote.err.c_str());
        QCOMPARE(std::count(noNote.err.begin(), noNote.err.end(), '\n'), 1L);

        const Run friday = ctl({ QStringLiteral("app"), QStringLiteral("sync"), app, QStringLiteral("--note"),
                                   QStringLiteral("CHG-1042"), QStringLiteral("--approver"), QStringLiteral("ravi") },
            kFridayEveningText);
        QCOMPARE(friday.code, 1);
        QVERIFY2(friday.errHas("sync window"), friday.err.c_str());

        const Run timeout = ctl({ QStringLiteral("app"), QStringLiteral("wait"), app, QStringLiteral("--sync"),
            QStringLiteral("--timeout"), QStringLiteral("0") });
        QCOMPARE(timeout.code, 1);
        QVERIFY2(timeout.errHas("timed out") && timeout.errHas("OutOfSync"), timeout.err.c_str());
    }

    void dryRunChangesNothing()
    {
        const QString app = QStringLiteral("order-service-prod");
        const Run dry = ctl({ QStringLiteral("app"), QStringLiteral("sync"), app, QStringLiteral("--dry-run") });
        QVERIFY2(dry.code == 0, dry.describe());
        QVERIFY(dry.has("Dry run"));
        QVERIFY(dry.has("Succeeded"));
        const Run get = ctl({ QStringLiteral("app"), QStringLiteral("get"), app });
        QVERIFY(get.has("Sync Status:        OutOfSync"));
        const Run history = ctl({ QStringLiteral("app"), QStringLiteral("history"), app });
        QCOMPARE(lines(history.out).size(), 1 + 1);
    }

    void approvedSyncIsRecordedInHistory()
    {
        const QString app = QStringLiteral("order-service-prod");
        const Run sync = ctl({ QStringLiteral("app"), QStringLiteral("sync"), app, QStringLiteral("--note"),
            QStringLiteral("CHG-1042 approved in the change review"), QStringLiteral("--approver"),
            QStringLiteral("ravi") });
        QVERIFY2(sync.code == 0, sync.describe());
        QVERIFY(sync.has("Phase:              Succeeded"));
        QVERIFY2(row(sync.out, QStringLiteral("apps")).contains(QStringLiteral("Synced")), sync.out.c_str());

        const Run wait = ctl({ QStringLiteral("app"), QStringLiteral("wait"), app, QStringLiteral("--health"),
            QStringLiteral("--timeout"), QStringLiteral("600") });
        QVERIFY2(wait.code == 0, wait.describe());
        QVERIFY(wait.has("health Healthy"));
        const Run both = ctl(
            { QStringLiteral("app"), QStringLiteral("wait"), app, QStringLiteral("--timeout"), QStringLiteral("0") });
        QVERIFY2(both.code == 0, both.describe());

        const Run history = ctl(
            { QStringLiteral("app"), QStringLiteral("history"), app, QStringLiteral("-o"), QStringLiteral("wide") });
        QCOMPARE(history.code, 0);
        QCOMPARE(lines(history.out).size(), 1 + 2);
        QVERIFY2(lines(history.out).at(1).contains(QStringLiteral("CHG-1042 approved")), history.out.c_str());
        const QString head = git::Repository::open(m_demo.path)->headCommit()->id;
        QVERIFY2(lines(history.out).at(1).contains(head.left(7)), history.out.c_str());
        const Run json = ctl(
            { QStringLiteral("app"), QStringLiteral("history"), app, QStringLiteral("-o"), QStringLiteral("json") });
        const QJsonArray entries = parseJson(json.out).array();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.first().toObject().value(QStringLiteral("approvalNote")).toString(),
            QStringLiteral("CHG-1042 approved in the change review"));
        QCOMPARE(entries.first().toObject().value(QStringLiteral("result")).toString(), QStringLiteral("Succeeded"));

        const Run diff = ctl({ QStringLiteral("app"), QStringLiteral("diff"), app });
        QCOMPARE(diff.code, 0);
    }

    void terminateOpEndsAnUnfinishedOperation()
    {
        const QString app = QStringLiteral("frontend-staging");
        const Run none = ctl({ QStringLiteral("app"), QStringLiteral("terminate-op"), app });
        QCOMPARE(none.code, 1);
        QVERIFY2(none.errHas("no operation"), none.err.c_str());

        const Run started = ctl({ QStringLiteral("app"), QStringLiteral("sync"), app, QStringLiteral("--async") });
        QVERIFY2(started.code == 0, started.describe());
        const Run blocked = ctl({ QStringLiteral("app"), QStringLiteral("sync"), app });
        QCOMPARE(blocked.code, 1);
        QVERIFY2(blocked.errHas("still running"), blocked.err.c_str());

        const Run ended = ctl({ QStringLiteral("app"), QStringLiteral("terminate-op"), app });
        QVERIFY2(ended.code == 0, ended.describe());
        QVERIFY(ended.has("Interrupted"));
        QCOMPARE(ctl({ QStringLiteral("app"), QStringLiteral("terminate-op"), app }).code, 1);
        const Run again = ctl({ QStringLiteral("app"), QStringLiteral("sync"), app, QStringLiteral("--resource"),
            QStringLiteral("apps:Deployment:frontend") });
        QVERIFY2(again.code == 0, again.describe());
        // Only the resource asked for: the header and one row after the summary.
        const QString results = QString::fromStdString(again.out).section(QStringLiteral("\n\n"), 1);
        QCOMPARE(lines(results.toStdString()).size(), 1 + 1);
        QVERIFY(row(results.toStdString(), QStringLiteral("apps")).contains(QStringLiteral("frontend")));
    }

    void projWindowsListsTheDenyWindow()
    {
        const Run run = ctl({ QStringLiteral("proj"), QStringLiteral("windows"), QStringLiteral("platform") });
        QVERIFY2(run.code == 0, run.describe());
        const QString window = row(run.out, QStringLiteral("0"));
        for (const char *part : { "Inactive", "deny", "0 16 * * 5", "62h", "Europe/Berlin", "*-prod" })
            QVERIFY2(window.contains(QLatin1String(part)), qPrintable(window));
        QVERIFY(row(run.out, QStringLiteral("order-service-prod")).contains(QStringLiteral("allowed until")));
        QVERIFY(row(run.out, QStringLiteral("order-service-dev")).contains(QStringLiteral("allowed")));

        const Run friday = ctl({ QStringLiteral("proj"), QStringLiteral("windows"), QStringLiteral("platform"),
                                   QStringLiteral("-o"), QStringLiteral("json") },
            kFridayEveningText);
        QCOMPARE(friday.code, 0);
        const QJsonObject json = parseJson(friday.out).object();
        QCOMPARE(
            json.value(QStringLiteral("windows")).toArray().first().toObject().value(QStringLiteral("active")).toBool(),
            true);
        for (const QJsonValue &v : json.value(QStringLiteral("applications")).toArray()) {
            const QJsonObject app = v.toObject();
            const bool prod = app.value(QStringLiteral("application")).toString().endsWith(QLatin1String("-prod"));
            if (app.value(QStringLiteral("application")).toString().startsWith(QLatin1String("order-service")))
                QCOMPARE(app.value(QStringLiteral("state")).toString(),
                    prod ? QStringLiteral("denied") : QStringLiteral("allowed"));
        }

        QCOMPARE(ctl({ QStringLiteral("proj"), QStringLiteral("windows"), QStringLiteral("nope") }).code, 1);
    }

    void demoInit()
    {
        const Run full = capstanctl({ QStringLiteral("demo"), QStringLiteral("init"), m_demo.path });
        QCOMPARE(full.code, 1);
        QVERIFY(full.out.empty());
        QVERIFY2(full.errHas("not empty"), full.err.c_str());

        const QString dir = m_dir.filePath(QStringLiteral("second"));
        const Run created = capstanctl(
            { QStringLiteral("demo"), QStringLiteral("init"), dir, QStringLiteral("--now"), kWednesdayText });
        QVERIFY2(created.code == 0, created.describe());
        QVERIFY(created.has("capstanctl app list --repo"));
        QVERIFY(QFileInfo::exists(dir + QStringLiteral("/argocd/projects/platform.yaml")));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        auto l = [](const char *text) {
            return QString::fromLatin1(text).split(QLatin1Char(' '));
        };
        QTest::newRow("get without name") << l("app get");
        QTest::newRow("list with argument") << l("app list extra");
        QTest::newRow("unknown format") << l("app list -o xml");
        QTest::newRow("history as yaml") << l("app history x -o yaml");
        QTest::newRow("revision and history") << l("app diff x --revision a --history 1");
        QTest::newRow("unknown side") << l("app diff x --from nonsense");
        QTest::newRow("history id not a number") << l("app diff x --from history:abc");
        QTest::newRow("bad resource") << l("app sync x --resource justaname");
        QTest::newRow("bad timeout") << l("app wait x --timeout soon");
        QTest::newRow("unknown option") << l("app sync x --frobnicate");
        QTest::newRow("no files") << l("resource health");
        QTest::newRow("no project") << l("proj windows");
        QTest::newRow("no directory") << l("demo init");
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        const Run run = capstanctl(args);
        QVERIFY2(run.code == 2, run.describe());
        QVERIFY(run.out.empty());
        QVERIFY(!run.err.empty());
    }
};

QTEST_GUILESS_MAIN(TestAppCommands)
#include "tst_app_commands.moc"
