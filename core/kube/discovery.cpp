#include "kube/discovery_p.h"

#include <algorithm>

namespace capstan::kube::detail {

using cluster::ApiError;
using cluster::ApiResult;
using manifest::Node;

const char *const kAggregatedDiscoveryAccept
    = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
      "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,"
      "application/json";

namespace {

std::vector<std::string> texts(const Node *seq)
{
    std::vector<std::string> out;
    if (seq && seq->isSequence()) {
        for (const Node &n : seq->items())
            out.push_back(n.text());
    }
    return out;
}

const std::vector<Node> &itemsOf(const Node &node, std::string_view key)
{
    static const std::vector<Node> none;
    const Node *seq = node.find(key);
    return seq && seq->isSequence() ? seq->items() : none;
}

// Kinds served by several versions of a group appear once, under the most preferred.
void addUnique(std::vector<DiscoveredResource> &out, DiscoveredResource r)
{
    auto same = [&](const DiscoveredResource &o) {
        return o.group == r.group && o.kind == r.kind;
    };
    if (std::none_of(out.begin(), out.end(), same))
        out.push_back(std::move(r));
}

} // namespace

bool DiscoveredResource::can(const std::string &verb) const
{
    return std::find(verbs.begin(), verbs.end(), verb) != verbs.end();
}

std::vector<DiscoveredResource> parseAggregatedDiscovery(const Node &list)
{
    std::vector<DiscoveredResource> out;
    for (const Node &group : itemsOf(list, "items")) {
        const std::string groupName = group.textAt({ "metadata", "name" });
        // Versions come in descending order of preference.
        for (const Node &version : itemsOf(group, "versions")) {
            for (const Node &res : itemsOf(version, "resources")) {
                DiscoveredResource r;
                r.group = groupName;
                r.version = version.textAt({ "version" });
                r.plural = res.textAt({ "resource" });
                r.kind = res.textAt({ "responseKind", "kind" });
                r.namespaced = res.textAt({ "scope" }) != "Cluster";
                r.verbs = texts(res.find("verbs"));
                if (!r.kind.empty() && !r.plural.empty())
                    addUnique(out, std::move(r));
            }
        }
    }
    return out;
}

std::vector<DiscoveredResource> parseResourceList(const Node &list)
{
    std::vector<DiscoveredResource> out;
    const std::string groupVersion = list.textAt({ "groupVersion" });
    const auto slash = groupVersion.find('/');
    const std::string group = slash == std::string::npos ? "" : groupVersion.substr(0, slash);
    const std::string version = slash == std::string::npos ? groupVersion : groupVersion.substr(slash + 1);
    for (const Node &res : itemsOf(list, "resources")) {
        DiscoveredResource r;
        r.plural = res.textAt({ "name" });
        if (r.plural.find('/') != std::string::npos) // pods/log, deployments/scale
            continue;
        r.group = group;
        r.version = version;
        r.kind = res.textAt({ "kind" });
        r.namespaced = res.textAt({ "namespaced" }) == "true";
        r.verbs = texts(res.find("verbs"));
        if (!r.kind.empty())
            addUnique(out, std::move(r));
    }
    return out;
}

std::vector<std::string> preferredGroupVersions(const Node &groupList)
{
    std::vector<std::string> out;
    for (const Node &group : itemsOf(groupList, "groups")) {
        std::string gv = group.textAt({ "preferredVersion", "groupVersion" });
        if (gv.empty() && !itemsOf(group, "versions").empty())
            gv = itemsOf(group, "versions").front().textAt({ "groupVersion" });
        if (!gv.empty())
            out.push_back(gv);
    }
    return out;
}

Discovery::Discovery(Fetch fetch)
    : m_fetch(std::move(fetch))
{
}

ApiResult<std::vector<DiscoveredResource>> Discovery::discover()
{
    auto core = m_fetch("/api", kAggregatedDiscoveryAccept);
    if (!core)
        return core.error();
    if (core->textAt({ "kind" }) == "APIGroupDiscoveryList") {
        auto groups = m_fetch("/apis", kAggregatedDiscoveryAccept);
        if (!groups)
            return groups.error();
        auto out = parseAggregatedDiscovery(*core);
        for (DiscoveredResource &r : parseAggregatedDiscovery(*groups))
            addUnique(out, std::move(r));
        return out;
    }
    // Older servers: one request per group version.
    std::vector<DiscoveredResource> out;
    const auto coreVersions = texts(core->find("versions"));
    auto coreList
        = m_fetch("/api/" + (coreVersions.empty() ? std::string("v1") : coreVersions.front()), "application/json");
    if (!coreList)
        return coreList.error();
    out = parseResourceList(*coreList);
    auto groups = m_fetch("/apis", "application/json");
    if (!groups)
        return groups.error();
    for (const std::string &gv : preferredGroupVersions(*groups)) {
        auto list = m_fetch("/apis/" + gv, "application/json");
        // An aggregated API server that is down (metrics.k8s.io, often) must not hide the rest.
        if (!list)
            continue;
        for (DiscoveredResource &r : parseResourceList(*list))
            addUnique(out, std::move(r));
    }
    return out;
}

ApiResult<std::vector<DiscoveredResource>> Discovery::resources()
{
    std::lock_guard lock(m_mutex);
    if (!m_cache) {
        auto found = discover();
        if (!found)
            return found.error();
        m_cache = std::move(*found);
        m_discoveredAt = std::chrono::steady_clock::now();
    }
    return *m_cache;
}

ApiResult<DiscoveredResource> Discovery::find(const std::string &group, const std::string &kind)
{
    auto lookup = [&]() -> const DiscoveredResource * {
        for (const DiscoveredResource &r : *m_cache) {
            if (r.group == group && r.kind == kind)
                return &r;
        }
        return nullptr;
    };
    std::lock_guard lock(m_mutex);
    const auto now = std::chrono::steady_clock::now();
    const bool fresh = m_cache && now - m_discoveredAt < std::chrono::seconds(5);
    if (m_cache) {
        if (const DiscoveredResource *r = lookup())
            return *r;
    }
    if (!fresh) {
        auto found = discover();
        if (!found)
            return found.error();
        m_cache = std::move(*found);
        m_discoveredAt = now;
        if (const DiscoveredResource *r = lookup())
            return *r;
    }
    return ApiError(
        cluster::ErrorCode::NotFound, "the server does not serve kind " + (group.empty() ? kind : group + "/" + kind));
}

void Discovery::invalidate()
{
    std::lock_guard lock(m_mutex);
    m_cache.reset();
}

} // namespace capstan::kube::detail
