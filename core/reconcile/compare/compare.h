#pragma once

#include "common/result.h"
#include "manifest/object.h"
#include "reconcile/compare/ignore_differences.h"
#include "reconcile/compare/tracking.h"

#include <optional>
#include <string>
#include <vector>

namespace capstan::compare {

// One resource's state, in Argo CD's words.
enum class ResourceStatus {
    Synced,
    OutOfSync,
    Missing, // in Git, not live
    RequiresPruning, // live and tracked by the app, no longer in Git
};

// The application's sync status: Unknown when the comparison itself failed.
enum class SyncStatus { Synced, OutOfSync, Unknown };

const char *toString(ResourceStatus status);
const char *toString(SyncStatus status);

// How much text to produce for resources that are Synced.
enum class Detail {
    All, // normalized YAML for every resource
    OutOfSyncOnly, // Synced resources get empty YAML (a refresh of many apps)
};

struct CompareRequest
{
    std::string appName; // for tracking; "" compares without setting or checking it
    std::string defaultNamespace; // the Application's destination namespace
    TrackingMethod tracking = TrackingMethod::Annotation;
    std::vector<manifest::Object> desired; // rendered from Git
    std::vector<manifest::Object> live; // listed from the cluster, server-set fields and all
    std::vector<IgnoreDifference> ignoreDifferences;
    Detail detail = Detail::All;
};

struct ResourceComparison
{
    manifest::ResourceId id;
    ResourceStatus status = ResourceStatus::Synced;
    // Canonical YAML (manifest::emitYaml) after normalisation, Secret data
    // masked; "" for the side that does not exist.
    std::string desiredYaml;
    std::string liveYaml;
    // Unified diff live → desired ("--- a/<path>" is live, "+++ b/<path>" is
    // desired); "" when Synced.
    std::string diff;
};

struct CompareResult
{
    SyncStatus status = SyncStatus::Synced;
    // Desired resources in their order, then those that require pruning.
    // Hooks (argocd.argoproj.io/hook) are not compared, as in Argo CD.
    std::vector<ResourceComparison> resources;
    std::optional<capstan::Error> error; // set when status is Unknown (resources is then empty)
};

// Compares what Git wants with what the cluster has. Normalisation: desired
// gets the app's tracking; server-set fields are dropped; live is cut down to
// the fields desired sets (server defaults do not count); equal quantities
// compare equal; ignoreDifferences remove fields from both sides; Secret
// stringData is folded into data and every data value is masked. Live objects
// owned by another object (ownerReferences) or not tracked by the app are
// never reported for pruning.
CompareResult compareApp(const CompareRequest &request);

// "a/<path>" and "b/<path>" in diffs: group (when not core), Kind, namespace (when set), name.
std::string resourcePath(const manifest::ResourceId &id);

} // namespace capstan::compare
