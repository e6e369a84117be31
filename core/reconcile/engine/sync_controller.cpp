#include "reconcile/engine/sync_controller.h"

#include "manifest/yaml_reader.h"
#include "manifest/yaml_writer.h"
#include "reconcile/engine/app_assessor.h"

#include <set>

namespace capstan::engine {

namespace {

history::ResourceStatus toHistory(std::optional<sync::ResultCode> code)
{
    switch (code.value_or(sync::ResultCode::SyncFailed)) {
    case sync::ResultCode::Synced:
        return history::ResourceStatus::Synced;
    case sync::ResultCode::Pruned:
        return history::ResourceStatus::Pruned;
    case sync::ResultCode::PruneSkipped:
        return history::ResourceStatus::PruneSkipped;
    case sync::ResultCode::SyncFailed:
        break;
    }
    return history::ResourceStatus::SyncFailed;
}

std::vector<history::ResourceResult> toHistory(const std::vector<sync::ResourceResult> &results)
{
    std::vector<history::ResourceResult> out;
    for (const sync::ResourceResult &r : results) {
        if (!r.status)
            continue;
        out.push_back({manifest::ResourceId{r.group, r.version, r.kind, r.ns, r.name}, toHistory(r.status), r.message});
    }
    return out;
}

history::OperationPhase toHistory(sync::OperationPhase phase)
{
    switch (phase) {
    case sync::OperationPhase::Running:
        return history::OperationPhase::Running;
    case sync::OperationPhase::Terminating:
        return history::OperationPhase::Terminating;
    case sync::OperationPhase::Succeeded:
        return history::OperationPhase::Succeeded;
    case sync::OperationPhase::Failed:
        return history::OperationPhase::Failed;
    case sync::OperationPhase::Error:
        break;
    }
    return history::OperationPhase::Error;
}

QDateTime toDateTime(std::chrono::system_clock::time_point t)
{
    return QDateTime::fromMSecsSinceEpoch(
        std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count(), Qt::UTC);
}

std::optional<sync::RetryStrategy> retryOf(const argo::Application &app)
{
    if (!app.syncPolicy.retry)
        return std::nullopt;
    const argo::RetryStrategy &r = *app.syncPolicy.retry;
    sync::RetryStrategy out;
    out.limit = r.limit;
    out.backoff = sync::Backoff{std::to_string(r.backoffDuration.count()) + "ms", r.backoffFactor,
                                std::to_string(r.backoffMaxDuration.count()) + "ms"};
    return out;
}

Error refuse(Workspace &ws, const SyncCommand &command, const std::string &reason)
{
    (void)ws.history().appendAudit(
        {0, QDateTime::currentDateTimeUtc(), command.initiatedBy, command.app, "sync-refused", reason});
    return makeError("sync of '" + command.app + "' refused: " + reason);
}

// The approval a project asks of a person before a manual, non-dry-run sync.
std::optional<std::string> missingApproval(const AppState &app, const SyncCommand &command)
{
    if (command.trigger == argo::SyncTrigger::Automated)
        return std::nullopt;
    const auto missing = engine::missingApproval(
        checkApproval(app, command.approvalNote, command.approvers, command.request.dryRun));
    if (!missing)
        return std::nullopt;
    return "the project requires " + *missing + " for a manual sync of '" + app.name + "'";
}

} // namespace

AppOperation::~AppOperation() = default;

void AppOperation::record(bool finished)
{
    const sync::OperationState s = m_operation->state();
    if (!finished) {
        (void)m_workspace->history().updateOperation(
            m_recordId, {toHistory(s.phase), s.message, toHistory(s.resources)});
        return;
    }
    if (m_recorded)
        return;
    m_recorded = true;
    history::OperationFinish finish;
    finish.phase = toHistory(s.phase);
    if (!history::isUnfinished(finish.phase) && finish.phase != history::OperationPhase::Interrupted) {
        finish.message = s.message;
        finish.finishedAt = s.finishedAt ? toDateTime(*s.finishedAt) : QDateTime::currentDateTimeUtc();
        finish.resources = toHistory(s.resources);
        finish.appliedManifests = m_manifests;
        (void)m_workspace->history().finishOperation(m_recordId, finish);
    }
}

bool AppOperation::step()
{
    const bool done = m_operation->step();
    record(done);
    return done;
}

sync::OperationState AppOperation::run()
{
    while (!step()) {
    }
    return state();
}

Result<std::unique_ptr<AppOperation>> startSync(Workspace &ws, const SyncCommand &command, const QDateTime &now)
{
    Reconciler &reconciler = ws.reconciler();
    if (!reconciler.snapshot()) {
        if (auto refreshed = reconciler.refresh(now); !refreshed)
            return refreshed.error();
    }
    const AppState *state = reconciler.snapshot()->app(command.app);
    const argo::Application *app = reconciler.application(command.app);
    if (!state || !app)
        return makeError("no application named '" + command.app + "'");
    if (!state->canSync()) {
        std::string reasons;
        for (const argo::Condition &c : state->conditions)
            if (argo::isErrorCondition(c.type))
                reasons += (reasons.empty() ? "" : "; ") + c.toString();
        return refuse(ws, command, reasons);
    }
    if (!state->window.canSync(command.trigger))
        return refuse(ws, command, "a sync window does not allow it now (" + state->windowDescription + ")");
    if (auto missing = missingApproval(*state, command))
        return refuse(ws, command, *missing);
    if (auto running = ws.history().unfinishedOperations(); running) {
        for (const history::Operation &op : *running)
            if (op.app == command.app && !op.dryRun)
                return refuse(ws, command, "operation " + std::to_string(op.id) + " is still running or was interrupted");
    }

    // What to apply: Git's render, or the manifests a history entry recorded.
    std::string revision = state->revision;
    std::vector<manifest::Object> desired;
    if (command.historyId) {
        auto entry = ws.history().historyEntry(*command.historyId);
        if (!entry)
            return entry.error();
        if (entry->operation.app != command.app)
            return makeError("history entry " + std::to_string(*command.historyId) + " belongs to '" +
                             entry->operation.app + "', not '" + command.app + "'");
        auto objects = manifest::parseObjects(entry->operation.appliedManifests, "history entry");
        if (!objects)
            return objects.error();
        desired = std::move(*objects);
        revision = entry->operation.revision;
    } else {
        auto rendered = reconciler.desiredObjects(command.app, command.revision);
        if (!rendered)
            return rendered.error();
        desired = std::move(*rendered);
        if (!command.revision.isEmpty()) {
            auto commit = reconciler.repository().resolve(command.revision);
            if (!commit)
                return commit.error();
            revision = commit->id.toStdString();
        }
    }
    auto live = reconciler.liveObjects(command.app);
    if (!live)
        return live.error();

    sync::PlanInput input;
    input.appName = command.app;
    input.destinationNamespace = app->destination.ns;
    input.desired = desired;
    input.live = *live;
    compare::CompareRequest compareRequest;
    compareRequest.appName = command.app;
    compareRequest.defaultNamespace = app->destination.ns;
    compareRequest.desired = desired;
    compareRequest.live = *live;
    input.comparison = compare::compareApp(compareRequest);
    input.request = command.request;
    input.request.revision = revision;
    std::vector<std::string> options = app->syncPolicy.options.raw;
    options.insert(options.end(), command.request.syncOptions.begin(), command.request.syncOptions.end());
    input.request.syncOptions = options;
    if (command.trigger == argo::SyncTrigger::Automated && app->syncPolicy.automated)
        input.request.prune = app->syncPolicy.automated->prune;
    if (!input.request.retry)
        input.request.retry = retryOf(*app);
    input.startedAt = ws.now();
    input.useCluster(ws.cluster());
    auto plan = sync::planSync(input);
    if (!plan)
        return plan.error();

    history::OperationStart start;
    start.app = command.app;
    start.kind = command.historyId ? history::OperationKind::Rollback
                 : command.trigger == argo::SyncTrigger::Automated ? history::OperationKind::AutoSync
                                                                   : history::OperationKind::Sync;
    start.revision = revision;
    start.sourcePath = state->path;
    start.initiatedBy = command.initiatedBy.empty() ? currentUser() : command.initiatedBy;
    start.approvalNote = command.approvalNote;
    start.approvers = command.approvers;
    start.dryRun = command.request.dryRun;
    start.prune = input.request.prune;
    for (const sync::ResourceSelector &s : command.request.resources)
        start.selectedResources.push_back({s.group, {}, s.kind, s.ns, s.name});
    start.startedAt = toDateTime(ws.now());
    auto id = ws.history().beginOperation(start);
    if (!id)
        return id.error();
    if (!command.approvalNote.empty())
        (void)ws.history().appendAudit({0, QDateTime::currentDateTimeUtc(), start.initiatedBy, command.app,
                                        "sync-approved", command.approvalNote});

    std::unique_ptr<AppOperation> op(new AppOperation);
    op->m_workspace = &ws;
    op->m_app = command.app;
    op->m_recordId = *id;
    op->m_manifests = manifest::emitObjects(desired);
    sync::RunSettings settings;
    settings.wait = [&ws](std::chrono::seconds s) { ws.letTimePass(s); };
    settings.now = [&ws] { return ws.now(); };
    op->m_operation = std::make_unique<sync::SyncOperation>(ws.cluster(), std::move(*plan), settings);
    return op;
}

std::vector<std::pair<std::string, sync::OperationState>> runAutomatedSyncs(Workspace &ws, const QDateTime &now)
{
    std::vector<std::pair<std::string, sync::OperationState>> done;
    const auto snapshot = ws.reconciler().snapshot();
    if (!snapshot)
        return done;
    for (const AppState &app : snapshot->apps) {
        if (!app.automated || app.sync != compare::SyncStatus::OutOfSync || !app.canSync() ||
            !app.window.canSync(argo::SyncTrigger::Automated))
            continue;
        if (auto skipped = ws.history().isAutoSyncSkipped(app.name, app.revision); skipped && *skipped)
            continue;
        // Argo CD does not retry a revision whose automated sync failed, and
        // without selfHeal does not undo drift at a revision it already synced.
        auto last = ws.history().history(app.name, {0, 1});
        if (last && !last->entries.empty()) {
            const history::Operation &prev = last->entries.front().operation;
            if (prev.revision == app.revision &&
                (prev.phase != history::OperationPhase::Succeeded || !app.selfHeal))
                continue;
        }
        SyncCommand command;
        command.app = app.name;
        command.trigger = argo::SyncTrigger::Automated;
        command.initiatedBy = "automated";
        auto op = startSync(ws, command, now);
        if (!op)
            continue;
        done.emplace_back(app.name, (*op)->run());
    }
    return done;
}

} // namespace capstan::engine
