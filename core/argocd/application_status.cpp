// Application (spec and status) → engine::AppState.

#include "argocd/application_status_p.h"
#include "argocd/snapshot.h"
#include "argocd/status_fields_p.h"

#include "argo/application.h"
#include "cluster/resource_key.h"

namespace capstan::argocd {

using manifest::Node;

namespace {

compare::SyncStatus syncStatusOf(const std::string &text)
{
    if (text == "Synced")
        return compare::SyncStatus::Synced;
    if (text == "OutOfSync")
        return compare::SyncStatus::OutOfSync;
    return compare::SyncStatus::Unknown;
}

// Argo CD's condition types; one Capstan does not name (DeletionError, a newer one)
// keeps its type in the message and counts as an error or warning by its suffix.
argo::Condition conditionOf(const Node &item)
{
    static const argo::ConditionType known[] = { argo::ConditionType::InvalidSpecError,
        argo::ConditionType::ComparisonError, argo::ConditionType::SyncError, argo::ConditionType::UnknownError,
        argo::ConditionType::SharedResourceWarning, argo::ConditionType::RepeatedResourceWarning,
        argo::ConditionType::OrphanedResourceWarning, argo::ConditionType::ExcludedResourceWarning };
    const std::string type = detail::textOf(&item, "type");
    argo::Condition condition;
    condition.message = detail::textOf(&item, "message");
    for (argo::ConditionType candidate : known) {
        if (argo::conditionTypeName(candidate) == type) {
            condition.type = candidate;
            return condition;
        }
    }
    condition.type
        = type.ends_with("Warning") ? argo::ConditionType::OrphanedResourceWarning : argo::ConditionType::UnknownError;
    if (!type.empty())
        condition.message = type + ": " + condition.message;
    return condition;
}

// status.resources[] entry. Argo CD marks a resource to be pruned with requiresPruning and
// one missing from the cluster with health Missing; any other status (Unknown, absent)
// shows as OutOfSync, since Argo CD could not say it is Synced.
engine::ResourceState resourceOf(const Node &item)
{
    engine::ResourceState resource;
    resource.id.group = detail::textOf(&item, "group");
    resource.id.version = detail::textOf(&item, "version");
    resource.id.kind = detail::textOf(&item, "kind");
    resource.id.ns = detail::textOf(&item, "namespace");
    resource.id.name = detail::textOf(&item, "name");
    const Node *health = item.isMap() ? item.find("health") : nullptr;
    if (health && health->isMap()) {
        health::Health h;
        h.status = health::parseHealthStatus(detail::textOf(health, "status")).value_or(health::HealthStatus::Unknown);
        h.message = detail::textOf(health, "message");
        resource.health = h;
    }
    const std::string status = detail::textOf(&item, "status");
    if (status == "Synced")
        resource.status = compare::ResourceStatus::Synced;
    else if (detail::flagOf(&item, "requiresPruning"))
        resource.status = compare::ResourceStatus::RequiresPruning;
    else if (resource.health && resource.health->status == health::HealthStatus::Missing)
        resource.status = compare::ResourceStatus::Missing;
    else
        resource.status = compare::ResourceStatus::OutOfSync;
    return resource;
}

void applySpec(const manifest::Object &object, engine::AppState &state)
{
    auto app = argo::readApplication(object);
    if (!app) {
        state.conditions.push_back({ argo::ConditionType::InvalidSpecError, app.error().message, app.error().where });
        return;
    }
    state.project = app->project;
    state.labels = app->metadata.labels;
    if (app->source) {
        state.repoURL = app->source->repoURL;
        state.path = app->source->path;
        state.targetRevision = app->source->targetRevision;
    }
    // AppState has one destination field: the server URL, else the cluster's name.
    state.destinationServer = app->destination.server.empty() ? app->destination.name : app->destination.server;
    state.destinationNamespace = app->destination.ns;
    state.automated = app->isAutomated();
    if (app->syncPolicy.automated) {
        state.prune = app->syncPolicy.automated->prune;
        state.selfHeal = app->syncPolicy.automated->selfHeal;
    }
    for (const argo::Condition &c : app->conditions)
        state.conditions.push_back(c);
}

} // namespace

namespace detail {

std::vector<std::string> childApplications(const manifest::Object &application)
{
    std::vector<std::string> out;
    for (const Node &item : itemsAt(application.root().at({ "status" }), "resources")) {
        if (textOf(&item, "group") == "argoproj.io" && textOf(&item, "kind") == "Application")
            out.push_back(textOf(&item, "name"));
    }
    return out;
}

} // namespace detail

engine::AppState appStateOf(const manifest::Object &object)
{
    engine::AppState state;
    state.name = object.name();
    state.file = cluster::ResourceKey::of(object).toString(); // where it is defined: the cluster
    state.engineDecides = true; // Argo CD's conditions; its controller decides what they stop
    applySpec(object, state);

    const Node *status = object.root().at({ "status" });
    const Node *sync = status ? status->at({ "sync" }) : nullptr;
    state.sync = syncStatusOf(detail::textOf(sync, "status"));
    state.revision = detail::textOf(sync, "revision");
    if (const auto revisions = detail::stringsAt(sync, "revisions"); state.revision.empty() && !revisions.empty())
        state.revision = revisions.front(); // several sources: the first, the one Capstan renders

    const Node *health = status ? status->at({ "health" }) : nullptr;
    state.health = health::parseHealthStatus(detail::textOf(health, "status")).value_or(health::HealthStatus::Unknown);
    state.healthMessage = detail::textOf(health, "message");

    for (const Node &item : detail::itemsAt(status, "conditions"))
        state.conditions.push_back(conditionOf(item));
    for (const Node &item : detail::itemsAt(status, "resources"))
        state.resources.push_back(resourceOf(item));
    // status.summary.images are the images the live resources run; Argo CD does not report
    // the images Git asks for, so `images` stays empty.
    state.liveImages = detail::stringsAt(status ? status->at({ "summary" }) : nullptr, "images");
    return state;
}

} // namespace capstan::argocd
