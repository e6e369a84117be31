#pragma once

// The operations Capstan asks Argo CD for, built as Argo CD's API server builds them
// (server/application/application.go: Sync, Rollback, TerminateOperation) and checked
// by its rules. Pure functions over the Application object: they return the object to
// write back, or the refusal.

#include "argocd/action_result.h"
#include "cluster/resource_key.h"
#include "manifest/object.h"

#include <cstdint>
#include <string>
#include <vector>

namespace capstan::argocd {

// operation.sync.syncStrategy: hook (Argo CD's default: hooks run) or apply (kubectl apply
// only, hooks skipped; what rollback uses). `force` replaces objects that cannot be patched.
enum class SyncStrategy { Hook, Apply };

// Capstan's gates, carried with the operation as info entries.
struct Approval
{
    std::string note;
    std::vector<std::string> approvers;
};

struct SyncRequest
{
    std::string revision; // empty: spec.source.targetRevision (Argo CD resolves it)
    bool prune = false;
    bool dryRun = false;
    std::vector<cluster::ResourceKey> resources; // empty: the whole application
    SyncStrategy strategy = SyncStrategy::Hook;
    bool force = false;
    std::string username; // operation.initiatedBy.username
    Approval approval;
};

struct RollbackRequest
{
    std::int64_t historyId = 0; // status.history[].id
    bool prune = false;
    bool dryRun = false;
    std::string username;
    Approval approval;
};

// The Application with `operation` set to the sync (and status.operationState cleared, as
// Argo CD does), or a refusal: an operation in progress, the Application being deleted, a
// revision other than targetRevision while automated sync is on (and not a dry run).
ActionResult withSyncOperation(const manifest::Object &application, const SyncRequest &request);
// As above for a rollback to a history entry: its revision and source, strategy apply, the
// spec's sync options. Refused while automated sync is on, for an unknown id, and for an
// entry without a source.
ActionResult withRollbackOperation(const manifest::Object &application, const RollbackRequest &request);
// The Application with status.operationState.phase Terminating; refused when no operation
// is in progress.
ActionResult withTermination(const manifest::Object &application);

// A refusal naming the Application.
ActionError refuse(const manifest::Object &application, Refusal refusal, std::string message);

} // namespace capstan::argocd
