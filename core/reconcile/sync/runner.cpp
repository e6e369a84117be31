#include "reconcile/sync/runner.h"

#include "reconcile/sync/task_actions_p.h"

#include <algorithm>
#include <ctime>
#include <thread>
#include <utility>

namespace capstan::sync {

using detail::describe;

struct SyncOperation::TaskRun
{
    std::optional<ResultCode> status;
    std::optional<OperationPhase> phase; // nullopt: not acted on yet
    std::string message;
    std::string progress; // the latest health message while Running (for a timeout)
    bool awaitingDeletion = false; // pruned; gone once get() says NotFound
};

namespace {

// Go's time.Kitchen layout ("3:04PM"), in UTC, as Argo CD's retry message shows it.
std::string kitchen(std::chrono::system_clock::time_point at)
{
    const std::time_t t = std::chrono::system_clock::to_time_t(at);
    std::tm tm {};
    gmtime_r(&t, &tm);
    const int hour = tm.tm_hour % 12 == 0 ? 12 : tm.tm_hour % 12;
    char text[16];
    std::snprintf(text, sizeof text, "%d:%02d%s", hour, tm.tm_min, tm.tm_hour < 12 ? "AM" : "PM");
    return text;
}

} // namespace

SyncOperation::SyncOperation(cluster::Cluster &cluster, SyncPlan plan, RunSettings settings)
    : m_cluster(cluster)
    , m_plan(std::move(plan))
    , m_settings(std::move(settings))
    , m_runs(m_plan.tasks.size())
{
    m_state.dryRun = m_plan.dryRun;
    m_state.revision = m_plan.revision;
}

SyncOperation::~SyncOperation() = default;

std::chrono::system_clock::time_point SyncOperation::now() const
{
    return m_settings.now ? m_settings.now() : std::chrono::system_clock::now();
}

bool SyncOperation::step()
{
    std::unique_lock lock(m_mutex);
    if (isCompleted(m_state.phase))
        return true;
    if (m_terminate) {
        doTerminate();
        publish();
        return true;
    }
    if (m_state.nextRetryAt) {
        if (now() < *m_state.nextRetryAt)
            return false;
        resetAttempt();
    }
    if (!m_started) {
        m_started = true;
        if (m_state.retryCount == 0)
            m_state.startedAt = now();
        start();
    } else {
        advance();
    }
    publish();
    const bool done = isCompleted(m_state.phase);
    const auto wait = std::exchange(m_waitAfterStep, std::nullopt);
    // state() and terminate() must not block on the wait.
    lock.unlock();
    if (wait)
        pause(*wait);
    return done;
}

void SyncOperation::pause(std::chrono::seconds duration) const
{
    if (m_settings.wait)
        m_settings.wait(duration);
    else
        std::this_thread::sleep_for(duration);
}

void SyncOperation::run()
{
    while (!step()) {
        const OperationState s = state();
        if (!s.nextRetryAt)
            continue;
        const auto due = std::chrono::ceil<std::chrono::seconds>(*s.nextRetryAt - now());
        if (due.count() > 0)
            pause(due);
    }
}

void SyncOperation::terminate()
{
    m_terminate = true;
}

bool SyncOperation::finished() const
{
    std::lock_guard lock(m_mutex);
    return isCompleted(m_state.phase);
}

OperationState SyncOperation::state() const
{
    std::lock_guard lock(m_mutex);
    OperationState s = m_state;
    if (m_terminate && s.phase == OperationPhase::Running)
        s.phase = OperationPhase::Terminating;
    return s;
}

void SyncOperation::record(std::size_t i, ResultCode code, const std::string &message)
{
    TaskRun &run = m_runs[i];
    run.status = code;
    if (!message.empty())
        run.message = message;
    switch (code) {
    case ResultCode::Synced:
        // Nothing is created in a dry run, so there is nothing to wait for.
        run.phase = m_plan.dryRun ? OperationPhase::Succeeded : OperationPhase::Running;
        break;
    case ResultCode::Pruned:
    case ResultCode::PruneSkipped:
        run.phase = OperationPhase::Succeeded;
        break;
    case ResultCode::SyncFailed:
        run.phase = OperationPhase::Failed;
        break;
    }
}

void SyncOperation::start()
{
    m_state.phase = OperationPhase::Running;
    m_state.message = "one or more tasks are running";
    for (std::size_t i = 0; i < m_plan.tasks.size(); ++i) {
        if (!m_plan.tasks[i].createsNamespace)
            continue;
        const auto outcome = detail::applyTask(m_cluster, m_plan, m_plan.tasks[i], m_plan.dryRun);
        record(i, outcome.code, outcome.message);
        if (outcome.code == ResultCode::SyncFailed) {
            fail({ i }, "the namespace failed to apply");
            return;
        }
    }
    // Every object is dry-run first, so an invalid one stops the sync before anything changed.
    // Hooks are left out: re-creating one (BeforeHookCreation) may change fields an update may not.
    std::vector<std::size_t> invalid;
    for (std::size_t i = 0; i < m_plan.tasks.size(); ++i) {
        const SyncTask &task = m_plan.tasks[i];
        if (task.isPrune() || task.createsNamespace || task.hook || !m_plan.options.validate
            || hasResourceOption(*task.target, "Validate=false"))
            continue;
        const auto outcome = detail::applyTask(m_cluster, m_plan, task, true);
        if (outcome.code == ResultCode::SyncFailed) {
            record(i, outcome.code, outcome.message);
            invalid.push_back(i);
        }
    }
    if (!invalid.empty())
        finish(OperationPhase::Failed, withReasons("one or more objects failed to apply (dry run)", invalid));
}

bool SyncOperation::multiStep() const
{
    if (m_plan.tasks.empty())
        return false;
    const SyncTask &first = m_plan.tasks.front();
    const SyncTask &last = m_plan.tasks.back();
    return first.phase != last.phase || first.wave != last.wave;
}

void SyncOperation::refreshRunning()
{
    if (m_plan.dryRun)
        return;
    for (std::size_t i = 0; i < m_plan.tasks.size(); ++i) {
        TaskRun &run = m_runs[i];
        const SyncTask &task = m_plan.tasks[i];
        if (run.phase != OperationPhase::Running || task.isPrune())
            continue;
        const auto live = m_cluster.get(task.key());
        if (!live)
            continue;
        const detail::Progress p = task.hook ? detail::hookProgress(*live) : detail::resourceProgress(*live);
        run.progress = p.message;
        if (p.phase == OperationPhase::Running)
            continue;
        run.phase = p.phase;
        if (!p.message.empty())
            run.message = p.message;
    }
}

void SyncOperation::advance()
{
    refreshRunning();
    const bool multi = multiStep();
    std::vector<std::size_t> running, deleting;
    for (std::size_t i = 0; i < m_plan.tasks.size(); ++i) {
        if (m_runs[i].phase == OperationPhase::Running && (multi || m_plan.tasks[i].hook))
            running.push_back(i);
        if (m_runs[i].awaitingDeletion) {
            if (m_cluster.get(m_plan.tasks[i].key()).code() == cluster::ErrorCode::NotFound)
                m_runs[i].awaitingDeletion = false;
            else
                deleting.push_back(i);
        }
    }
    if (!running.empty()) {
        waitFor(running, m_plan.tasks[running.front()].hook ? "completion of hook" : "healthy state of");
        return;
    }
    if (!deleting.empty()) {
        waitFor(deleting, "deletion of");
        return;
    }
    if (m_failure) {
        std::vector<std::size_t> failedHooks;
        for (std::size_t i = 0; i < m_plan.tasks.size(); ++i)
            if (m_plan.tasks[i].phase == SyncPhase::SyncFail && m_runs[i].phase == OperationPhase::Failed)
                failedHooks.push_back(i);
        std::string message = *m_failure;
        if (!failedHooks.empty())
            message += "\n" + withReasons("one or more SyncFail hooks failed", failedHooks);
        finish(OperationPhase::Failed, message);
        return;
    }

    std::vector<std::size_t> unsuccessful, pending;
    for (std::size_t i = 0; i < m_plan.tasks.size(); ++i) {
        if (m_plan.tasks[i].phase == SyncPhase::SyncFail)
            continue;
        if (!m_runs[i].phase)
            pending.push_back(i);
        else if (isCompleted(*m_runs[i].phase) && *m_runs[i].phase != OperationPhase::Succeeded)
            unsuccessful.push_back(i);
    }
    if (!unsuccessful.empty()) {
        fail(unsuccessful, "one or more synchronization tasks completed unsuccessfully");
        return;
    }
    if (pending.empty()) {
        finish(OperationPhase::Succeeded, "successfully synced (all tasks run)");
        return;
    }

    const SyncTask &head = m_plan.tasks[pending.front()];
    std::vector<std::size_t> wave;
    bool more = false;
    for (const std::size_t i : pending) {
        const SyncTask &t = m_plan.tasks[i];
        const bool inWave = t.phase == head.phase && t.wave == head.wave;
        if (inWave)
            wave.push_back(i);
        // A wave with hooks is waited for even when it is the last.
        more = more || !inWave || t.hook;
    }
    std::vector<std::size_t> beingReplaced;
    if (!runWave(wave, beingReplaced)) {
        waitFor(beingReplaced, "deletion of");
        return;
    }
    m_waited = std::chrono::seconds(0);
    std::vector<std::size_t> failed;
    for (const std::size_t i : wave)
        if (m_runs[i].status == ResultCode::SyncFailed)
            failed.push_back(i);
    if (!failed.empty())
        fail(failed, "one or more objects failed to apply");
    else if (!more)
        finish(OperationPhase::Succeeded, "successfully synced (all tasks run)");
}

bool SyncOperation::runWave(const std::vector<std::size_t> &wave, std::vector<std::size_t> &beingReplaced)
{
    for (const std::size_t i : wave) {
        const SyncTask &task = m_plan.tasks[i];
        if (!task.isPrune())
            continue;
        const auto outcome = detail::pruneTask(m_cluster, m_plan, task, m_plan.dryRun);
        record(i, outcome.code, outcome.message);
        m_runs[i].awaitingDeletion = outcome.code == ResultCode::Pruned && !m_plan.dryRun;
        if (outcome.code == ResultCode::SyncFailed)
            return true;
    }
    if (!m_plan.dryRun) {
        for (const std::size_t i : wave) {
            const SyncTask &task = m_plan.tasks[i];
            if (!task.hasDeletePolicy(HookDeletePolicy::BeforeHookCreation))
                continue;
            const auto live = m_cluster.get(task.key());
            if (!live)
                continue;
            if (!live->root().at({ "metadata", "deletionTimestamp" })) {
                auto removed = m_cluster.remove(task.key(), cluster::Propagation::Foreground);
                if (!removed && removed.code() != cluster::ErrorCode::NotFound) {
                    record(i, ResultCode::SyncFailed,
                        "failed to delete resource: " + detail::redact(removed.error().message, *task.target));
                    return true;
                }
            }
            if (m_cluster.get(task.key()).ok())
                beingReplaced.push_back(i);
        }
        if (!beingReplaced.empty())
            return false;
    }
    for (const std::size_t i : wave) {
        const SyncTask &task = m_plan.tasks[i];
        if (task.isPrune())
            continue;
        const auto outcome = detail::applyTask(m_cluster, m_plan, task, m_plan.dryRun);
        record(i, outcome.code, outcome.message);
    }
    return true;
}

void SyncOperation::waitFor(const std::vector<std::size_t> &tasks, const char *what)
{
    const SyncTask &first = m_plan.tasks[tasks.front()];
    std::string subject = std::string(what) + " " + describe(first);
    if (tasks.size() > 1)
        subject += " and " + std::to_string(tasks.size() - 1) + " more " + (first.hook ? "hooks" : "resources");
    if (m_waited >= m_settings.waveTimeout) {
        const std::string timeout = "timed out after " + std::to_string(m_waited.count()) + "s waiting for " + subject;
        const std::string &progress = m_runs[tasks.front()].progress;
        for (const std::size_t i : tasks) {
            m_runs[i].phase = OperationPhase::Failed;
            m_runs[i].awaitingDeletion = false;
            m_runs[i].message = "timed out" + (m_runs[i].progress.empty() ? "" : ": " + m_runs[i].progress);
        }
        const std::string message = progress.empty() ? timeout : timeout + ": " + progress;
        if (m_failure)
            finish(OperationPhase::Failed, *m_failure + "\n" + message);
        else
            fail({}, message);
        return;
    }
    m_state.message = "waiting for " + subject;
    m_waitAfterStep = m_settings.pollInterval;
    m_waited += m_settings.pollInterval;
}

std::string SyncOperation::withReasons(const std::string &message, const std::vector<std::size_t> &tasks) const
{
    std::string reasons;
    for (const std::size_t i : tasks) {
        if (m_runs[i].message.empty())
            continue;
        reasons += (reasons.empty() ? "" : ", ") + describe(m_plan.tasks[i]) + ": " + m_runs[i].message;
    }
    return reasons.empty() ? message : message + ", reason: " + reasons;
}

void SyncOperation::fail(const std::vector<std::size_t> &failedTasks, const std::string &message)
{
    const std::string full = withReasons(message, failedTasks);
    std::vector<std::size_t> syncFail;
    for (std::size_t i = 0; i < m_plan.tasks.size(); ++i)
        if (m_plan.tasks[i].phase == SyncPhase::SyncFail && !m_runs[i].phase)
            syncFail.push_back(i);
    if (syncFail.empty() || m_plan.dryRun) {
        finish(OperationPhase::Failed, full);
        return;
    }
    m_failure = full;
    m_waited = std::chrono::seconds(0);
    std::vector<std::size_t> beingReplaced;
    runWave(syncFail, beingReplaced);
    std::vector<std::size_t> failedHooks;
    for (const std::size_t i : syncFail)
        if (m_runs[i].status == ResultCode::SyncFailed)
            failedHooks.push_back(i);
    if (!failedHooks.empty())
        finish(OperationPhase::Failed, full + "\n" + withReasons("one or more SyncFail hooks failed", failedHooks));
    else
        m_state.message = "waiting for completion of hook " + describe(m_plan.tasks[syncFail.front()]);
}

void SyncOperation::deleteHooks(HookDeletePolicy policy)
{
    for (std::size_t i = 0; i < m_plan.tasks.size(); ++i) {
        const SyncTask &task = m_plan.tasks[i];
        if (!task.hasDeletePolicy(policy) || m_runs[i].status != ResultCode::Synced)
            continue;
        auto removed = m_cluster.remove(task.key(), cluster::Propagation::Background);
        if (!removed && removed.code() != cluster::ErrorCode::NotFound) {
            m_runs[i].phase = OperationPhase::Error;
            m_runs[i].message = "failed to delete resource: " + detail::redact(removed.error().message, *task.target);
        }
    }
}

void SyncOperation::finish(OperationPhase phase, const std::string &message)
{
    if (!m_plan.dryRun)
        deleteHooks(
            phase == OperationPhase::Succeeded ? HookDeletePolicy::HookSucceeded : HookDeletePolicy::HookFailed);
    m_state.finishedAt = now();
    m_state.phase = phase;
    m_state.message = message;
    m_failure.reset();
    if (phase == OperationPhase::Succeeded)
        return;
    const auto &retry = m_plan.retry;
    if (retry && !m_terminate && retry->allowsRetry(m_state.retryCount)) {
        const auto delay = retry->delay(m_state.retryCount);
        if (!delay) {
            m_state.message += " (failed to retry: " + delay.error().message + ")";
            return;
        }
        const auto at = *m_state.finishedAt + std::chrono::duration_cast<std::chrono::system_clock::duration>(*delay);
        ++m_state.retryCount;
        m_state.phase = OperationPhase::Running;
        m_state.nextRetryAt = at;
        m_state.message += ". Retrying attempt #" + std::to_string(m_state.retryCount) + " at " + kitchen(at) + ".";
    } else if (m_state.retryCount > 0) {
        m_state.message += " (retried " + std::to_string(m_state.retryCount) + " times).";
    }
}

void SyncOperation::resetAttempt()
{
    m_runs.assign(m_plan.tasks.size(), TaskRun {});
    m_started = false;
    m_failure.reset();
    m_waited = std::chrono::seconds(0);
    m_state.nextRetryAt.reset();
    m_state.finishedAt.reset();
}

void SyncOperation::doTerminate()
{
    // Running hooks (a migration Job, say) are stopped; applied resources stay as they are.
    bool clean = true;
    for (std::size_t i = 0; i < m_plan.tasks.size(); ++i) {
        const SyncTask &task = m_plan.tasks[i];
        if (!task.hook || m_runs[i].phase != OperationPhase::Running)
            continue;
        auto removed = m_cluster.remove(task.key(), cluster::Propagation::Background);
        const bool deleted = removed || removed.code() == cluster::ErrorCode::NotFound;
        clean = clean && deleted;
        m_runs[i].phase = OperationPhase::Failed;
        m_runs[i].message
            = deleted ? "Deleted" : "Failed to delete: " + detail::redact(removed.error().message, *task.target);
    }
    m_state.nextRetryAt.reset();
    m_state.finishedAt = now();
    m_state.phase = clean ? OperationPhase::Failed : OperationPhase::Error;
    m_state.message = clean ? "Operation terminated" : "Operation termination had errors";
}

void SyncOperation::publish()
{
    m_state.resources.clear();
    for (std::size_t i = 0; i < m_plan.tasks.size(); ++i) {
        const TaskRun &run = m_runs[i];
        if (!run.phase && !run.status)
            continue;
        const SyncTask &task = m_plan.tasks[i];
        const cluster::ResourceKey key = task.key();
        ResourceResult r;
        r.group = key.group;
        r.kind = key.kind;
        r.ns = key.ns;
        r.name = key.name;
        std::string group;
        manifest::splitApiVersion(task.object().apiVersion(), group, r.version);
        r.status = run.status;
        r.hookPhase = run.phase.value_or(OperationPhase::Running);
        if (task.hook)
            r.hookType = task.phase;
        r.syncPhase = task.phase;
        r.wave = task.wave;
        r.message = run.message;
        m_state.resources.push_back(std::move(r));
    }
}

} // namespace capstan::sync
