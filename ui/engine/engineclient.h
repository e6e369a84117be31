#pragma once

#include "engine/engineworker.h"

#include <QObject>

class QThread;

namespace capstan::ui {

// The GUI thread's handle on the engine: starts the worker on its own thread,
// forwards requests to it queued and keeps the newest results it published.
class EngineClient final : public QObject
{
    Q_OBJECT

public:
    explicit EngineClient(EngineSettings settings = {}, QObject *parent = nullptr);
    ~EngineClient() override;

    EngineWorker *worker() const { return m_worker; }
    SnapshotPtr snapshot() const { return m_snapshot; }
    ProjectWindowsPtr windows() const { return m_windows; }
    const EngineSettings &settings() const { return m_settings; }
    QDateTime now() const;
    bool operationRunning() const { return m_operationRunning; }
    // The context whose Argo CD is the engine; empty while Capstan's own engine is.
    QString argoCdContext() const { return m_argoCdContext; }

    void openWorkspace(const QString &path);
    void openDemo(const QString &dir);
    void refresh();
    void startSync(const engine::SyncCommand &command);
    void terminate();
    void loadHistory(const QString &app);
    void markEntryBad(const QString &app, qint64 historyId, const QString &reason);
    // Two history entries of `app`, older on the left; historyDiffReady carries `requester` back.
    void diffHistoryEntries(const QString &app, qint64 left, qint64 right, const QString &requester);
    void loadGitLog(const QString &app);
    // nullopt: the embedded sandbox; else a kubeconfig context.
    void useCluster(const std::optional<QString> &context);
    // The Argo CD in the context's cluster as the engine.
    void useArgoCd(const QString &context);
    void loadContexts();
    void fetchRemote();
    void pullRemote();
    void pushRemote();
    void setGitToken(const QString &token);
    void loadResourceTree(const QString &app);
    void diffRevisions(const QString &app, const QString &left, const QString &right, const QString &requester);
    void rollbackToHistory(const QString &app, qint64 historyId, int policy, const engine::SyncCommand &approval);
    void loadImageHistory(const QString &app);
    void setImage(const QString &app, const QString &imageArgument, bool dryRun);
    void loadRevertCandidates(const QString &app);
    void revertCommit(const QString &app, const QString &commit, bool dryRun);
    void promote(const QString &service, const QString &fromEnv, const QString &toEnv, const QString &note,
                 bool dryRun);

Q_SIGNALS:
    void snapshotChanged(capstan::ui::SnapshotPtr snapshot);
    void windowsChanged();

private:
    // Runs a worker slot on the engine thread with copies of the arguments.
    template<typename... Params, typename... Args>
    void post(void (EngineWorker::*slot)(Params...), Args &&...args)
    {
        QMetaObject::invokeMethod(
            m_worker,
            [w = m_worker, slot, ... copies = std::decay_t<Params>(std::forward<Args>(args))] { (w->*slot)(copies...); },
            Qt::QueuedConnection);
    }

    EngineSettings m_settings;
    QThread *m_thread;
    EngineWorker *m_worker;
    SnapshotPtr m_snapshot;
    ProjectWindowsPtr m_windows;
    bool m_operationRunning = false;
    QString m_argoCdContext;
};

} // namespace capstan::ui
