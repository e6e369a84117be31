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

void EngineClient::openWorkspace(const QString &path)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, path] { w->openWorkspace(path); }, Qt::QueuedConnection);
}

void EngineClient::openDemo(const QString &dir)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, dir] { w->openDemo(dir); }, Qt::QueuedConnection);
}

void EngineClient::refresh()
{
    QMetaObject::invokeMethod(m_worker, &EngineWorker::refresh, Qt::QueuedConnection);
}

void EngineClient::startSync(const engine::SyncCommand &command)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, command] { w->startSync(command); }, Qt::QueuedConnection);
}

void EngineClient::terminate()
{
    m_worker->terminateOperation();
}

void EngineClient::loadHistory(const QString &app)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, app] { w->loadHistory(app); }, Qt::QueuedConnection);
}

void EngineClient::markEntryBad(const QString &app, qint64 historyId, const QString &reason)
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, app, historyId, reason] { w->markEntryBad(app, historyId, reason); },
        Qt::QueuedConnection);
}

void EngineClient::diffHistoryEntries(qint64 left, qint64 right, const QString &requester)
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, left, right, requester] { w->diffHistoryEntries(left, right, requester); },
        Qt::QueuedConnection);
}

void EngineClient::loadResourceTree(const QString &app)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, app] { w->loadResourceTree(app); }, Qt::QueuedConnection);
}

void EngineClient::useCluster(const std::optional<QString> &context)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, context] { w->useCluster(context); }, Qt::QueuedConnection);
}

void EngineClient::loadContexts()
{
    QMetaObject::invokeMethod(m_worker, &EngineWorker::loadContexts, Qt::QueuedConnection);
}

void EngineClient::fetchRemote()
{
    QMetaObject::invokeMethod(m_worker, &EngineWorker::fetchRemote, Qt::QueuedConnection);
}

void EngineClient::pullRemote()
{
    QMetaObject::invokeMethod(m_worker, &EngineWorker::pullRemote, Qt::QueuedConnection);
}

void EngineClient::pushRemote()
{
    QMetaObject::invokeMethod(m_worker, &EngineWorker::pushRemote, Qt::QueuedConnection);
}

void EngineClient::setGitToken(const QString &token)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, token] { w->setGitToken(token); }, Qt::QueuedConnection);
}

void EngineClient::loadGitLog(const QString &app)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, app] { w->loadGitLog(app); }, Qt::QueuedConnection);
}

void EngineClient::diffRevisions(const QString &app, const QString &left, const QString &right,
                                 const QString &requester)
{
    QMetaObject::invokeMethod(
        m_worker, [=, w = m_worker] { w->diffRevisions(app, left, right, requester); }, Qt::QueuedConnection);
}

void EngineClient::rollbackToHistory(const QString &app, qint64 historyId, int policy,
                                     const engine::SyncCommand &approval)
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, app, historyId, policy, approval] { w->rollbackToHistory(app, historyId, policy, approval); },
        Qt::QueuedConnection);
}

void EngineClient::loadImageHistory(const QString &app)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, app] { w->loadImageHistory(app); }, Qt::QueuedConnection);
}

void EngineClient::setImage(const QString &app, const QString &imageArgument, bool dryRun)
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, app, imageArgument, dryRun] { w->setImage(app, imageArgument, dryRun); },
        Qt::QueuedConnection);
}

void EngineClient::promote(const QString &service, const QString &fromEnv, const QString &toEnv, const QString &note,
                           bool dryRun)
{
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, service, fromEnv, toEnv, note, dryRun] { w->promote(service, fromEnv, toEnv, note, dryRun); },
        Qt::QueuedConnection);
}

void EngineClient::loadRevertCandidates(const QString &app)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, app] { w->loadRevertCandidates(app); }, Qt::QueuedConnection);
}

void EngineClient::revertCommit(const QString &app, const QString &commit, bool dryRun)
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, app, commit, dryRun] { w->revertCommit(app, commit, dryRun); },
        Qt::QueuedConnection);
}

} // namespace capstan::ui
