#include "git/repository.h"
#include "reconcile/engine/demo_workspace.h"
#include "reconcile/engine/sync_controller.h"
#include "reconcile/gitops/promote.h"
#include "reconcile/gitops/revert.h"
#include "reconcile/gitops/rollback.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan;
using namespace capstan::engine;
using namespace capstan::gitops;

namespace {

// A Wednesday: the prod deny window (Fri 16:00 – Mon 06:00 Berlin) is closed.
const QDateTime kWednesday(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
const std::string kProd = "order-service-prod";
const QString kProdOverlay = QStringLiteral("k8s/overlays/prod/order-service/kustomization.yaml");
const char kBrokenRelease[] = "registry.acme.example/shop/order-service:v1.2.1";

QString words(health::HealthStatus status)
{
    const std::string_view text = health::toString(status);
    return QString::fromLatin1(text.data(), qsizetype(text.size()));
}

CommitOptions asJonas(bool dryRun = false)
{
    return { dryRun, git::Signature { QStringLiteral("Jonas"), QStringLiteral("jonas@acme.example"), {} }, "jonas" };
}

} // namespace

class TestGitops : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;
    demo::DemoRepository m_demo;
    std::unique_ptr<Workspace> m_ws;
    std::optional<git::Repository> m_repo;

    // A fresh demo workspace for each scenario.
    void freshWorkspace()
    {
        m_ws.reset();
        auto demo = initDemoWorkspace(m_dir.filePath(QStringLiteral("shop%1").arg(++m_count)), kWednesday);
        QVERIFY2(demo.ok(), demo.ok() ? "" : demo.error().toString().c_str());
        m_demo = *demo;
        auto ws = Workspace::open({ m_demo.path, {}, {}, ClockMode::Simulated });
        QVERIFY(ws.ok());
        m_ws = std::move(*ws);
        m_repo = *git::Repository::open(m_demo.path);
        refresh();
    }

    void refresh()
    {
        auto snapshot = m_ws->reconciler().refresh(kWednesday);
        if (!snapshot)
            qFatal("%s", snapshot.error().toString().c_str());
    }

    const AppState &app(const std::string &name)
    {
        refresh();
        const AppState *state = m_ws->reconciler().snapshot()->app(name);
        if (!state)
            qFatal("no app %s", name.c_str());
        return *state;
    }

    QString head() { return m_repo->headCommit()->id; }

    void syncNow(const std::string &name, const std::string &note = {})
    {
        refresh();
        SyncCommand command;
        command.app = name;
        command.initiatedBy = "ravi";
        command.approvalNote = note;
        if (!note.empty())
            command.approvers = { "ravi" };
        auto op = startSync(*m_ws, command, kWednesday);
        QVERIFY2(op.ok(), op.ok() ? "" : op.error().toString().c_str());
        (*op)->run();
        m_ws->letTimePass(std::chrono::seconds(700));
    }

    // The release v1.2.1 goes to prod and crashes.
    void breakProd()
    {
        QVERIFY(m_ws->sandbox()->registry().markBroken(kBrokenRelease).ok());
        syncNow(kProd, "CHG-2001 release v1.2.1");
        QCOMPARE(app(kProd).sync, compare::SyncStatus::Synced);
        QCOMPARE(words(app(kProd).health), QStringLiteral("Degraded"));
    }

