#pragma once

#include "argo/sync_window.h"
#include "reconcile/engine/workspace.h"
#include "reconcile/sync/runner.h"

#include <memory>
#include <optional>

namespace capstan::engine {

// What a person (or the automated policy) asks for.
struct SyncCommand
{
    std::string app;
    sync::SyncRequest request;
    argo::SyncTrigger trigger = argo::SyncTrigger::Manual;
    std::string initiatedBy;            // a user name, or "automated"
    std::string approvalNote;           // required where the project asks for approval
    std::vector<std::string> approvers; // distinct people who approved
    // Sync what Git had at this revision instead of the application's targetRevision.
    QString revision;
    // History rollback: sync the manifests recorded in this history entry instead of Git's.
    std::optional<std::int64_t> historyId;
};

// A running sync of one application, recorded in the workspace's history:
// begun there before anything is applied, finished after.
class AppOperation final
{
public:
    ~AppOperation();

    // One bounded piece of work; true once finished (and recorded).
    bool step();
    // Steps to the end.
    sync::OperationState run();
    void terminate() { m_operation->terminate(); }
    sync::OperationState state() const { return m_operation->state(); }
    std::int64_t recordId() const { return m_recordId; }
    const std::string &app() const { return m_app; }

private:
    friend Result<std::unique_ptr<AppOperation>> startSync(Workspace &, const SyncCommand &, const QDateTime &);
    AppOperation() = default;
    void record(bool finished);

    Workspace *m_workspace = nullptr;
    std::string m_app;
    std::int64_t m_recordId = 0;
    std::string m_manifests;
    std::unique_ptr<sync::SyncOperation> m_operation;
    bool m_recorded = false;
};

// Checks every gate — the application exists and has no error condition, the
// sync window allows this trigger, the approval the project requires is
// given — then plans the sync and records its start. A refusal changes
// nothing and is written to the audit log.
Result<std::unique_ptr<AppOperation>> startSync(Workspace &workspace, const SyncCommand &command,
                                                const QDateTime &now = QDateTime::currentDateTimeUtc());

// Syncs, in turn, every application whose automated policy asks for it in the
// last snapshot (out of sync, window open, revision not skipped after a
// rollback, not already tried and failed at this revision). Returns the
// finished operations.
std::vector<std::pair<std::string, sync::OperationState>> runAutomatedSyncs(
    Workspace &workspace, const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace capstan::engine
