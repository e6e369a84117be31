#include "cluster/sandbox_cluster.h"

#include "cluster/builtin_kinds_p.h"
#include "cluster/controllers/controllers_p.h"
#include "cluster/sandbox_core_p.h"
#include "cluster/server_apply_p.h"

#include <algorithm>

namespace capstan::cluster {

using detail::Node;
using detail::Object;

namespace {

// Runs `work` in one transaction; rolls back (and drops its watch events) on failure,
// or always when `keep` is false (dry runs).
template<typename T, typename F> ApiResult<T> transact(detail::SandboxCore &core, F &&work, bool keep = true)
{
    if (auto r = core.store().begin(); !r)
        return r.error();
    core.reloadClock(); // another connection to the same file may have advanced it
    ApiResult<T> result = work();
    if (!result.ok() || !keep) {
        core.store().rollback();
        core.dropQueued();
        return result;
    }
    if (auto r = core.store().commit(); !r) {
        core.store().rollback();
        core.dropQueued();
        return r.error();
    }
    return result;
}

Node makeObject(const char *apiVersion, const char *kind, const std::string &name)
{
    Node root = Node::map();
    root.set("apiVersion", Node::string(apiVersion));
    root.set("kind", Node::string(kind));
    root["metadata"].set("name", Node::string(name));
    return root;
}

} // namespace

SandboxCluster::SandboxCluster(std::unique_ptr<detail::SandboxCore> core, Options options)
    : m_core(std::move(core))
    , m_options(std::move(options))
{
}

SandboxCluster::~SandboxCluster() = default;

ApiResult<std::unique_ptr<SandboxCluster>> SandboxCluster::open(const std::string &path, const Options &options)
{
    auto store = detail::SandboxStore::open(path);
    if (!store)
        return store.error();
    auto core = std::make_unique<detail::SandboxCore>(std::move(*store), std::max(1, options.nodes));
    std::unique_ptr<SandboxCluster> cluster(new SandboxCluster(std::move(core), options));
    if (auto r = cluster->bootstrap(); !r)
        return r.error();
    return cluster;
}

// A new sandbox gets what every cluster has: the system namespaces and its nodes.
ApiResult<void> SandboxCluster::bootstrap()
{
    std::lock_guard lock(m_core->mutex);
    return transact<void>(*m_core, [&]() -> ApiResult<void> {
        if (auto r = m_core->setNow(m_core->now()); !r)
            return r;
        std::vector<Node> wanted;
        for (const char *ns : { "default", "kube-system", "kube-public", "kube-node-lease" })
            wanted.push_back(makeObject("v1", "Namespace", ns));
        for (int i = 1; i <= m_core->nodeCount(); ++i) {
            Node node = makeObject("v1", "Node", "sandbox-node-" + std::to_string(i));
            Node condition = Node::map();
            condition.set("type", Node::string("Ready"));
            condition.set("status", Node::string("True"));
            condition.set("reason", Node::string("KubeletReady"));
            node["status"]["conditions"].append(std::move(condition));
            wanted.push_back(std::move(node));
        }
        for (Node &root : wanted) {
            Object object(std::move(root));
            auto existing = m_core->find(ResourceKey::of(object));
            if (!existing)
                return existing.error();
            if (!*existing)
                if (auto r = m_core->create(std::move(object)); !r)
                    return r.error();
        }
        m_core->dropQueued();
        return {};
    });
}

std::string SandboxCluster::name() const
{
    return m_options.name;
}

std::string SandboxCluster::server() const
{
    return m_options.server;
}

std::vector<ApiResource> SandboxCluster::apiResources()
{
    std::lock_guard lock(m_core->mutex);
    std::vector<ApiResource> out = detail::builtinResources();
    if (auto crds = m_core->objects(GroupKind { "apiextensions.k8s.io", "CustomResourceDefinition" }))
        for (const Object &crd : *crds)
            if (auto r = detail::resourceOfCrd(crd))
                out.push_back(*r);
    return out;
}

std::optional<bool> SandboxCluster::isNamespaced(const std::string &group, const std::string &kind)
{
    std::lock_guard lock(m_core->mutex);
    if (auto r = m_core->resource(group, kind))
        return r->namespaced;
    return std::nullopt;
}

ApiResult<manifest::Object> SandboxCluster::get(const ResourceKey &key)
{
    std::lock_guard lock(m_core->mutex);
    ResourceKey k = key;
    if (k.ns.empty())
        if (auto r = m_core->resource(k.group, k.kind); r && r->namespaced)
            k.ns = "default";
    auto found = m_core->find(k);
    if (!found)
        return found.error();
    if (!*found)
        return ApiError(ErrorCode::NotFound, k.kind + " \"" + k.name + "\" not found", k.toString());
    return std::move(**found);
}

ApiResult<std::vector<manifest::Object>> SandboxCluster::list(const ListQuery &query)
{
    std::lock_guard lock(m_core->mutex);
    auto rows = m_core->store().select(query.kind, query.ns);
    if (!rows)
        return rows.error();
    std::vector<manifest::Object> out;
    // Filter on the stored label and annotation columns first: only matches are parsed.
    for (const detail::StoredObject &row : *rows) {
        if (!query.labelSelector.empty()) {
            auto labels = detail::decode(row.labels);
            if (!labels || !query.labelSelector.matches(&labels->root()))
                continue;
        }
        if (!query.annotations.empty()) {
            auto annotations = detail::decode(row.annotations);
            if (!annotations)
                continue;
            const bool all = std::all_of(query.annotations.begin(), query.annotations.end(), [&](const auto &f) {
                const Node *v = annotations->root().find(f.key);
                return v && (!f.value || v->text() == *f.value);
            });
            if (!all)
                continue;
        }
        auto object = detail::decode(row.body);
        if (!object)
            return object.error();
        out.push_back(std::move(*object));
    }
    return out;
}

ApiResult<manifest::Object> SandboxCluster::apply(const manifest::Object &object, const ApplyOptions &options)
{
    ApiResult<manifest::Object> result = [&] {
        std::lock_guard lock(m_core->mutex);
        return transact<manifest::Object>(
            *m_core, [&] { return detail::applyObject(*m_core, object, options); }, !options.dryRun);
    }();
    m_core->dispatch();
    return result;
}

ApiResult<void> SandboxCluster::remove(const ResourceKey &key, Propagation propagation)
{
    ApiResult<void> result = [&] {
        std::lock_guard lock(m_core->mutex);
        ResourceKey k = key;
        const auto resource = m_core->resource(k.group, k.kind);
        if (!resource)
            return ApiResult<void>(ApiError(ErrorCode::NotFound,
                "the server doesn't have a resource type \"" + k.kind + "\" in group \"" + k.group + "\"",
                k.toString()));
        if (resource->namespaced && k.ns.empty())
            k.ns = "default";
        if (!resource->namespaced)
            k.ns.clear();
        return transact<void>(*m_core, [&] { return m_core->erase(k, propagation); });
    }();
    m_core->dispatch();
    return result;
}

WatchId SandboxCluster::watch(const ListQuery &query, WatchCallback callback)
{
    return m_core->addWatch(query, std::move(callback));
}

void SandboxCluster::unwatch(WatchId id)
{
    m_core->removeWatch(id);
}

std::chrono::system_clock::time_point SandboxCluster::now() const
{
    std::lock_guard lock(m_core->mutex);
    return std::chrono::system_clock::time_point(std::chrono::seconds(m_core->now()));
}

ApiResult<void> SandboxCluster::advance(std::chrono::seconds by)
{
    const std::int64_t total = std::max<std::int64_t>(0, by.count());
    const std::int64_t step = std::max<std::int64_t>(1, total / 600);
    std::int64_t done = 0;
    do {
        const std::int64_t seconds = std::min(step, total - done);
        ApiResult<void> result = [&] {
            std::lock_guard lock(m_core->mutex);
            return transact<void>(*m_core, [&] { return tick(seconds); });
        }();
        m_core->dispatch();
        if (!result)
            return result;
        done += seconds;
    } while (done < total);
    return {};
}

ApiResult<void> SandboxCluster::tick(std::int64_t seconds)
{
    if (auto r = m_core->setNow(m_core->now() + seconds); !r)
        return r;
    using Pass = ApiResult<void> (*)(detail::SandboxCore &);
    static constexpr Pass passes[] = {
        detail::runNamespaces,
        detail::runPods,
        detail::runDeployments,
        detail::runReplicaSets,
        detail::runDeploymentStatus,
        detail::runStatefulSets,
        detail::runDaemonSets,
        detail::runJobs,
        detail::runCronJobs,
        detail::runServices,
        detail::runAutoscalers,
        detail::runDisruptionBudgets,
        detail::runVolumeClaims,
    };
    m_core->beginPass();
    ApiResult<void> result;
    for (Pass pass : passes) {
        result = pass(*m_core);
        if (!result)
            break;
    }
    m_core->endPass();
    if (!result)
        return result;
    return m_core->collectGarbage();
}

ImageRegistry &SandboxCluster::registry()
{
    return m_core->registry();
}

const char *toString(ErrorCode code)
{
    switch (code) {
    case ErrorCode::NotFound:
        return "NotFound";
    case ErrorCode::AlreadyExists:
        return "AlreadyExists";
    case ErrorCode::Conflict:
        return "Conflict";
    case ErrorCode::Invalid:
        return "Invalid";
    case ErrorCode::Forbidden:
        return "Forbidden";
    case ErrorCode::Unavailable:
        return "Unavailable";
    }
    return "Unknown";
}

bool matchesQuery(const ListQuery &query, const manifest::Object &object)
{
    if (query.kind && (object.kind() != query.kind->kind || object.group() != query.kind->group))
        return false;
    if (!query.ns.empty() && object.ns() != query.ns)
        return false;
    if (!query.labelSelector.matches(object.root().at({ "metadata", "labels" })))
        return false;
    const Node *annotations = object.root().at({ "metadata", "annotations" });
    for (const auto &f : query.annotations) {
        const Node *v = annotations ? annotations->find(f.key) : nullptr;
        if (!v || (f.value && v->text() != *f.value))
            return false;
    }
    return true;
}

} // namespace capstan::cluster