    void commitFile(const QString &path, const QByteArray &from, const QByteArray &to, const QString &message)
    {
        QByteArray text = *m_repo->readFile(QStringLiteral("HEAD"), path);
        QVERIFY2(text.contains(from), path.toUtf8().constData());
        text.replace(from, to);
        QVERIFY(
            m_repo->commit(QStringLiteral("main"), { git::FileChange { path, text } }, message, asJonas().author).ok());
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void revertCandidatesAreWhatTheAppRenders()
    {
        freshWorkspace();
        auto candidates = revertCandidates(*m_ws, kProd, 50);
        QVERIFY2(candidates.ok(), candidates.ok() ? "" : candidates.error().toString().c_str());
        QVERIFY(candidates->size() >= 5);
        QCOMPARE(candidates->front().commit.id, m_demo.headRevision);
        const RevertCandidate *suggested = suggestedRevert(*candidates);
        QVERIFY(suggested);
        QCOMPARE(suggested->commit.summary, QStringLiteral("release: order-service v1.2.1 to production"));
        bool sawRevert = false;
        bool sawReverted = false;
        for (const RevertCandidate &c : *candidates) {
            // Only commits that touched prod's order-service overlay or its base.
            QVERIFY2(!c.commit.summary.contains(QLatin1String("frontend")), qPrintable(c.commit.summary));
            QVERIFY2(!c.commit.summary.contains(QLatin1String("in dev")), qPrintable(c.commit.summary));
            sawRevert |= c.isRevert;
            sawReverted |= c.reverted && c.commit.summary.contains(QLatin1String("v1.2.0"));
        }
        QVERIFY(sawRevert);
        QVERIFY(sawReverted);
        // The bootstrap commit wrote the base: a base the overlay includes counts.
        QVERIFY(candidates->back().commit.summary.startsWith(QLatin1String("chore: bootstrap")));

        // A bad mark flags a candidate without making it the suggestion's reason.
        QVERIFY(markBad(*m_ws, kProd, BadTarget { {}, m_demo.headRevision.toStdString() }, "crashes on start", "ravi")
                    .ok());
        candidates = revertCandidates(*m_ws, kProd);
        QVERIFY(candidates->front().badMark);
        QCOMPARE(candidates->front().badMark->reason, std::string("crashes on start"));
    }

    void rollBackByRevert()
    {
        freshWorkspace();
        breakProd();
        const QString before = head();
        auto preview = revertCommit(*m_ws, kProd, m_demo.headRevision, asJonas(true));
        QVERIFY2(preview.ok(), preview.ok() ? "" : preview.error().toString().c_str());
        QCOMPARE(head(), before);
        QVERIFY(preview->commit.isEmpty());
        QCOMPARE(preview->preview.files, std::vector<QString> { kProdOverlay });
        QCOMPARE(preview->preview.apps.size(), std::size_t(1));
        const std::string &diff = preview->preview.apps.front().diff;
        QVERIFY2(diff.find("-        image: registry.acme.example/shop/order-service:v1.2.1") != std::string::npos,
            diff.c_str());
        QVERIFY2(diff.find("+        image: registry.acme.example/shop/order-service:v1.1.0") != std::string::npos,
            diff.c_str());

        auto done = revertCommit(*m_ws, kProd, m_demo.headRevision, asJonas());
        QVERIFY2(done.ok(), done.ok() ? "" : done.error().toString().c_str());
        QCOMPARE(head(), done->commit);
        const git::CommitInfo revert = *m_repo->headCommit();
        QCOMPARE(revert.summary, QStringLiteral("revert: release: order-service v1.2.1 to production"));
        QVERIFY(revert.message.contains(QStringLiteral("This reverts commit %1.").arg(m_demo.headRevision)));
        QCOMPARE(revert.author.name, QStringLiteral("Jonas"));
        QCOMPARE(*m_repo->isClean(), true);
        QCOMPARE(app(kProd).sync, compare::SyncStatus::OutOfSync);
        syncNow(kProd, "CHG-2002 roll back v1.2.1");
        QCOMPARE(app(kProd).sync, compare::SyncStatus::Synced);
        QCOMPARE(words(app(kProd).health), QStringLiteral("Healthy"));
        auto audit = m_ws->history().audit(kProd);
        QVERIFY(std::any_of(audit->begin(), audit->end(), [](const auto &e) { return e.action == "revert"; }));
    }

    void rollBackBySetImage()
    {
        freshWorkspace();
        breakProd();
        auto runs = imageHistory(*m_ws, "order-service");
        QVERIFY2(runs.ok(), runs.ok() ? "" : runs.error().toString().c_str());
        const ImageRun *pick = suggestedRollbackImage(*runs, kProd);
        QVERIFY(pick);
        QCOMPARE(pick->image.tag, std::string("v1.1.0"));
        bool sawDev = false;
        for (const ImageRun &run : *runs)
            sawDev |= run.environment == "dev";
        QVERIFY(sawDev);
        // A bad tag is flagged and never proposed.
        QCOMPARE(*markImageBad(*m_ws, kProd, "v1.1.0", "memory leak", "ravi"), 1);
        runs = imageHistory(*m_ws, kProd);
        for (const ImageRun &run : *runs)
            if (run.image.tag == "v1.1.0")
                QVERIFY(run.badMark);
        QVERIFY(!suggestedRollbackImage(*runs, kProd));

        const QByteArray oldText = *m_repo->readFile(QStringLiteral("HEAD"), kProdOverlay);
        auto image = parseImageArgument("order-service=v1.1.0");
        QVERIFY(image.ok());
        auto done = setImage(*m_ws, kProd, *image, MessageKind::Rollback, asJonas());
        QVERIFY2(done.ok(), done.ok() ? "" : done.error().toString().c_str());
        QCOMPARE(m_repo->headCommit()->summary, QStringLiteral("rollback: order-service to v1.1.0"));
        QByteArray expected = oldText;
        expected.replace("newTag: v1.2.1", "newTag: v1.1.0");
        QCOMPARE(*m_repo->readFile(QStringLiteral("HEAD"), kProdOverlay), expected);
        syncNow(kProd, "CHG-2003 roll back to v1.1.0");
        QCOMPARE(app(kProd).sync, compare::SyncStatus::Synced);
        QCOMPARE(words(app(kProd).health), QStringLiteral("Healthy"));
    }

    void rollBackByHistoryThenUpdateGit()
    {
        freshWorkspace();
        breakProd();
        auto history = m_ws->history().history(kProd);
        const std::int64_t good = history->entries.back().id(); // what prod ran before the release
        QCOMPARE(history->entries.back().operation.revision, m_demo.prodRevision.toStdString());
        RollbackOptions options;
        options.initiatedBy = "jonas";
        auto refused = rollbackToHistory(*m_ws, kProd, good, options, kWednesday);
        QVERIFY(!refused.ok()); // prod needs an approval note
        options.approvalNote = "INC-77 roll back while v1.2.1 crashes";
        auto done = rollbackToHistory(*m_ws, kProd, good, options, kWednesday);
        QVERIFY2(done.ok(), done.ok() ? "" : done.error().toString().c_str());
        QCOMPARE(sync::toString(done->state.phase), std::string("Succeeded"));
        QVERIFY2(done->message.find("OutOfSync") != std::string::npos, done->message.c_str());
        QVERIFY2(
            done->message.find("capstanctl app set-image order-service-prod order-service=v1.1.0") != std::string::npos,
            done->message.c_str());
        m_ws->letTimePass(std::chrono::seconds(300));
        QCOMPARE(app(kProd).sync, compare::SyncStatus::OutOfSync);
        QCOMPARE(words(app(kProd).health), QStringLiteral("Healthy"));
        QCOMPARE(head(), m_demo.headRevision); // Git untouched

        // Git catches up with the cluster: set-image, and nothing left to sync.
        QVERIFY(
            setImage(*m_ws, kProd, *parseImageArgument("order-service=v1.1.0"), MessageKind::Rollback, asJonas()).ok());
        QCOMPARE(app(kProd).sync, compare::SyncStatus::Synced);
    }

    void rollbackAwareAutomatedSync()
    {
        freshWorkspace();
        const std::string dev = "order-service-dev";
        QVERIFY(m_ws->sandbox()
                    ->registry()
                    .addImage("registry.acme.example/shop/order-service", { "1a2b3c4", "2b3c4d5" })
                    .ok());
        QVERIFY(
            setImage(*m_ws, dev, *parseImageArgument("order-service=1a2b3c4"), MessageKind::Release, asJonas()).ok());
        auto synced = runRollbackAwareAutomatedSyncs(*m_ws, kWednesday);
        QVERIFY(synced.ok());
        QCOMPARE(app(dev).sync, compare::SyncStatus::Synced);
        auto history = m_ws->history().history(dev);
        QVERIFY(history->total >= 2);
        const std::int64_t older = history->entries.at(1).id();

        auto refused = rollbackToHistory(*m_ws, dev, older, {}, kWednesday);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.find("automated") != std::string::npos, refused.error().message.c_str());
        RollbackOptions options;
        options.policy = AutoSyncPolicy::RollbackAware;
        auto done = rollbackToHistory(*m_ws, dev, older, options, kWednesday);
        QVERIFY2(done.ok(), done.ok() ? "" : done.error().toString().c_str());
        QVERIFY(done->autoSyncSkipped);
        QCOMPARE(app(dev).sync, compare::SyncStatus::OutOfSync);

        auto ran = [&] {
            auto r = runRollbackAwareAutomatedSyncs(*m_ws, kWednesday);
            std::vector<std::string> names;
            for (const auto &[name, state] : *r)
                names.push_back(name);
            return names;
        };
        auto names = ran();
        QCOMPARE(std::count(names.begin(), names.end(), dev), 0);
        // An unrelated commit does not bring the rolled-back revision back.
        commitFile(QStringLiteral("README.md"), "# shop-gitops", "# shop-gitops (demo)", QStringLiteral("docs: title"));
        names = ran();
        QCOMPARE(std::count(names.begin(), names.end(), dev), 0);
        QCOMPARE(app(dev).sync, compare::SyncStatus::OutOfSync);
        // A newer commit that changes the application is applied.
        QVERIFY(
            setImage(*m_ws, dev, *parseImageArgument("order-service=2b3c4d5"), MessageKind::Release, asJonas()).ok());
        names = ran();
        QCOMPARE(std::count(names.begin(), names.end(), dev), 1);
        QCOMPARE(app(dev).sync, compare::SyncStatus::Synced);
        QVERIFY(m_ws->history().autoSyncSkips(dev)->empty());
    }

