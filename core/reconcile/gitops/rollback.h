#pragma once

#include "reconcile/engine/sync_controller.h"
#include "reconcile/gitops/git_change.h"

namespace capstan::gitops {

// What a history rollback does about automated sync, which would otherwise put
// Git's revision straight back.
enum class AutoSyncPolicy {
    // Refuse to roll back an application with automated sync (Argo CD's rule).
    Refuse,
    // Automated sync skips the application until resumeAutoSync(), whatever is committed.
    Suspend,
    // Automated sync stays on but skips the rolled-back revision, and every later
    // one that renders the application the same, until a commit changes it.
    RollbackAware,
};

struct RollbackOptions
{
    AutoSyncPolicy policy = AutoSyncPolicy::Refuse;
    std::string initiatedBy; // default: engine::currentUser()
    std::string approvalNote;
    std::vector<std::string> approvers; // default: the initiator, when a note is given
};

struct RollbackResult
{
    std::int64_t operationId = 0;
    sync::OperationState state;
    bool autoSyncSkipped = false;
    // That the cluster now differs from Git, and how to update Git.
    std::string message;
};

// Syncs the manifests recorded in history entry `historyId` of `app` (the
// engine's history rollback, run to its end) under the automated-sync policy.
Result<RollbackResult> rollbackToHistory(engine::Workspace &workspace, const std::string &app, std::int64_t historyId,
    const RollbackOptions &options = {}, const QDateTime &now = QDateTime::currentDateTimeUtc());

// Carries each automated application's auto-sync skip to the revision it is at
// now while that revision renders it as the skipped one did (a suspension:
// always); a skip whose application has since changed is cleared. Returns the
// applications whose skips were cleared.
Result<std::vector<std::string>> carryAutoSyncSkips(engine::Workspace &workspace);

// carryAutoSyncSkips, then the engine's runAutomatedSyncs on a fresh refresh.
Result<std::vector<std::pair<std::string, sync::OperationState>>> runRollbackAwareAutomatedSyncs(
    engine::Workspace &workspace, const QDateTime &now = QDateTime::currentDateTimeUtc());

// Clears every auto-sync skip of the application; returns how many there were.
Result<int> resumeAutoSync(engine::Workspace &workspace, const std::string &app);

} // namespace capstan::gitops
