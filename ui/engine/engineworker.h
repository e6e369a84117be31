#pragma once

#include "engine/enginetypes.h"
#include "reconcile/engine/workspace.h"

#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>
#include <mutex>

class QTimer;

namespace capstan::ui {

class ArgoCdSession;

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
    void diffHistoryEntries(const QString &app, qint64 left, qint64 right, const QString &requester);
    // `app`'s resources and what the cluster made for them (resourceTreeReady).
    void loadResourceTree(const QString &app);
    // Which cluster the workspace deploys to (engineworker_cluster.cpp): the
    // embedded sandbox (nullopt) or a kubeconfig context; reopens the workspace.
    void useCluster(const std::optional<QString> &context);
    // The Argo CD running in a kubeconfig context's cluster as the engine
    // (engineworker_argocd.cpp): its Applications replace the workspace's in every
    // view, and Sync, Rollback and Terminate ask it. The workspace stays open for
    // Git: Git's side of diffs is rendered from it. useCluster() leaves this mode.
    void useArgoCd(const QString &context);
    // The kubeconfig's contexts (contextsReady).
    void loadContexts();
    // The Git remote (engineworker_remote.cpp): fetch updates the remote status
    // (also on every poll); pull fast-forwards the branch; push sends Capstan's
    // commits, replaying them when the remote moved on. Results: remoteStatusReady
    // and remoteActionFinished.
    void fetchRemote();
    void pullRemote();
    void pushRemote();
    // The token https remotes get (from the keyring); kept in memory only.
    void setGitToken(const QString &token);
    // The commits that changed what `app` renders (gitLogReady).
    void loadGitLog(const QString &app);
    // `app` rendered at two revisions, older on the left (historyDiffReady).
    void diffRevisions(const QString &app, const QString &left, const QString &right, const QString &requester);
    // Rolls `app` back to history entry `historyId` (engine's history rollback,
    // run to its end) and reports through historyRollbackFinished. policy: how
    // automated sync treats the rollback (gitops::AutoSyncPolicy as int).
    void rollbackToHistory(const QString &app, qint64 historyId, int policy, const capstan::engine::SyncCommand &approval);
    // Git changes (engineworker_gitops.cpp). A dry run only previews; every
    // result leaves through gitChangeReady or, verbatim, gitChangeRefused.
    void loadImageHistory(const QString &app);
    // imageArgument: "IMAGE=TAG" as `capstan rollback --image` takes it.
    void setImage(const QString &app, const QString &imageArgument, bool dryRun);
    void loadRevertCandidates(const QString &app);
    void revertCommit(const QString &app, const QString &commit, bool dryRun);
    void promote(const QString &service, const QString &fromEnv, const QString &toEnv, const QString &note,
                 bool dryRun);

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
    void gitLogReady(capstan::ui::GitLogPtr log);
    void resourceTreeReady(capstan::ui::ResourceTreePtr tree);
    void remoteStatusReady(const capstan::ui::RemoteStatus &status);
    // contexts: every kubeconfig context; current: the one in use ("" for the sandbox);
    // argoCd: the context whose Argo CD is the engine ("" when Capstan is); error: why
    // there is no kubeconfig to read.
    void contextsReady(const QStringList &contexts, const QString &current, const QString &argoCd,
                       const QString &error);
    // Argo CD in `context` (its Applications in namespace `ns`) is the engine now.
    void argoCdOpened(const QString &context, const QString &ns);
    // action: "fetch", "pull" or "push"; message: what happened, or why not.
    void remoteActionFinished(const QString &action, bool succeeded, const QString &message);
    // succeeded: the rollback ran and succeeded; message: what it did, and how to update Git.
    void historyRollbackFinished(const QString &app, bool succeeded, const QString &message);
    // The images `app` has run, newest first, as "IMAGE=TAG" arguments; bad: those marked bad.
    void imageHistoryReady(const QString &app, const QStringList &images, const QStringList &bad,
                           const QString &suggested);
    // The commits `app`'s git revert may undo, newest first: ids, "abc1234 subject" labels,
    // the ids flagged (marked bad, a revert, already reverted) and the suggested one.
    void revertCandidatesReady(const QString &app, const QStringList &commits, const QStringList &labels,
                               const QStringList &flagged, const QString &suggested);
    // action: "rollback" or "promote"; commit is empty after a dry run.
    void gitChangeReady(const QString &action, const QString &preview, const QString &message,
                        const QString &commit);
    void gitChangeRefused(const QString &action, const QString &message);

private:
    QDateTime now() const;
    void open(const QString &path);
    void stepOperation();
    void tick();
    void poll();
    void publishWindows(const engine::WorkspaceSnapshot &snapshot);
    // Argo CD mode (engineworker_argocd.cpp).
    void refreshArgoCd();
    void reportArgoCdOperation();
    void startArgoCdOperation(const QString &app, const capstan::Result<void> &requested, bool rollback);
    void terminateArgoCdOperation();

    EngineSettings m_settings;
    std::unique_ptr<engine::Workspace> m_workspace;
    std::unique_ptr<engine::AppOperation> m_operation;
    std::mutex m_operationMutex; // guards m_operation against terminateOperation()
    QTimer *m_pollTimer;
    QTimer *m_tickTimer;
    QTimer *m_stepTimer;
    int m_fastPollsLeft = 0;
    std::string m_windowsRevision;
    QString m_gitToken;
    std::optional<QString> m_context; // nullopt: the sandbox
    QString m_path;                   // the workspace open now
    RemoteStatus m_remote;
    void publishRemoteStatus(const QString &fetchError);

    std::unique_ptr<ArgoCdSession> m_argo; // set: Argo CD is the engine
    QTimer *m_argoChangeTimer;             // gathers a burst of Application changes into one refresh
    struct ArgoCdOperation
    {
        QString app;
        bool rollback = false;
    };
    std::optional<ArgoCdOperation> m_argoOperation; // asked of Argo CD by this console, not yet finished
};

} // namespace capstan::ui
