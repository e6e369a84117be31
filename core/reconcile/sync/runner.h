#pragma once

// Runs a SyncPlan against a cluster, a bounded amount of work per step.

#include "cluster/cluster.h"
#include "reconcile/sync/operation_state.h"
#include "reconcile/sync/plan.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace capstan::sync {

// How the runner waits and tells time. Tests against a SandboxCluster pass a `wait` that
// advances the sandbox clock and a `now` that reads it.
struct RunSettings
{
    // Called while resources of a wave are becoming healthy; null sleeps for real.
    std::function<void(std::chrono::seconds)> wait;
    // The time for startedAt/finishedAt and retries; null reads the system clock.
    std::function<std::chrono::system_clock::time_point()> now;
    std::chrono::seconds pollInterval { 2 }; // one wait
    // How long (in waited time) a wave may take to become healthy, hooks to complete, or pruned
    // resources to go, before the operation fails.
    std::chrono::seconds waveTimeout { 300 };
};

// One sync operation. The controller calls step() on a worker thread until it returns true,
// reporting state() between steps; terminate() and state() may be called from any thread.
//
// Semantics follow Argo CD's sync: the first step creates the destination namespace
// (CreateNamespace) and dry-runs every object, failing before anything is applied if one is
// invalid; later steps run one phase/wave at a time (prune tasks first, then hooks'
// BeforeHookCreation deletions, then applies in kind order) and wait until the wave's
// resources are healthy and its hooks complete before the next one. The last wave of plain
// resources is not waited for. A failure runs the SyncFail hooks, then ends Failed.
class SyncOperation final
{
public:
    SyncOperation(cluster::Cluster &cluster, SyncPlan plan, RunSettings settings = {});
    ~SyncOperation();
    SyncOperation(const SyncOperation &) = delete;
    SyncOperation &operator=(const SyncOperation &) = delete;

    // Does the next bounded piece of work; true once the operation is finished (Succeeded,
    // Failed or Error and no retry pending). While a retry is pending (state().nextRetryAt),
    // a step before that time does nothing and returns false.
    bool step();
    // Steps until finished, waiting (settings.wait) for retries that are due later.
    void run();

    // Stops the operation before its next step: running hooks are deleted and it ends Failed
    // with "Operation terminated". state().phase reads Terminating until then.
    void terminate();

    bool finished() const;
    OperationState state() const;
    const SyncPlan &plan() const { return m_plan; }

private:
    struct TaskRun;

    void start();
    void advance();
    // Prunes, deletes hooks to be re-created, applies; false while such a hook is still going.
    bool runWave(const std::vector<std::size_t> &wave, std::vector<std::size_t> &beingReplaced);
    void refreshRunning();
    void record(std::size_t task, ResultCode code, const std::string &message);
    void waitFor(const std::vector<std::size_t> &tasks, const char *what);
    std::string withReasons(const std::string &message, const std::vector<std::size_t> &tasks) const;
    void fail(const std::vector<std::size_t> &failedTasks, const std::string &message);
    void finish(OperationPhase phase, const std::string &message);
    void deleteHooks(HookDeletePolicy policy);
    void doTerminate();
    void resetAttempt();
    void publish();
    bool multiStep() const;
    std::chrono::system_clock::time_point now() const;
    void pause(std::chrono::seconds duration) const;

    cluster::Cluster &m_cluster;
    SyncPlan m_plan;
    RunSettings m_settings;
    std::vector<TaskRun> m_runs;
    bool m_started = false;
    std::optional<std::string> m_failure; // set while the SyncFail hooks run
    std::chrono::seconds m_waited { 0 }; // in the current wave
    std::optional<std::chrono::seconds> m_waitAfterStep; // step() waits this long, unlocked
    OperationState m_state;
    mutable std::mutex m_mutex;
    std::atomic<bool> m_terminate { false };
};

} // namespace capstan::sync
