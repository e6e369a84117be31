#pragma once

// The one interface through which everything above core/cluster reads and changes a
// Kubernetes cluster, whether the embedded SandboxCluster or a real API server.

#include "cluster/api_result.h"
#include "cluster/resource_key.h"
#include "cluster/selector.h"
#include "manifest/object.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace capstan::cluster {

// Which objects list() and watch() return. Empty group+kind: every kind; empty ns: every namespace.
struct ListQuery
{
    std::optional<GroupKind> kind;
    std::string ns;
    LabelSelector labelSelector;
    // Annotation filters: the key must be present, and equal `value` where one is given.
    struct AnnotationFilter
    {
        std::string key;
        std::optional<std::string> value;
    };
    std::vector<AnnotationFilter> annotations;
};

// How apply() writes an object.
struct ApplyOptions
{
    std::string fieldManager = "capstan";
    // Take ownership of fields another manager owns instead of failing with Conflict.
    bool force = false;
    // Validate and compute the result, store nothing (kubectl --dry-run=server).
    bool dryRun = false;
    // Server-side apply; false: client-side apply with the last-applied-configuration annotation.
    bool serverSide = true;
    // Replace the whole object (Argo CD's Replace=true): fields absent from it are dropped.
    bool replace = false;
};

// What happens to the objects a deleted object owns (Kubernetes' propagationPolicy).
enum class Propagation {
    Background, // the owner goes now, its dependents are collected afterwards
    Foreground, // the dependents go first, then the owner
    Orphan, // the dependents stay, without the owner reference
};

// A change to one object, as a watch reports it.
struct WatchEvent
{
    enum class Type { Added, Modified, Deleted };
    Type type = Type::Added;
    manifest::Object object; // the object after the change (before it, for Deleted)
};

using WatchCallback = std::function<void(const WatchEvent &)>;
using WatchId = std::uint64_t;

// What discovery knows about a kind.
struct ApiResource
{
    std::string group;
    std::string version; // the preferred version
    std::string kind;
    std::string plural; // "deployments"
    bool namespaced = true;
};

// A Kubernetes cluster. Errors come back as ApiResult with a code (NotFound, Conflict,
// Invalid, Forbidden, ...) and a message naming the object. Implementations document
// their threading; watch callbacks may run on any thread and must not call back into
// the cluster synchronously.
class Cluster
{
public:
    virtual ~Cluster() = default;

    // The cluster's name and API server URL, as an Argo CD destination names them.
    virtual std::string name() const = 0;
    virtual std::string server() const = 0;

    // Discovery: every kind the cluster serves (built-in kinds and those of applied CRDs).
    virtual std::vector<ApiResource> apiResources() = 0;
    // Whether a kind is namespaced; nullopt where the cluster does not serve the kind.
    virtual std::optional<bool> isNamespaced(const std::string &group, const std::string &kind) = 0;

    virtual ApiResult<manifest::Object> get(const ResourceKey &key) = 0;
    virtual ApiResult<std::vector<manifest::Object>> list(const ListQuery &query) = 0;
    // Creates or updates an object and returns it as the cluster now has it.
    virtual ApiResult<manifest::Object> apply(const manifest::Object &object, const ApplyOptions &options = {}) = 0;
    virtual ApiResult<void> remove(const ResourceKey &key, Propagation propagation = Propagation::Background) = 0;

    // Calls `callback` for every later change to objects matching `query`, until unwatch().
    virtual WatchId watch(const ListQuery &query, WatchCallback callback) = 0;
    virtual void unwatch(WatchId id) = 0;
};

// Whether an object matches a query (kind, namespace, labels, annotations). Backends that
// cannot filter on the server use it; so do watchers.
bool matchesQuery(const ListQuery &query, const manifest::Object &object);

} // namespace capstan::cluster
