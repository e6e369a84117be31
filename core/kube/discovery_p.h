#pragma once

// API discovery: which kinds a server serves, under which plural, in which scope, with
// which verbs. Aggregated discovery (one request each for /api and /apis, Kubernetes
// 1.26+) where the server offers it, else /api/v1 and /apis/<group>/<preferred version>.

#include "cluster/api_result.h"
#include "manifest/node.h"

#include <QByteArray>

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace capstan::kube::detail {

struct DiscoveredResource
{
    std::string group;
    std::string version; // the preferred version that serves the kind
    std::string kind;
    std::string plural;
    bool namespaced = true;
    std::vector<std::string> verbs;

    bool can(const std::string &verb) const;
    // "deployments.apps", "pods": how kubectl names a resource.
    std::string resourceName() const { return group.empty() ? plural : plural + "." + group; }
};

// The Accept header that asks for aggregated discovery (v2, then v2beta1) with plain JSON
// as the fallback older servers answer with.
extern const char *const kAggregatedDiscoveryAccept;

// Parsers for the discovery documents (already decoded from JSON). Subresources are skipped.
std::vector<DiscoveredResource> parseAggregatedDiscovery(const manifest::Node &groupDiscoveryList);
std::vector<DiscoveredResource> parseResourceList(const manifest::Node &apiResourceList);
// The preferred group versions ("apps/v1") of an APIGroupList.
std::vector<std::string> preferredGroupVersions(const manifest::Node &apiGroupList);

// Cached discovery of one server.
class Discovery
{
public:
    // GETs a path with the given Accept header and decodes the JSON body.
    using Fetch = std::function<cluster::ApiResult<manifest::Node>(const std::string &path, const QByteArray &accept)>;

    explicit Discovery(Fetch fetch);

    // Every kind, discovering on first use.
    cluster::ApiResult<std::vector<DiscoveredResource>> resources();
    // A kind; on a miss discovery runs again (a CRD may have been applied since), at most
    // once every few seconds.
    cluster::ApiResult<DiscoveredResource> find(const std::string &group, const std::string &kind);
    void invalidate();

private:
    cluster::ApiResult<std::vector<DiscoveredResource>> discover();

    Fetch m_fetch;
    std::mutex m_mutex;
    std::optional<std::vector<DiscoveredResource>> m_cache;
    std::chrono::steady_clock::time_point m_discoveredAt;
};

} // namespace capstan::kube::detail
