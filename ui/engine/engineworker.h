#pragma once

#include "engine/enginetypes.h"
#include "reconcile/engine/workspace.h"

#include <QObject>

#include <memory>
#include <mutex>

class QTimer;

namespace capstan::ui {

// The engine's thread: owns the Workspace (Git, renders, compare, the sandbox
// cluster, history) and is the only code that touches it. Lives on its own
// QThread; its slots are invoked queued and its results leave as immutable
// values in queued signals, so the GUI thread never waits for it.
class EngineWorker final : public QObject
{
    Q_OBJECT

public:
    explicit EngineWorker(EngineSettings settings, QObject *parent = nullptr);
    ~EngineWorker() override;

    // Thread-safe: asks the running operation to stop before its next step.
    void terminateOperation();

public Q_SLOTS:
    // Opens a GitOps repository (a folder in its work tree).
    void openWorkspace(const QString &path);
    // Opens the demo workspace at dir, creating it first when it is not there.
    void openDemo(const QString &dir);
    void refresh();
    void startSync(const capstan::engine::SyncCommand &command);
    void loadHistory(const QString &app);
    void markEntryBad(const QString &app, qint64 historyId, const QString &reason);
    // The stored manifests of two history entries, older on the left.
    void diffHistoryEntries(qint64 left, qint64 right);

Q_SIGNALS:
    void busy(const QString &message);
    void workspaceOpened(const QString &path, const QString &branch);
    void failed(const QString &message);
    void snapshotReady(capstan::ui::SnapshotPtr snapshot);
    void windowsReady(capstan::ui::ProjectWindowsPtr windows);
    // The engine's refusal, verbatim.
    void syncRefused(const QString &app, const QString &message);
    void operationStarted(const QString &app, qint64 recordId);
    void operationProgress(const QString &app, const capstan::sync::OperationState &state);
    void operationFinished(const QString &app, const capstan::sync::OperationState &state);
    void historyReady(capstan::ui::HistoryListPtr history);
    void historyDiffReady(capstan::ui::DiffSetPtr diffs);

private:
    QDateTime now() const;
    void open(const QString &path);
    void stepOperation();
    void tick();
    void poll();
    void publishWindows(const engine::WorkspaceSnapshot &snapshot);

    EngineSettings m_settings;
    std::unique_ptr<engine::Workspace> m_workspace;
    std::unique_ptr<engine::AppOperation> m_operation;
    std::mutex m_operationMutex; // guards m_operation against terminateOperation()
    QTimer *m_pollTimer;
    QTimer *m_tickTimer;
    QTimer *m_stepTimer;
    int m_fastPollsLeft = 0;
    std::string m_windowsRevision;
};

} // namespace capstan::ui
