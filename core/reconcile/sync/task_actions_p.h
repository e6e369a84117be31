#pragma once

// What the runner does to one task: apply, prune, delete, and read its progress.

#include "cluster/cluster.h"
#include "reconcile/sync/operation_state.h"
#include "reconcile/sync/plan.h"

#include <optional>
#include <string>

namespace capstan::sync::detail {

struct Outcome
{
    ResultCode code = ResultCode::Synced;
    std::string message;
    std::optional<manifest::Object> live; // the object as the cluster now has it, after an apply
};

// Applies the task's target ("deployment.apps/web created", "... configured", "... unchanged").
// A NotFound for a namespace or kind that this plan creates earlier is no failure in a dry run.
Outcome applyTask(cluster::Cluster &cluster, const SyncPlan &plan, const SyncTask &task, bool dryRun);

// Prunes the task's live object, unless pruning is off or the object says Prune=false.
Outcome pruneTask(cluster::Cluster &cluster, const SyncPlan &plan, const SyncTask &task, bool dryRun);

// The progress of an applied object from its live state: a hook runs until complete, a
// resource until healthy (Degraded fails it; anything else keeps it Running). An empty
// message means the object has no health check.
struct Progress
{
    OperationPhase phase = OperationPhase::Running;
    std::string message;
};
Progress hookProgress(const manifest::Object &live);
Progress resourceProgress(const manifest::Object &live);

// "group/Kind/name", as Argo CD names a resource in operation messages.
std::string describe(const SyncTask &task);

// The message with every data value of a Secret (object) masked; other objects unchanged.
std::string redact(std::string message, const manifest::Object &object);

} // namespace capstan::sync::detail
