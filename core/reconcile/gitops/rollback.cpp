#include "reconcile/gitops/rollback.h"

#include "manifest/yaml_writer.h"

#include <algorithm>

namespace capstan::gitops {

namespace {

// A suspension is stored as an auto-sync skip whose reason starts so: the
// history schema needs nothing new, and carryAutoSyncSkips() keeps it.
const std::string kSuspended = "suspended: ";

std::string shortId(const std::string &revision)
{
    return revision.substr(0, 7);
}

// Whether the application renders the same at both revisions (errors: not known the same).
bool rendersTheSame(engine::Workspace &workspace, const std::string &app, const std::string &a, const std::string &b)
{
    auto left = workspace.reconciler().desiredObjects(app, QString::fromStdString(a));
    auto right = workspace.reconciler().desiredObjects(app, QString::fromStdString(b));
    return left && right && manifest::emitObjects(*left) == manifest::emitObjects(*right);
}

std::string howToUpdateGit(engine::Workspace &workspace, const std::string &app, const history::HistoryEntry &entry,
    const engine::AppState &state)
{
    std::string text = "The cluster now runs history entry " + std::to_string(entry.id()) + " (revision "
        + shortId(entry.operation.revision) + ") while Git wants " + shortId(state.revision) + ": " + app
        + " shows OutOfSync until Git is updated. Update Git with one of:\n" + "  capstanctl app revert " + app
        + "            (list the commits to revert, then revert one)\n";
    auto images = workspace.history().deployedImages(app);
    if (images) {
        for (const history::DeployedImage &image : *images) {
            if (std::find(image.historyIds.begin(), image.historyIds.end(), entry.id()) == image.historyIds.end())
                continue;
            const auto slash = image.repository.rfind('/');
            const std::string name = slash == std::string::npos ? image.repository : image.repository.substr(slash + 1);
            text += "  capstanctl app set-image " + app + " " + name + "=" + image.tag + "\n";
        }
    }
    return text;
}

} // namespace

Result<RollbackResult> rollbackToHistory(engine::Workspace &workspace, const std::string &app, std::int64_t historyId,
    const RollbackOptions &options, const QDateTime &now)
{
    auto snapshot = workspace.reconciler().refresh(now);
    if (!snapshot)
        return snapshot.error();
    const engine::AppState *state = (*snapshot)->app(app);
    if (!state)
        return makeError("no application named '" + app + "'");
    auto entry = workspace.history().historyEntry(historyId);
    if (!entry)
        return entry.error();
    if (entry->operation.app != app)
        return makeError("history entry " + std::to_string(historyId) + " belongs to '" + entry->operation.app
            + "', not '" + app + "'");
    if (state->automated && options.policy == AutoSyncPolicy::Refuse)
        return makeError(app
            + " has automated sync, which would put Git's revision straight back; roll back with "
              "--rollback-aware (automated sync skips this revision until a new commit changes "
            + app + ") or --suspend-auto-sync");

    const std::string actor = options.initiatedBy.empty() ? engine::currentUser() : options.initiatedBy;
    const std::string revision = state->revision;
    RollbackResult result;
    // Skip first: an automated sync must not slip in between the rollback and the skip.
    if (state->automated) {
        const std::string reason = options.policy == AutoSyncPolicy::Suspend
            ? kSuspended + "rolled back to history entry " + std::to_string(historyId) + " by " + actor
            : "rolled back to history entry " + std::to_string(historyId) + " by " + actor;
        if (auto r = workspace.history().skipRevisionForAutoSync(app, revision, reason, now); !r)
            return r.error();
        result.autoSyncSkipped = true;
    }

    engine::SyncCommand command;
    command.app = app;
    command.initiatedBy = actor;
    command.approvalNote = options.approvalNote;
    command.approvers = options.approvers;
    if (command.approvers.empty() && !options.approvalNote.empty())
        command.approvers = { actor };
    command.historyId = historyId;
    auto operation = engine::startSync(workspace, command, now);
    if (!operation) {
        if (result.autoSyncSkipped)
            (void)workspace.history().clearAutoSyncSkip(app, revision);
        return operation.error();
    }
    result.operationId = (*operation)->recordId();
    result.state = (*operation)->run();
    audit(workspace, actor, app, "rollback",
        "to history entry " + std::to_string(historyId) + " (revision " + entry->operation.revision + ")"
            + (result.autoSyncSkipped ? std::string("; automated sync ")
                        + (options.policy == AutoSyncPolicy::Suspend
                                ? "suspended"
                                : "skips " + shortId(revision) + " until the app changes in Git")
                                      : std::string()));

    auto after = workspace.reconciler().refresh(now);
    const engine::AppState *current = after ? (*after)->app(app) : nullptr;
    if (current && current->sync == compare::SyncStatus::Synced)
        result.message = "History entry " + std::to_string(historyId) + " is what Git wants too: " + app
            + " is Synced and Git needs no update.\n";
    else
        result.message = howToUpdateGit(workspace, app, *entry, *state);
    if (entry->badMark)
        result.message = "Warning: history entry " + std::to_string(historyId) + " is marked bad ("
            + entry->badMark->reason + ").\n" + result.message;
    if (result.autoSyncSkipped)
        result.message += options.policy == AutoSyncPolicy::Suspend
            ? "Automated sync is suspended for " + app + " until resumed.\n"
            : "Automated sync stays on and skips revision " + shortId(revision) + " until a newer commit changes " + app
                + ".\n";
    return result;
}

Result<std::vector<std::string>> carryAutoSyncSkips(engine::Workspace &workspace)
{
    std::vector<std::string> cleared;
    const auto snapshot = workspace.reconciler().snapshot();
    if (!snapshot)
        return cleared;
    for (const engine::AppState &app : snapshot->apps) {
        if (!app.automated)
            continue;
        auto skips = workspace.history().autoSyncSkips(app.name);
        if (!skips)
            return skips.error();
        if (skips->empty())
            continue;
        if (std::any_of(skips->begin(), skips->end(),
                [&](const history::AutoSyncSkip &s) { return s.revision == app.revision; }))
            continue;
        const auto newest = std::max_element(
            skips->begin(), skips->end(), [](const auto &a, const auto &b) { return a.skippedAt < b.skippedAt; });
        const bool suspended = newest->reason.rfind(kSuspended, 0) == 0;
        if (suspended || rendersTheSame(workspace, app.name, newest->revision, app.revision)) {
            if (auto r = workspace.history().skipRevisionForAutoSync(app.name, app.revision, newest->reason); !r)
                return r.error();
            continue;
        }
        // A newer commit changed the application: automated sync follows Git again.
        for (const history::AutoSyncSkip &skip : *skips)
            (void)workspace.history().clearAutoSyncSkip(app.name, skip.revision);
        cleared.push_back(app.name);
    }
    return cleared;
}

Result<std::vector<std::pair<std::string, sync::OperationState>>> runRollbackAwareAutomatedSyncs(
    engine::Workspace &workspace, const QDateTime &now)
{
    if (auto r = workspace.reconciler().refresh(now); !r)
        return r.error();
    if (auto r = carryAutoSyncSkips(workspace); !r)
        return r.error();
    return engine::runAutomatedSyncs(workspace, now);
}

Result<int> resumeAutoSync(engine::Workspace &workspace, const std::string &app)
{
    auto skips = workspace.history().autoSyncSkips(app);
    if (!skips)
        return skips.error();
    for (const history::AutoSyncSkip &skip : *skips)
        if (auto r = workspace.history().clearAutoSyncSkip(app, skip.revision); !r)
            return r.error();
    return int(skips->size());
}

} // namespace capstan::gitops