    void suspendedAutomatedSyncWaitsForResume()
    {
        freshWorkspace();
        const std::string dev = "order-service-dev";
        QVERIFY(m_ws->sandbox()
                    ->registry()
                    .addImage("registry.acme.example/shop/order-service", { "1a2b3c4", "2b3c4d5" })
                    .ok());
        QVERIFY(
            setImage(*m_ws, dev, *parseImageArgument("order-service=1a2b3c4"), MessageKind::Release, asJonas()).ok());
        QVERIFY(runRollbackAwareAutomatedSyncs(*m_ws, kWednesday).ok());
        const std::int64_t older = m_ws->history().history(dev)->entries.at(1).id();
        RollbackOptions options;
        options.policy = AutoSyncPolicy::Suspend;
        auto done = rollbackToHistory(*m_ws, dev, older, options, kWednesday);
        QVERIFY2(done.ok(), done.ok() ? "" : done.error().toString().c_str());
        QVERIFY2(done->message.find("suspended") != std::string::npos, done->message.c_str());
        // Even a commit that changes the application waits.
        QVERIFY(
            setImage(*m_ws, dev, *parseImageArgument("order-service=2b3c4d5"), MessageKind::Release, asJonas()).ok());
        auto ran = runRollbackAwareAutomatedSyncs(*m_ws, kWednesday);
        QVERIFY(ran.ok());
        for (const auto &[name, state] : *ran)
            QVERIFY(name != dev);
        QCOMPARE(app(dev).sync, compare::SyncStatus::OutOfSync);
        QVERIFY(*resumeAutoSync(*m_ws, dev) >= 1);
        ran = runRollbackAwareAutomatedSyncs(*m_ws, kWednesday);
        QCOMPARE(std::count_if(ran->begin(), ran->end(), [&](const auto &r) { return r.first == dev; }), 1);
        QCOMPARE(app(dev).sync, compare::SyncStatus::Synced);
    }

