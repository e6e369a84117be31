#pragma once

#include "kube/api_errors_p.h"
#include "kube/connection_p.h"
#include "kube/discovery_p.h"
#include "kube/kube_cluster.h"

#include <atomic>
#include <map>
#include <memory>

namespace capstan::kube {

namespace detail {
class KindWatch;

// "/apis/apps/v1" or "/api/v1".
std::string groupVersionPath(const std::string &group, const std::string &version);
// ".../namespaces/<ns>/<plural>" (no namespace segment for cluster-scoped kinds or an empty ns).
std::string collectionPath(const DiscoveredResource &r, const std::string &version, const std::string &ns);
std::string queryValue(const std::string &text);
// Items of a list carry no apiVersion and kind; this gives them the list's.
void stampKind(manifest::Node &item, const DiscoveredResource &r);
} // namespace detail

struct KubeCluster::Private
{
    Kubeconfig::Resolved config;
    Options options;
    std::unique_ptr<detail::Connection> connection;
    std::unique_ptr<detail::Discovery> discovery;

    // Transport thread only.
    std::map<cluster::WatchId, std::vector<std::shared_ptr<detail::KindWatch>>> watches;
    std::atomic<cluster::WatchId> nextWatch { 1 };

    std::string namespaceFor(const detail::DiscoveredResource &r, const std::string &ns) const;
    detail::RequestSubject subject(const std::string &verb, const detail::DiscoveredResource &r, const std::string &ns,
        const std::string &name = {}) const;
    // Sends and decodes a JSON answer; errors mapped to ApiError.
    cluster::ApiResult<manifest::Node> callJson(const QByteArray &method, const std::string &path,
        const detail::RequestSubject &subject, const QByteArray &body = {}, const QByteArray &contentType = {},
        const QByteArray &accept = "application/json");
    // Every object of one kind (all pages); `resourceVersion` gets the list's.
    cluster::ApiResult<std::vector<manifest::Object>> listKind(const detail::DiscoveredResource &r,
        const cluster::ListQuery &query, int limit, std::string *resourceVersion = nullptr);
    // The kinds a query covers: the one it names, or every listable kind.
    cluster::ApiResult<std::vector<detail::DiscoveredResource>> kindsFor(const cluster::ListQuery &query);
};

} // namespace capstan::kube
