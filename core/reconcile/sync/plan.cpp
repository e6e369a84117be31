#include "reconcile/sync/plan.h"

#include "cluster/cluster.h"
#include "reconcile/compare/tracking.h"
#include "reconcile/sync/task_order.h"

#include <algorithm>

namespace capstan::sync {

namespace {

using manifest::Node;
using manifest::Object;

bool sameResource(const Object &a, const Object &b, bool anyNamespace)
{
    return a.group() == b.group() && a.kind() == b.kind() && a.name() == b.name() && (anyNamespace || a.ns() == b.ns());
}

// The live copy of a desired object. A cluster-scoped live object has no namespace even when
// the target was given the destination namespace.
const Object *findLive(const std::vector<Object> &live, const Object &target)
{
    for (const Object &l : live)
        if (sameResource(l, target, false))
            return &l;
    for (const Object &l : live)
        if (l.ns().empty() && sameResource(l, target, true))
            return &l;
    return nullptr;
}

const compare::ResourceComparison *findComparison(const compare::CompareResult &result, const Object &object)
{
    const manifest::ResourceId id = object.id();
    for (const auto &c : result.resources)
        if (c.id.sameObject(id))
            return &c;
    for (const auto &c : result.resources)
        if (c.id.group == id.group && c.id.kind == id.kind && c.id.name == id.name
            && (c.id.ns.empty() || id.ns.empty()))
            return &c;
    return nullptr;
}

bool selected(const std::vector<ResourceSelector> &selectors, const Object &object)
{
    return selectors.empty() || std::any_of(selectors.begin(), selectors.end(), [&](const ResourceSelector &s) {
        return s.matches(object);
    });
}

Object namespaceObject(const std::string &name)
{
    Node root = Node::map();
    root.set("apiVersion", Node::string("v1"));
    root.set("kind", Node::string("Namespace"));
    root["metadata"].set("name", Node::string(name));
    return Object(std::move(root));
}

} // namespace

capstan::Result<ResourceSelector> ResourceSelector::parse(const std::string &text)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const auto colon = text.find(':', start);
        parts.push_back(text.substr(start, colon == std::string::npos ? std::string::npos : colon - start));
        if (colon == std::string::npos)
            break;
        start = colon + 1;
    }
    ResourceSelector s;
    if (parts.size() == 3 || parts.size() == 4) {
        s.group = parts[0];
        s.kind = parts[1];
        s.name = parts[2];
        if (parts.size() == 4)
            s.ns = parts[3];
        else if (const auto slash = s.name.find('/'); slash != std::string::npos) {
            s.ns = s.name.substr(0, slash);
            s.name = s.name.substr(slash + 1);
        }
    }
    if (s.kind.empty() || s.name.empty())
        return capstan::makeError(
            "resource \"" + text + "\" is not GROUP:KIND:NAME, GROUP:KIND:NAME:NAMESPACE or GROUP:KIND:NAMESPACE/NAME");
    return s;
}

bool ResourceSelector::matches(const Object &object) const
{
    return object.group() == group && object.kind() == kind && object.name() == name
        && (ns.empty() || object.ns() == ns);
}

void PlanInput::useCluster(cluster::Cluster &cluster)
{
    isNamespaced = [&cluster](const std::string &group, const std::string &kind) {
        return cluster.isNamespaced(group, kind);
    };
    destinationNamespaceExists = destinationNamespace.empty()
        || cluster.get(cluster::ResourceKey { "", "Namespace", "", destinationNamespace }).ok();
}

cluster::ResourceKey SyncTask::key() const
{
    cluster::ResourceKey key = cluster::ResourceKey::of(object());
    // A cluster-scoped object that was given a namespace is stored without one.
    if (live)
        key.ns = live->ns();
    return key;
}

bool SyncTask::hasDeletePolicy(HookDeletePolicy policy) const
{
    return hook && std::find(deletePolicies.begin(), deletePolicies.end(), policy) != deletePolicies.end();
}

capstan::Result<SyncPlan> planSync(const PlanInput &input)
{
    auto options = SyncOptions::parse(input.request.syncOptions);
    if (!options)
        return options.error();

    SyncPlan plan;
    plan.appName = input.appName;
    plan.destinationNamespace = input.destinationNamespace;
    plan.tracking = input.tracking;
    plan.options = *options;
    plan.dryRun = input.request.dryRun;
    plan.prune = input.request.prune;
    plan.revision = input.request.revision;
    plan.retry = input.request.retry;

    // A partial sync runs no hooks, as in Argo CD.
    const bool skipHooks = !input.request.resources.empty();
    const auto namespaced = [&](const Object &o) {
        if (input.isNamespaced)
            if (auto known = input.isNamespaced(o.group(), o.kind()))
                return *known;
        return !(o.group().empty() && o.kind() == "Namespace");
    };

    bool destinationInGit = false;
    for (const Object &desired : input.desired) {
        const std::vector<SyncPhase> phases = syncPhasesOf(desired);
        const bool hook = isHook(desired);
        if (desired.group().empty() && desired.kind() == "Namespace" && desired.name() == input.destinationNamespace)
            destinationInGit = true;
        if (phases.empty() || (hook && skipHooks))
            continue;
        for (const SyncPhase phase : phases) {
            SyncTask task;
            task.phase = phase;
            task.wave = waveOf(desired);
            task.hook = hook;
            Object target = desired;
            if (hook) {
                task.deletePolicies = deletePoliciesOf(desired);
                if (target.name().empty())
                    target.setName(hookName(target.root().textAt({ "metadata", "generateName" }),
                        input.request.revision, phase, input.startedAt));
            }
            if (target.ns().empty() && !input.destinationNamespace.empty() && namespaced(target))
                target.setNamespace(input.destinationNamespace);
            if (!hook && !selected(input.request.resources, target))
                break;
            compare::setTracking(target, input.appName, input.tracking, input.destinationNamespace);
            if (const Object *live = findLive(input.live, target))
                task.live = *live;
            if (!hook && task.live && plan.options.applyOutOfSyncOnly) {
                const auto *comparison = findComparison(input.comparison, target);
                if (comparison && comparison->status == compare::ResourceStatus::Synced)
                    continue;
            }
            task.target = std::move(target);
            plan.tasks.push_back(std::move(task));
        }
    }

    for (const auto &comparison : input.comparison.resources) {
        if (comparison.status != compare::ResourceStatus::RequiresPruning)
            continue;
        const auto live = std::find_if(
            input.live.begin(), input.live.end(), [&](const Object &o) { return o.id().sameObject(comparison.id); });
        if (live == input.live.end() || isHook(*live) || !selected(input.request.resources, *live))
            continue;
        SyncTask task;
        task.wave = waveOf(*live);
        task.live = *live;
        plan.tasks.push_back(std::move(task));
    }

    if (plan.options.createNamespace && !input.destinationNamespace.empty() && !destinationInGit
        && !input.destinationNamespaceExists) {
        SyncTask task;
        task.phase = SyncPhase::PreSync;
        task.target = namespaceObject(input.destinationNamespace);
        task.createsNamespace = true;
        plan.tasks.push_back(std::move(task));
    }

    assignPruneWaves(plan.tasks, plan.options.pruneLast);
    orderTasks(plan.tasks);
    return plan;
}

} // namespace capstan::sync
