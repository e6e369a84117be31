#pragma once

// What a sync will do, before it does anything: tasks in phases and waves.

#include "cluster/resource_key.h"
#include "common/result.h"
#include "manifest/object.h"
#include "reconcile/compare/compare.h"
#include "reconcile/sync/hooks.h"
#include "reconcile/sync/operation_state.h"
#include "reconcile/sync/retry.h"
#include "reconcile/sync/sync_options.h"

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace capstan::cluster {
class Cluster;
}

namespace capstan::sync {

// One resource named for a partial sync, as `argocd app sync --resource` takes it.
struct ResourceSelector
{
    std::string group;
    std::string kind;
    std::string name;
    std::string ns; // "" matches any namespace

    // "GROUP:KIND:NAME", "GROUP:KIND:NAME:NAMESPACE" or "GROUP:KIND:NAMESPACE/NAME" (GROUP may be "").
    static capstan::Result<ResourceSelector> parse(const std::string &text);
    bool matches(const manifest::Object &object) const;
};

// What the person (or the automated policy) asked for.
struct SyncRequest
{
    bool dryRun = false;
    bool prune = false;
    std::vector<ResourceSelector> resources; // empty: all; otherwise hooks are skipped, as in Argo CD
    std::vector<std::string> syncOptions; // Argo CD strings: "CreateNamespace=true", ...
    std::optional<RetryStrategy> retry;
    std::string revision; // the Git revision being synced; names generateName hooks
};

struct PlanInput
{
    std::string appName;
    std::string destinationNamespace;
    compare::TrackingMethod tracking = compare::TrackingMethod::Annotation;
    std::vector<manifest::Object> desired; // rendered, not yet tracked; hooks included
    std::vector<manifest::Object> live; // tracked as the app's (hooks included)
    compare::CompareResult comparison; // of desired against live
    SyncRequest request;
    std::chrono::system_clock::time_point startedAt; // names generateName hooks
    // Whether a kind is namespaced (nullopt: unknown); null treats every kind but core
    // Namespace as namespaced. Objects without a namespace get the destination namespace.
    std::function<std::optional<bool>(const std::string &group, const std::string &kind)> isNamespaced;
    // Whether the destination namespace exists (CreateNamespace creates it only when not).
    bool destinationNamespaceExists = true;

    // Fills isNamespaced and destinationNamespaceExists from a cluster (which must outlive the input).
    void useCluster(cluster::Cluster &cluster);
};

struct SyncTask
{
    SyncPhase phase = SyncPhase::Sync;
    int wave = 0;
    // What is applied: the desired object with the app's tracking and a namespace; nullopt
    // for a prune task.
    std::optional<manifest::Object> target;
    std::optional<manifest::Object> live; // as listed when planned; nullopt when absent
    bool hook = false;
    std::vector<HookDeletePolicy> deletePolicies; // hooks only
    bool createsNamespace = false; // the CreateNamespace task (applied without tracking)

    bool isPrune() const { return !target; }
    const manifest::Object &object() const { return target ? *target : *live; }
    cluster::ResourceKey key() const;
    bool hasDeletePolicy(HookDeletePolicy policy) const;
};

struct SyncPlan
{
    std::string appName;
    std::string destinationNamespace;
    compare::TrackingMethod tracking = compare::TrackingMethod::Annotation;
    SyncOptions options;
    bool dryRun = false;
    bool prune = false;
    std::string revision;
    std::optional<RetryStrategy> retry;
    // In execution order: phase, wave, kind, name (namespaces and CRDs before what needs them);
    // SyncFail hooks last, run only when the sync fails.
    std::vector<SyncTask> tasks;
};

// Builds the plan; fails on sync options it cannot read.
capstan::Result<SyncPlan> planSync(const PlanInput &input);

} // namespace capstan::sync
