#pragma once

#include "cluster/cluster.h"
#include "common/result.h"
#include "kube/kubeconfig.h"

#include <chrono>
#include <memory>
#include <string>

namespace capstan::kube {

namespace detail {
class KindWatch;
}

// A real Kubernetes API server behind the Cluster interface, reached through one kubeconfig
// context: TLS and credentials (client certificates, tokens, token files, exec plugins),
// cached discovery, server-side apply with field manager "capstan", deletes with a
// propagation policy, and watches.
//
// Threading: the calls are synchronous and may come from any thread but the transport
// thread this object starts; they block that thread (never running an event loop in it)
// until the server answers. Watch callbacks run on the transport thread, one at a time;
// they must not call back into this cluster synchronously.
//
// Lists and watches of every kind (an empty ListQuery::kind) cover the kinds discovery
// lists with the verbs list and watch, except Events; kinds the user may not list are
// skipped; a kind the server does not serve lists as empty. Objects without a namespace go
// to the context's namespace ("default" if none). Watch callbacks see an object that stops
// matching the query's annotation filter as Deleted.
class KubeCluster final : public cluster::Cluster
{
public:
    struct Options
    {
        // Client-side limit on requests a second, with bursts of `burst`. client-go's
        // defaults are 5/10; these are Argo CD's controller defaults, since a full list of
        // a cluster is one request per kind.
        double qps = 50;
        int burst = 100;
        // Per request (watch streams excepted).
        std::chrono::milliseconds timeout = std::chrono::seconds(30);
        // How long the server may keep one watch request open before we re-open it.
        std::chrono::seconds watchTimeout = std::chrono::seconds(290);
        // Page size of lists.
        int listLimit = 500;
    };

    // Prepares the context's connection (reads certificates, checks the server URL);
    // contacts nothing until the first call. An empty context means current-context.
    static capstan::Result<std::unique_ptr<KubeCluster>> open(
        const Kubeconfig &config, const std::string &context, const Options &options);
    static capstan::Result<std::unique_ptr<KubeCluster>> open(const Kubeconfig &config, const std::string &context)
    {
        return open(config, context, Options());
    }
    ~KubeCluster() override;

    // The kubeconfig's cluster name, its server URL, and the context's namespace.
    std::string name() const override;
    std::string server() const override;
    std::string contextName() const;
    std::string defaultNamespace() const;

    std::vector<cluster::ApiResource> apiResources() override;
    std::optional<bool> isNamespaced(const std::string &group, const std::string &kind) override;
    cluster::ApiResult<manifest::Object> get(const cluster::ResourceKey &key) override;
    cluster::ApiResult<std::vector<manifest::Object>> list(const cluster::ListQuery &query) override;
    // Server-side apply (PATCH application/apply-patch+yaml); with `replace`, a PUT of the
    // whole object (POST when it does not exist). Client-side apply is not offered: a
    // `serverSide = false` request is applied server-side too.
    cluster::ApiResult<manifest::Object> apply(
        const manifest::Object &object, const cluster::ApplyOptions &options = {}) override;
    cluster::ApiResult<void> remove(
        const cluster::ResourceKey &key, cluster::Propagation propagation = cluster::Propagation::Background) override;
    cluster::WatchId watch(const cluster::ListQuery &query, cluster::WatchCallback callback) override;
    void unwatch(cluster::WatchId id) override;

    // Forgets discovery, so the next call discovers again.
    void invalidateDiscovery();

private:
    friend class detail::KindWatch;
    struct Private;
    explicit KubeCluster(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace capstan::kube
