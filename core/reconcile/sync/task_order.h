#pragma once

// The order Argo CD (gitops-engine) runs sync tasks in.

#include "reconcile/sync/plan.h"

#include <string_view>
#include <vector>

namespace capstan::sync {

// Where a kind sorts within a wave: Namespace first, APIService last among known kinds,
// every other kind (custom resources) after all of them.
int kindRank(std::string_view kind);

// Reverses the waves of prune tasks (what was created last is deleted first) and moves
// PruneLast prune tasks after the last Sync wave.
void assignPruneWaves(std::vector<SyncTask> &tasks, bool pruneLast);

// Sorts by phase, wave, kind rank and name, then pulls each Namespace before the first task
// in it, and each CRD before the first resource of its kind (taking that task's phase and wave).
void orderTasks(std::vector<SyncTask> &tasks);

} // namespace capstan::sync
