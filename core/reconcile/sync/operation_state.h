#pragma once

// The state of a sync operation as Argo CD reports it (Application.status.operationState).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace capstan::sync {

// The phases a sync runs through, in order; SyncFail runs only when the sync failed.
enum class SyncPhase { PreSync, Sync, PostSync, SyncFail };

enum class OperationPhase { Running, Terminating, Failed, Error, Succeeded };

// What happened to one resource.
enum class ResultCode { Synced, SyncFailed, Pruned, PruneSkipped };

const char *toString(SyncPhase phase);
const char *toString(OperationPhase phase);
const char *toString(ResultCode code);

// Failed, Error and Succeeded are final.
bool isCompleted(OperationPhase phase);

// One resource's outcome in a sync. Hooks appear once per phase they run in.
struct ResourceResult
{
    std::string group;
    std::string version;
    std::string kind;
    std::string ns;
    std::string name;
    std::optional<ResultCode> status; // nullopt until the resource was acted on
    // The resource's own progress: Running after apply until it is healthy (hooks: complete),
    // then Succeeded or Failed.
    OperationPhase hookPhase = OperationPhase::Running;
    std::optional<SyncPhase> hookType; // set for hooks: the phase the hook was declared for
    SyncPhase syncPhase = SyncPhase::Sync;
    int wave = 0;
    std::string message; // never contains a Secret's data
};

struct OperationState
{
    OperationPhase phase = OperationPhase::Running;
    std::string message;
    std::chrono::system_clock::time_point startedAt;
    std::optional<std::chrono::system_clock::time_point> finishedAt;
    std::vector<ResourceResult> resources; // in plan order
    bool dryRun = false;
    std::string revision;
    std::int64_t retryCount = 0;
    // When a failed attempt will be retried (phase is then Running); the caller schedules it.
    std::optional<std::chrono::system_clock::time_point> nextRetryAt;
};

} // namespace capstan::sync
