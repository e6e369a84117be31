#include "reconcile/engine/app_assessor.h"

#include "argo/project_rules.h"
#include "reconcile/health/application_health.h"

#include <algorithm>
#include <set>

namespace capstan::engine {

namespace {

std::vector<compare::IgnoreDifference> ignoreRules(const argo::Application &app)
{
    std::vector<compare::IgnoreDifference> rules;
    for (const argo::IgnoreDifference &d : app.ignoreDifferences) {
        compare::IgnoreDifference rule;
        rule.group = d.group;
        rule.kind = d.kind;
        rule.name = d.name;
        rule.ns = d.ns;
        rule.jsonPointers = d.jsonPointers;
        rule.jqPathExpressions = d.jqPathExpressions;
        rule.managedFieldsManagers = d.managedFieldsManagers;
        rules.push_back(std::move(rule));
    }
    return rules;
}

void addImagesOf(const manifest::Node *podSpec, std::set<std::string> &images)
{
    if (!podSpec)
        return;
    for (const char *list : {"initContainers", "containers"}) {
        const manifest::Node *containers = podSpec->find(list);
        if (!containers || !containers->isSequence())
            continue;
        for (const manifest::Node &c : containers->items()) {
            const std::string image = c.textAt({"image"});
            if (!image.empty())
                images.insert(image);
        }
    }
}

void checkProject(const AssessmentInput &input, const std::vector<manifest::Object> &desired, AppState &state)
{
    const argo::Application &app = *input.application;
    if (!input.project) {
        state.conditions.push_back({argo::ConditionType::InvalidSpecError,
                                    "the project '" + app.project + "' is not defined in the repository", app.where});
        return;
    }
    if (const argo::Permission p = argo::checkApplication(*input.project, app); !p)
        state.conditions.push_back({argo::ConditionType::InvalidSpecError, p.reason, app.where});
    for (const manifest::Object &object : desired) {
        const std::string group = object.group();
        const std::string kind = object.kind();
        const bool namespaced = input.cluster->isNamespaced(group, kind).value_or(true);
        const argo::Permission p = argo::checkResource(
            *input.project, group, kind, namespaced ? argo::ResourceScope::Namespaced : argo::ResourceScope::Cluster,
            object.name());
        if (!p)
            state.conditions.push_back({argo::ConditionType::InvalidSpecError, p.reason, object.where()});
    }
}

} // namespace

std::vector<manifest::Object> desiredObjects(const render::RenderedSource &rendered,
                                             const argo::Application &application, cluster::Cluster &cluster)
{
    std::vector<manifest::Object> objects = rendered.objects;
    for (manifest::Object &o : objects) {
        if (o.ns().empty() && !application.destination.ns.empty() &&
            cluster.isNamespaced(o.group(), o.kind()).value_or(true))
            o.setNamespace(application.destination.ns);
    }
    return objects;
}

compare::CompareResult compareApplication(const argo::Application &application,
                                          const std::vector<manifest::Object> &desired,
                                          const std::vector<manifest::Object> &live, compare::Detail detail,
                                          Tracking tracking)
{
    compare::CompareRequest request;
    if (tracking == Tracking::Capstan)
        request.appName = application.name();
    request.defaultNamespace = application.destination.ns;
    request.desired = desired;
    request.live = live;
    request.ignoreDifferences = ignoreRules(application);
    request.detail = detail;
    return compare::compareApp(request);
}

std::vector<std::string> containerImages(const std::vector<manifest::Object> &objects)
{
    std::set<std::string> images;
    for (const manifest::Object &o : objects) {
        const manifest::Node &root = o.root();
        addImagesOf(root.at({"spec"}), images);                                             // Pod
        addImagesOf(root.at({"spec", "template", "spec"}), images);                         // workloads
        addImagesOf(root.at({"spec", "jobTemplate", "spec", "template", "spec"}), images); // CronJob
    }
    return {images.begin(), images.end()};
}

void assessRevisionAndWindow(const AssessmentInput &input, AppState &state)
{
    state.revision = input.revision.id.toStdString();
    state.revisionSummary = input.revision.summary.toStdString();
    if (input.project) {
        state.window = argo::syncWindowStatus(*input.project, *input.application, input.now);
        state.windowDescription = argo::describeSyncWindowStatus(state.window, input.now.timeZone());
        state.requiresApproval = input.project->approval.required;
        state.requiredApprovers = input.project->approval.requiredApprovers;
    }
}

AppState assessApplication(const AssessmentInput &input)
{
    const argo::Application &app = *input.application;
    AppState state;
    state.name = app.name();
    state.project = app.project;
    state.file = app.where;
    state.labels = app.metadata.labels;
    state.conditions = app.conditions;
    if (app.source) {
        state.repoURL = app.source->repoURL;
        state.path = app.source->path;
        state.targetRevision = app.source->targetRevision;
    }
    state.destinationServer = app.destination.server.empty() ? app.destination.name : app.destination.server;
    state.destinationNamespace = app.destination.ns;
    state.automated = app.isAutomated();
    state.prune = state.automated && app.syncPolicy.automated->prune;
    state.selfHeal = state.automated && app.syncPolicy.automated->selfHeal;

    assessRevisionAndWindow(input, state);

    if (input.destinationError) {
        state.conditions.push_back({argo::ConditionType::InvalidSpecError, *input.destinationError, app.where});
        state.sync = compare::SyncStatus::Unknown;
        state.health = health::HealthStatus::Unknown;
        return state;
    }
    if (!input.rendered || !*input.rendered) {
        const Error &e = input.rendered ? input.rendered->error() : Error{"the application has no source", app.where};
        state.conditions.push_back({argo::ConditionType::ComparisonError, e.message, e.where});
        state.sync = compare::SyncStatus::Unknown;
        state.health = health::HealthStatus::Unknown;
        return state;
    }
    const render::RenderedSource &rendered = ***input.rendered;
    state.warnings = rendered.warnings;
    const std::vector<manifest::Object> desired = desiredObjects(rendered, app, *input.cluster);
    state.images = containerImages(desired);
    state.liveImages = containerImages(input.live);
    checkProject(input, desired, state);

    const compare::CompareResult compared = compareApplication(app, desired, input.live, input.detail);
    state.sync = compared.status;
    if (compared.error)
        state.conditions.push_back(
            {argo::ConditionType::ComparisonError, compared.error->message, compared.error->where});

    // Ids once per object: reading one walks the object's metadata.
    const auto idsOf = [](const std::vector<manifest::Object> &objects) {
        std::vector<manifest::ResourceId> ids;
        ids.reserve(objects.size());
        for (const manifest::Object &o : objects)
            ids.push_back(o.id());
        return ids;
    };
    const std::vector<manifest::ResourceId> liveIds = idsOf(input.live);
    const std::vector<manifest::ResourceId> desiredIds = idsOf(desired);
    std::vector<health::ManagedResource> managed;
    for (const compare::ResourceComparison &r : compared.resources) {
        ResourceState resource;
        resource.id = r.id;
        resource.status = r.status;
        resource.desiredYaml = r.desiredYaml;
        resource.liveYaml = r.liveYaml;
        resource.diff = r.diff;
        const manifest::Object *live = nullptr;
        for (std::size_t i = 0; i < liveIds.size(); ++i)
            if (liveIds[i].sameObject(r.id))
                live = &input.live[i];
        const manifest::Object *target = nullptr;
        for (std::size_t i = 0; i < desiredIds.size(); ++i)
            if (desiredIds[i].sameObject(r.id))
                target = &desired[i];
        if (live)
            resource.health = health::assess(*live);
        else if (target)
            resource.health = health::Health{health::HealthStatus::Missing, "the resource does not exist in the cluster"};
        managed.push_back({r.id, target, live});
        state.resources.push_back(std::move(resource));
    }
    const health::ApplicationHealth appHealth = health::assessApplication(managed);
    state.health = appHealth.status;
    state.healthMessage = appHealth.message;
    return state;
}

} // namespace capstan::engine