    void promoteDevToStagingToProd()
    {
        freshWorkspace();
        QVERIFY(m_ws->sandbox()->registry().addImage("registry.acme.example/shop/order-service", { "def5678" }).ok());
        commitFile(QStringLiteral("k8s/overlays/dev/order-service/kustomization.yaml"), "newTag: 7d9e3f4",
            "newTag: def5678", QStringLiteral("ci: update order-service image to def5678 in dev"));
        QCOMPARE(app("order-service-dev").sync, compare::SyncStatus::OutOfSync);
        QVERIFY(runRollbackAwareAutomatedSyncs(*m_ws, kWednesday).ok());
        QCOMPARE(app("order-service-dev").sync, compare::SyncStatus::Synced);

        const QString before = head();
        auto preview = promote(*m_ws, "order-service", "dev", "staging", { {}, {}, asJonas(true) });
        QVERIFY2(preview.ok(), preview.ok() ? "" : preview.error().toString().c_str());
        QCOMPARE(head(), before);
        QVERIFY(preview->change.preview.apps.front().diff.find(
                    "+        image: registry.acme.example/shop/order-service:def5678")
            != std::string::npos);
        QCOMPARE(preview->targetApp, std::string("order-service-staging"));

        auto staged = promote(*m_ws, "order-service", "dev", "staging", { {}, {}, asJonas() });
        QVERIFY2(staged.ok(), staged.ok() ? "" : staged.error().toString().c_str());
        QCOMPARE(m_repo->headCommit()->summary, QStringLiteral("promote: order-service def5678 to staging"));
        QCOMPARE(app("order-service-staging").sync, compare::SyncStatus::OutOfSync);
        QVERIFY(runRollbackAwareAutomatedSyncs(*m_ws, kWednesday).ok());
        QCOMPARE(app("order-service-staging").sync, compare::SyncStatus::Synced);

        // Production's project requires an approval note.
        auto refused = promote(*m_ws, "order-service", "staging", "prod", { {}, {}, asJonas() });
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.find("approval") != std::string::npos, refused.error().message.c_str());
        auto released
            = promote(*m_ws, "order-service", "staging", "prod", { {}, "CHG-3001 approved by ravi", asJonas() });
        QVERIFY2(released.ok(), released.ok() ? "" : released.error().toString().c_str());
        QCOMPARE(released->kind, MessageKind::Release);
        QCOMPARE(m_repo->headCommit()->summary, QStringLiteral("release: order-service def5678 to production"));
        auto audit = m_ws->history().audit(kProd);
        QVERIFY(!audit->empty());
        QCOMPARE(audit->front().action, std::string("promote"));
        QVERIFY(audit->front().details.find("CHG-3001") != std::string::npos);
        QCOMPARE(app(kProd).sync, compare::SyncStatus::OutOfSync);
        syncNow(kProd, "CHG-3001");
        QCOMPARE(app(kProd).sync, compare::SyncStatus::Synced);
        QCOMPARE(words(app(kProd).health), QStringLiteral("Healthy"));
        // The overlay kept everything but the tag.
        const QByteArray text = *m_repo->readFile(QStringLiteral("HEAD"), kProdOverlay);
        QVERIFY(text.contains("- pdb.yaml") && text.contains("newTag: def5678"));
    }

    void copyTopLevelField_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("expected");
        QTest::newRow("replace") << "a: 1\nreplicas:\n- name: x\n  count: 1\n\nb: 2\n"
                                 << "replicas:\n- name: x\n  count: 5\n"
                                 << "a: 1\nreplicas:\n- name: x\n  count: 5\n\nb: 2\n";
        QTest::newRow("append") << "a: 1\n"
                                << "replicas:\n  - count: 2\n"
                                << "a: 1\nreplicas:\n  - count: 2\n";
        QTest::newRow("remove") << "a: 1\nreplicas: []\nb: 2\n"
                                << "a: 1\n"
                                << "a: 1\nb: 2\n";
    }

    void copyTopLevelField()
    {
        QFETCH(QString, target);
        QFETCH(QString, source);
        QFETCH(QString, expected);
        QCOMPARE(
            QString::fromStdString(gitops::copyTopLevelField(target.toStdString(), source.toStdString(), "replicas")),
            expected);
    }

    void conflictingRevertIsRefused()
    {
        freshWorkspace();
        // The v1.1.0 release changed a line that three later commits changed again.
        auto log = m_repo->log(kProdOverlay);
        QString oldRelease;
        for (const git::CommitInfo &c : *log)
            if (c.summary == QLatin1String("release: order-service v1.1.0 to production"))
                oldRelease = c.id;
        QVERIFY(!oldRelease.isEmpty());
        const QString before = head();
        for (bool dryRun : { true, false }) {
            auto refused = revertCommit(*m_ws, kProd, oldRelease, asJonas(dryRun));
            QVERIFY(!refused.ok());
            QVERIFY2(refused.error().message.find(kProdOverlay.toStdString()) != std::string::npos,
                refused.error().message.c_str());
            QCOMPARE(head(), before);
            QCOMPARE(*m_repo->isClean(git::UntrackedFiles::CountAsChanges), true);
        }
    }

    void dirtyWorkTreeRefusesEveryCommit()
    {
        freshWorkspace();
        QFile file(m_demo.path + QLatin1Char('/') + kProdOverlay);
        QVERIFY(file.open(QIODevice::Append));
        file.write("# local edit\n");
        file.close();
        const QString before = head();
        std::vector<std::string> errors;
        auto revert = revertCommit(*m_ws, kProd, m_demo.headRevision, asJonas());
        errors.push_back(revert.ok() ? "" : revert.error().message);
        auto image = setImage(
            *m_ws, "order-service-dev", *parseImageArgument("order-service=v1.1.0"), MessageKind::Rollback, asJonas());
        errors.push_back(image.ok() ? "" : image.error().message);
        auto promoted = promote(*m_ws, "order-service", "dev", "staging", { {}, {}, asJonas() });
        errors.push_back(promoted.ok() ? "" : promoted.error().message);
        for (const std::string &error : errors)
            QVERIFY2(error.find("uncommitted changes") != std::string::npos, error.c_str());
        QCOMPARE(head(), before);
        // A dry run only reads: it still previews.
        QVERIFY(revertCommit(*m_ws, kProd, m_demo.headRevision, asJonas(true)).ok());
    }

    void aBranchBehindItsRemoteRefusesCommits()
    {
        freshWorkspace();
        const QString clonePath = m_dir.filePath(QStringLiteral("clone%1").arg(m_count));
        auto clone = git::Repository::clone(m_demo.path, clonePath);
        QVERIFY(clone.ok());
        // The remote moves on: a commit on a side branch, then origin/main set to it
        // (as a fetch would), leaving main behind.
        const QString tip = clone->headCommit()->id;
        auto writeRef = [&](const QString &ref, const QString &id) {
            QFile file(clone->gitDir() + ref);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(id.toLatin1() + "\n");
        };
        writeRef(QStringLiteral("refs/heads/side"), tip);
        auto ahead = clone->commit(QStringLiteral("side"),
            { git::FileChange { QStringLiteral("NOTES.md"), QByteArray("x\n") } }, QStringLiteral("docs: notes"),
            asJonas().author);
        QVERIFY(ahead.ok());
        writeRef(QStringLiteral("refs/remotes/origin/main"), *ahead);

        auto ws = Workspace::open({ clonePath, {}, {}, ClockMode::Simulated });
        QVERIFY(ws.ok());
        QVERIFY((*ws)->reconciler().refresh(kWednesday).ok());
        auto refused
            = setImage(**ws, kProd, *parseImageArgument("order-service=v1.1.0"), MessageKind::Rollback, asJonas());
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.find("behind refs/remotes/origin/main") != std::string::npos,
            refused.error().message.c_str());
        QCOMPARE(clone->headCommit()->id, tip);
        // Once main has what the remote has, it may commit again.
        writeRef(QStringLiteral("refs/remotes/origin/main"), tip);
        QVERIFY(
            setImage(**ws, kProd, *parseImageArgument("order-service=v1.1.0"), MessageKind::Rollback, asJonas()).ok());
    }
};

QTEST_GUILESS_MAIN(TestGitops)
#include "tst_gitops.moc"
