#include "argocd/operation_request.h"

#include "argocd/history_mapping_p.h"
#include "argocd/status_fields_p.h"

#include "argo/application.h"

namespace capstan::argocd {

using manifest::Node;
using manifest::Object;

ActionError refuse(const Object &application, Refusal refusal, std::string message)
{
    ActionError error;
    error.message = std::move(message);
    error.where = cluster::ResourceKey::of(application).toString();
    error.refusal = refusal;
    return error;
}

namespace {

// Argo CD's SetAppOperation refuses while `operation` is set; Capstan also waits for a
// Running or Terminating operationState, which the controller may still be finishing.
std::optional<ActionError> checkCanStart(const Object &application)
{
    const Node &root = application.root();
    if (!root.textAt({ "metadata", "deletionTimestamp" }).empty())
        return refuse(application, Refusal::Deleting, "the application is being deleted");
    const Node *operation = root.find("operation");
    const std::string phase = root.textAt({ "status", "operationState", "phase" });
    if ((operation && !operation->isNull()) || phase == "Running" || phase == "Terminating")
        return refuse(application, Refusal::OperationRunning, "another operation is already in progress");
    return std::nullopt;
}

Node infoEntry(const std::string &name, const std::string &value)
{
    Node entry = Node::map();
    entry.set("name", Node::string(name));
    entry.set("value", Node::string(value));
    return entry;
}

Node infoOf(const Approval &approval, std::int64_t rollbackId = -1)
{
    Node info = Node::sequence();
    if (!approval.note.empty())
        info.append(infoEntry(detail::approvalNoteInfo, approval.note));
    if (!approval.approvers.empty()) {
        std::string names;
        for (const std::string &a : approval.approvers)
            names += (names.empty() ? "" : ", ") + a;
        info.append(infoEntry(detail::approversInfo, names));
    }
    if (rollbackId >= 0)
        info.append(infoEntry(detail::rollbackInfo, std::to_string(rollbackId)));
    return info;
}

Node strategyOf(SyncStrategy strategy, bool force)
{
    Node how = Node::map();
    if (force)
        how.set("force", Node::boolean(true));
    Node out = Node::map();
    out.set(strategy == SyncStrategy::Apply ? "apply" : "hook", std::move(how));
    return out;
}

void setFlag(Node &map, const char *key, bool value)
{
    if (value) // Argo CD's fields are omitempty
        map.set(key, Node::boolean(true));
}

// Copies spec.syncPolicy.<key> into `into` when the Application has it.
void copyFromSyncPolicy(const Object &application, std::string_view key, Node &into, std::string_view as)
{
    const Node *value = application.root().at({ "spec", "syncPolicy" });
    value = value && value->isMap() ? value->find(key) : nullptr;
    if (value && !value->isNull())
        into.set(as, *value);
}

// The Application with `operation` set, as SetAppOperation writes it: the previous
// operationState goes, so the controller starts a fresh one. managedFields are left out
// of the update, which keeps the server's.
Object withOperation(const Object &application, Node sync, const std::string &username, Node info)
{
    Object out = application;
    Node &root = out.root();
    Node operation = Node::map();
    operation.set("sync", std::move(sync));
    Node initiatedBy = Node::map();
    if (!username.empty())
        initiatedBy.set("username", Node::string(username));
    operation.set("initiatedBy", std::move(initiatedBy));
    if (!info.empty())
        operation.set("info", std::move(info));
    root.set("operation", std::move(operation));
    if (Node *status = root.find("status"); status && status->isMap())
        status->remove("operationState");
    if (Node *metadata = root.find("metadata"); metadata && metadata->isMap())
        metadata->remove("managedFields");
    return out;
}

} // namespace

const char *toString(Refusal refusal)
{
    switch (refusal) {
    case Refusal::OperationRunning:
        return "OperationRunning";
    case Refusal::AutomatedSync:
        return "AutomatedSync";
    case Refusal::NoOperation:
        return "NoOperation";
    case Refusal::UnknownHistoryId:
        return "UnknownHistoryId";
    case Refusal::NoHistorySource:
        return "NoHistorySource";
    case Refusal::Deleting:
        return "Deleting";
    case Refusal::InvalidSpec:
        return "InvalidSpec";
    case Refusal::SyncWindow:
        return "SyncWindow";
    }
    return "";
}

ActionResult withSyncOperation(const Object &application, const SyncRequest &request)
{
    if (auto refused = checkCanStart(application))
        return *refused;
    auto app = argo::readApplication(application);
    if (!app)
        return refuse(application, Refusal::InvalidSpec, app.error().toString());
    const std::string target
        = app->source && !app->source->targetRevision.empty() ? app->source->targetRevision : std::string("HEAD");
    const std::string revision = request.revision.empty() ? target : request.revision;
    if (revision != target && app->isAutomated() && !request.dryRun)
        return refuse(
            application, Refusal::AutomatedSync, "cannot sync to " + revision + ": automated sync follows " + target);

    Node sync = Node::map();
    sync.set("revision", Node::string(revision));
    setFlag(sync, "prune", request.prune);
    setFlag(sync, "dryRun", request.dryRun);
    sync.set("syncStrategy", strategyOf(request.strategy, request.force));
    if (!request.resources.empty()) {
        Node resources = Node::sequence();
        for (const cluster::ResourceKey &key : request.resources) {
            Node r = Node::map();
            if (!key.group.empty())
                r.set("group", Node::string(key.group));
            r.set("kind", Node::string(key.kind));
            r.set("name", Node::string(key.name));
            if (!key.ns.empty())
                r.set("namespace", Node::string(key.ns));
            resources.append(std::move(r));
        }
        sync.set("resources", std::move(resources));
    }
    copyFromSyncPolicy(application, "syncOptions", sync, "syncOptions");
    Object out = withOperation(application, std::move(sync), request.username, infoOf(request.approval));
    // Argo CD retries a manual sync as the spec's retry policy says.
    copyFromSyncPolicy(application, "retry", out.root()["operation"], "retry");
    return out;
}

ActionResult withRollbackOperation(const Object &application, const RollbackRequest &request)
{
    if (auto refused = checkCanStart(application))
        return *refused;
    auto app = argo::readApplication(application);
    if (!app)
        return refuse(application, Refusal::InvalidSpec, app.error().toString());
    if (app->isAutomated())
        return refuse(application, Refusal::AutomatedSync, "rollback cannot be initiated when automated sync is on");

    const Node *entry = nullptr;
    for (const Node &item : detail::itemsAt(application.root().at({ "status" }), "history")) {
        if (detail::textOf(&item, "id") == std::to_string(request.historyId))
            entry = &item;
    }
    if (!entry)
        return refuse(application, Refusal::UnknownHistoryId,
            "the application has no deployment with history id " + std::to_string(request.historyId));
    const Node *source = entry->find("source");
    const Node *sources = entry->find("sources");
    const bool hasSource = source && source->isMap() && !source->empty();
    const bool hasSources = sources && sources->isSequence() && !sources->empty();
    if (!hasSource && !hasSources)
        return refuse(application, Refusal::NoHistorySource,
            "history id " + std::to_string(request.historyId)
                + " was deployed by Argo CD v0.11 or older and has no source; sync to its revision instead");

    Node sync = Node::map();
    sync.set("revision", Node::string(detail::textOf(entry, "revision")));
    if (const Node *revisions = entry->find("revisions"); revisions && revisions->isSequence())
        sync.set("revisions", *revisions);
    setFlag(sync, "prune", request.prune);
    setFlag(sync, "dryRun", request.dryRun);
    sync.set("syncStrategy", strategyOf(SyncStrategy::Apply, false));
    copyFromSyncPolicy(application, "syncOptions", sync, "syncOptions");
    if (hasSource)
        sync.set("source", *source);
    if (hasSources)
        sync.set("sources", *sources);
    return withOperation(application, std::move(sync), request.username, infoOf(request.approval, request.historyId));
}

ActionResult withTermination(const Object &application)
{
    const Node *operation = application.root().find("operation");
    Object out = application;
    Node *state = out.root().at({ "status", "operationState" });
    if (!operation || operation->isNull() || !state || !state->isMap())
        return refuse(application, Refusal::NoOperation, "no operation is in progress");
    state->set("phase", Node::string("Terminating"));
    if (Node *metadata = out.root().find("metadata"); metadata && metadata->isMap())
        metadata->remove("managedFields");
    return out;
}

} // namespace capstan::argocd
