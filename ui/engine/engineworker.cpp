#include "engine/engineworker.h"

#include "engine/argocdsession.h"
#include "manifest/yaml_reader.h"
#include "reconcile/engine/catalog.h"
#include "reconcile/engine/demo_workspace.h"
#include "reconcile/gitops/rollback.h"

#include <QCoreApplication>
#include <QDir>
#include <QTimer>

namespace capstan::ui {

namespace {

QString text(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

void registerEngineMetaTypes()
{
    qRegisterMetaType<SnapshotPtr>("capstan::ui::SnapshotPtr");
    qRegisterMetaType<ProjectWindowsPtr>("capstan::ui::ProjectWindowsPtr");
    qRegisterMetaType<HistoryListPtr>("capstan::ui::HistoryListPtr");
    qRegisterMetaType<DiffSetPtr>("capstan::ui::DiffSetPtr");
    qRegisterMetaType<GitLogPtr>("capstan::ui::GitLogPtr");
    qRegisterMetaType<ResourceTreePtr>("capstan::ui::ResourceTreePtr");
    qRegisterMetaType<RemoteStatus>("capstan::ui::RemoteStatus");
    qRegisterMetaType<sync::OperationState>("capstan::sync::OperationState");
    qRegisterMetaType<engine::SyncCommand>("capstan::engine::SyncCommand");
}

EngineWorker::EngineWorker(EngineSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_pollTimer(new QTimer(this))
    , m_tickTimer(new QTimer(this))
    , m_stepTimer(new QTimer(this))
    , m_argoChangeTimer(new QTimer(this))
{
    m_argoChangeTimer->setSingleShot(true);
    m_argoChangeTimer->setInterval(300);
    connect(m_argoChangeTimer, &QTimer::timeout, this, &EngineWorker::refresh);
    m_pollTimer->setSingleShot(true);
    connect(m_pollTimer, &QTimer::timeout, this, &EngineWorker::poll);
    m_tickTimer->setInterval(m_settings.tickMs);
    connect(m_tickTimer, &QTimer::timeout, this, &EngineWorker::tick);
    // Zero-interval steps return to the event loop between steps, so queued
    // requests (refresh, history) are served while an operation runs.
    m_stepTimer->setInterval(0);
    m_stepTimer->setSingleShot(true);
    connect(m_stepTimer, &QTimer::timeout, this, &EngineWorker::stepOperation);
}

EngineWorker::~EngineWorker()
{
    m_argo.reset(); // its watch stops before this object goes
    std::lock_guard lock(m_operationMutex);
    m_operation.reset();
}

QDateTime EngineWorker::now() const
{
    return m_settings.now ? m_settings.now() : QDateTime::currentDateTimeUtc();
}

void EngineWorker::terminateOperation()
{
    {
        std::lock_guard lock(m_operationMutex);
        if (m_operation)
            m_operation->terminate();
    }
    // An Argo CD operation is terminated by asking the cluster, on this object's thread.
    QMetaObject::invokeMethod(this, &EngineWorker::terminateArgoCdOperation, Qt::QueuedConnection);
}

void EngineWorker::openDemo(const QString &dir)
{
    if (!QDir(dir).exists(QStringLiteral(".git"))) {
        Q_EMIT busy(tr("Creating the demo workspace in %1…").arg(dir));
        auto demo = engine::initDemoWorkspace(dir, now());
        if (!demo) {
            Q_EMIT failed(tr("Cannot create the demo workspace: %1").arg(text(demo.error().toString())));
            return;
        }
    }
    open(dir);
}

void EngineWorker::openWorkspace(const QString &path)
{
    open(path);
}

void EngineWorker::open(const QString &path)
{
    Q_EMIT busy(tr("Opening %1…").arg(path));
    {
        std::lock_guard lock(m_operationMutex);
        m_operation.reset();
    }
    m_stepTimer->stop();
    engine::WorkspaceConfig config{path, {}, {}, m_settings.clock};
    config.context = m_context;
    auto workspace = engine::Workspace::open(config);
    if (!workspace) {
        Q_EMIT failed(tr("Cannot open %1: %2").arg(path, text(workspace.error().toString())));
        return;
    }
    m_workspace = std::move(*workspace);
    m_path = path;
    m_windowsRevision.clear();
    m_remote = {};
    if (m_settings.clock == engine::ClockMode::RealTime && m_workspace->sandbox()) {
        m_workspace->catchUp();
        m_tickTimer->start();
    }
    auto branch = m_workspace->reconciler().repository().headBranch();
    Q_EMIT workspaceOpened(path, branch ? *branch : QString());
    refresh();
    publishRemoteStatus({}); // the status as of the last fetch; the next poll fetches
}

void EngineWorker::tick()
{
    // The sandbox's controllers follow the wall clock; an operation's own
    // waits already move it forward.
    if (m_workspace && !m_operation)
        m_workspace->catchUp(std::chrono::seconds(60));
}

void EngineWorker::poll()
{
    if (m_fastPollsLeft > 0)
        --m_fastPollsLeft;
    fetchRemote(); // the remote's news first, so the refresh can say the branch is behind
    refresh();
}

void EngineWorker::refresh()
{
    if (m_argo) {
        refreshArgoCd();
        return;
    }
    if (!m_workspace)
        return;
    m_pollTimer->stop();
    Q_EMIT busy(tr("Refreshing…"));
    auto snapshot = m_workspace->reconciler().refresh(now());
    if (!snapshot) {
        Q_EMIT failed(tr("Refresh failed: %1").arg(text(snapshot.error().toString())));
    } else {
        publishWindows(**snapshot); // first: whoever gets the snapshot finds its windows
        Q_EMIT snapshotReady(*snapshot);
        if (m_settings.automatedSync && !m_operation) {
            // Rollback-aware: a revision rolled back from stays skipped until a
            // commit changes the application, whatever else is committed.
            auto result = gitops::runRollbackAwareAutomatedSyncs(*m_workspace, now());
            if (!result)
                Q_EMIT failed(tr("Automated sync failed: %1").arg(text(result.error().toString())));
            std::vector<std::pair<std::string, sync::OperationState>> synced;
            if (result)
                synced = std::move(*result);
            for (const auto &[app, state] : synced)
                Q_EMIT operationFinished(text(app), state);
            if (!synced.empty()) {
                if (auto again = m_workspace->reconciler().refresh(now()))
                    Q_EMIT snapshotReady(*again);
            }
        }
    }
    m_pollTimer->start(m_fastPollsLeft > 0 ? m_settings.fastPollIntervalMs : m_settings.pollIntervalMs);
}

void EngineWorker::publishWindows(const engine::WorkspaceSnapshot &snapshot)
{
    if (snapshot.headRevision == m_windowsRevision)
        return;
    auto tree = m_workspace->reconciler().repository().snapshot(text(snapshot.headRevision));
    if (!tree)
        return;
    const engine::Catalog catalog = engine::scanCatalog(*tree);
    auto windows = std::make_shared<ProjectWindows>();
    for (const auto &[name, project] : catalog.projects)
        windows->byProject[name] = project.syncWindows;
    m_windowsRevision = snapshot.headRevision;
    Q_EMIT windowsReady(std::move(windows));
}

void EngineWorker::startSync(const engine::SyncCommand &command)
{
    const QString app = text(command.app);
    if (m_argo) {
        startArgoCdOperation(app, m_argo->sync(command), false);
        return;
    }
    if (!m_workspace) {
        Q_EMIT syncRefused(app, tr("No workspace is open."));
        return;
    }
    if (m_operation) {
        Q_EMIT syncRefused(app, tr("Another operation is still running."));
        return;
    }
    auto operation = engine::startSync(*m_workspace, command, now());
    if (!operation) {
        Q_EMIT syncRefused(app, text(operation.error().message));
        return;
    }
    {
        std::lock_guard lock(m_operationMutex);
        m_operation = std::move(*operation);
    }
    Q_EMIT operationStarted(app, m_operation->recordId());
    Q_EMIT operationProgress(app, m_operation->state());
    m_stepTimer->start();
}

void EngineWorker::stepOperation()
{
    if (!m_operation)
        return;
    const bool done = m_operation->step();
    const QString app = text(m_operation->app());
    const sync::OperationState state = m_operation->state();
    if (!done) {
        Q_EMIT operationProgress(app, state);
        m_stepTimer->start();
        return;
    }
    {
        std::lock_guard lock(m_operationMutex);
        m_operation.reset();
    }
    Q_EMIT operationFinished(app, state);
    m_fastPollsLeft = m_settings.fastPolls;
    refresh();
    loadHistory(app);
}

void EngineWorker::loadHistory(const QString &app)
{
    if (m_argo) {
        Q_EMIT historyReady(std::make_shared<HistoryList>(m_argo->history(app)));
        return;
    }
    if (!m_workspace)
        return;
    auto list = std::make_shared<HistoryList>();
    list->app = app.toStdString();
    auto page = m_workspace->history().history(list->app);
    if (!page)
        list->error = text(page.error().toString());
    else
        list->entries = std::move(page->entries);
    if (auto marks = m_workspace->history().badMarks(list->app))
        list->badMarks = std::move(*marks);
    Q_EMIT historyReady(std::move(list));
}

void EngineWorker::markEntryBad(const QString &app, qint64 historyId, const QString &reason)
{
    if (m_argo) {
        Q_EMIT failed(tr("Marks are kept in Capstan's own history; Argo CD's history of %1 cannot hold one.").arg(app));
        return;
    }
    if (!m_workspace)
        return;
    auto marked = m_workspace->history().markEntryBad(app.toStdString(), historyId, reason.toStdString(),
                                                      engine::currentUser(), now());
    if (!marked)
        Q_EMIT failed(tr("Cannot mark the entry bad: %1").arg(text(marked.error().toString())));
    loadHistory(app);
}

void EngineWorker::diffHistoryEntries(const QString &app, qint64 left, qint64 right, const QString &requester)
{
    if (m_argo) {
        // Argo CD keeps no manifests with its history: Git's, rendered at each entry's revision.
        auto set = std::make_shared<DiffSet>(
            m_argo->diffEntries(app, left, right, m_workspace ? &m_workspace->reconciler().repository() : nullptr));
        set->requester = requester;
        Q_EMIT historyDiffReady(std::move(set));
        return;
    }
    if (!m_workspace)
        return;
    auto set = std::make_shared<DiffSet>();
    set->requester = requester;
    auto older = m_workspace->history().historyEntry(left);
    auto newer = m_workspace->history().historyEntry(right);
    if (!older || !newer) {
        set->error = text((!older ? older.error() : newer.error()).toString());
        Q_EMIT historyDiffReady(std::move(set));
        return;
    }
    auto leftObjects = manifest::parseObjects(older->operation.appliedManifests, "history");
    auto rightObjects = manifest::parseObjects(newer->operation.appliedManifests, "history");
    if (!leftObjects || !rightObjects) {
        set->error = text((!leftObjects ? leftObjects.error() : rightObjects.error()).toString());
        Q_EMIT historyDiffReady(std::move(set));
        return;
    }
    const QString leftLabel = tr("#%1 (%2)").arg(left).arg(text(older->operation.revision.substr(0, 7)));
    const QString rightLabel = tr("#%1 (%2)").arg(right).arg(text(newer->operation.revision.substr(0, 7)));
    set->title = tr("%1 → %2").arg(leftLabel, rightLabel);
    set->diffs = buildResourceDiffs(pairObjects(*leftObjects, *rightObjects), leftLabel, rightLabel);
    Q_EMIT historyDiffReady(std::move(set));
}

void EngineWorker::loadGitLog(const QString &app)
{
    if (!m_workspace)
        return;
    auto log = std::make_shared<GitLog>();
    log->app = app.toStdString();
    auto commits = gitops::revertCandidates(*m_workspace, log->app, 100);
    if (commits)
        log->commits = std::move(*commits);
    else
        log->error = text(commits.error().toString());
    Q_EMIT gitLogReady(std::move(log));
}

void EngineWorker::diffRevisions(const QString &app, const QString &left, const QString &right,
                                 const QString &requester)
{
    if (!m_workspace)
        return;
    auto set = std::make_shared<DiffSet>();
    set->requester = requester;
    auto older = m_workspace->reconciler().desiredObjects(app.toStdString(), left);
    auto newer = m_workspace->reconciler().desiredObjects(app.toStdString(), right);
    if (!older || !newer) {
        set->error = text((!older ? older.error() : newer.error()).toString());
        Q_EMIT historyDiffReady(std::move(set));
        return;
    }
    const QString leftLabel = left.left(7);
    const QString rightLabel = right.left(7);
    set->title = tr("%1 at %2 → %3").arg(app, leftLabel, rightLabel);
    set->diffs = buildResourceDiffs(pairObjects(*older, *newer), leftLabel, rightLabel);
    Q_EMIT historyDiffReady(std::move(set));
}

void EngineWorker::loadResourceTree(const QString &app)
{
    if (m_argo) {
        Q_EMIT resourceTreeReady(std::make_shared<AppResourceTree>(m_argo->resourceTree(app)));
        return;
    }
    if (!m_workspace)
        return;
    auto result = std::make_shared<AppResourceTree>();
    result->app = app.toStdString();
    engine::Reconciler &reconciler = m_workspace->reconciler();
    const auto snapshot = reconciler.snapshot();
    const engine::AppState *state = snapshot ? snapshot->app(result->app) : nullptr;
    if (!state) {
        result->error = tr("No application named %1.").arg(app);
        Q_EMIT resourceTreeReady(std::move(result));
        return;
    }
    engine::TreeInput input;
    for (const engine::ResourceState &r : state->resources)
        input.defined.emplace_back(r.id, r.status);
    auto live = reconciler.liveObjects(result->app);
    auto tree = live ? (input.live = std::move(*live), engine::buildResourceTree(reconciler.cluster(), input))
                     : Result<engine::ResourceTree>(live.error());
    if (tree)
        result->tree = std::move(*tree);
    else
        result->error = text(tree.error().toString());
    Q_EMIT resourceTreeReady(std::move(result));
}

} // namespace capstan::ui
