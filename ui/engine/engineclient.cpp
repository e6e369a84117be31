#include "engine/engineclient.h"

#include <QThread>

namespace capstan::ui {

EngineClient::EngineClient(EngineSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_thread(new QThread(this))
    , m_worker(new EngineWorker(std::move(settings)))
{
    registerEngineMetaTypes();
    m_thread->setObjectName(QStringLiteral("capstan-engine"));
    m_worker->moveToThread(m_thread);
    connect(m_worker, &EngineWorker::snapshotReady, this, [this](SnapshotPtr snapshot) {
        m_snapshot = snapshot;
        Q_EMIT snapshotChanged(snapshot);
    });
    // Another workspace or cluster: nothing of the last one may be shown as its state.
    connect(m_worker, &EngineWorker::workspaceOpened, this, [this] { m_snapshot.reset(); });
    connect(m_worker, &EngineWorker::argoCdOpened, this, [this](const QString &context) {
        m_snapshot.reset();
        m_argoCdContext = context;
    });
    connect(m_worker, &EngineWorker::contextsReady, this,
            [this](const QStringList &, const QString &, const QString &argoCd) { m_argoCdContext = argoCd; });
    connect(m_worker, &EngineWorker::windowsReady, this, [this](ProjectWindowsPtr windows) {
        m_windows = std::move(windows);
        Q_EMIT windowsChanged();
    });
    connect(m_worker, &EngineWorker::operationStarted, this, [this] { m_operationRunning = true; });
    connect(m_worker, &EngineWorker::operationFinished, this, [this] { m_operationRunning = false; });
    m_thread->start();
}

EngineClient::~EngineClient()
{
    m_worker->terminateOperation();
    // The worker and its Workspace are destroyed on the engine thread, which
    // owns them, before the thread ends.
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { delete worker; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

QDateTime EngineClient::now() const
{
    return m_settings.now ? m_settings.now() : QDateTime::currentDateTimeUtc();
}

void EngineClient::openWorkspace(const QString &path) { post(&EngineWorker::openWorkspace, path); }
void EngineClient::openDemo(const QString &dir) { post(&EngineWorker::openDemo, dir); }
void EngineClient::refresh() { post(&EngineWorker::refresh); }
void EngineClient::startSync(const engine::SyncCommand &command) { post(&EngineWorker::startSync, command); }

void EngineClient::terminate()
{
    m_worker->terminateOperation(); // thread-safe; a sync between steps stops at once
}

void EngineClient::loadHistory(const QString &app) { post(&EngineWorker::loadHistory, app); }

void EngineClient::markEntryBad(const QString &app, qint64 historyId, const QString &reason)
{
    post(&EngineWorker::markEntryBad, app, historyId, reason);
}

void EngineClient::diffHistoryEntries(const QString &app, qint64 left, qint64 right, const QString &requester)
{
    post(&EngineWorker::diffHistoryEntries, app, left, right, requester);
}

void EngineClient::loadResourceTree(const QString &app) { post(&EngineWorker::loadResourceTree, app); }
void EngineClient::useCluster(const std::optional<QString> &context) { post(&EngineWorker::useCluster, context); }
void EngineClient::useArgoCd(const QString &context) { post(&EngineWorker::useArgoCd, context); }
void EngineClient::loadContexts() { post(&EngineWorker::loadContexts); }
void EngineClient::fetchRemote() { post(&EngineWorker::fetchRemote); }
void EngineClient::pullRemote() { post(&EngineWorker::pullRemote); }
void EngineClient::pushRemote() { post(&EngineWorker::pushRemote); }
void EngineClient::setGitToken(const QString &token) { post(&EngineWorker::setGitToken, token); }
void EngineClient::loadGitLog(const QString &app) { post(&EngineWorker::loadGitLog, app); }

void EngineClient::diffRevisions(const QString &app, const QString &left, const QString &right,
                                 const QString &requester)
{
    post(&EngineWorker::diffRevisions, app, left, right, requester);
}

void EngineClient::rollbackToHistory(const QString &app, qint64 historyId, int policy,
                                     const engine::SyncCommand &approval)
{
    post(&EngineWorker::rollbackToHistory, app, historyId, policy, approval);
}

void EngineClient::loadImageHistory(const QString &app) { post(&EngineWorker::loadImageHistory, app); }

void EngineClient::setImage(const QString &app, const QString &imageArgument, bool dryRun)
{
    post(&EngineWorker::setImage, app, imageArgument, dryRun);
}

void EngineClient::promote(const QString &service, const QString &fromEnv, const QString &toEnv, const QString &note,
                           bool dryRun)
{
    post(&EngineWorker::promote, service, fromEnv, toEnv, note, dryRun);
}

void EngineClient::loadRevertCandidates(const QString &app) { post(&EngineWorker::loadRevertCandidates, app); }

void EngineClient::revertCommit(const QString &app, const QString &commit, bool dryRun)
{
    post(&EngineWorker::revertCommit, app, commit, dryRun);
}

} // namespace capstan::ui
