#include "kube/kube_cluster_p.h"

#include "cluster/json_codec_p.h"

#include <QUrl>

namespace capstan::kube {

using cluster::ApiError;
using cluster::ApiResult;
using cluster::ErrorCode;
using detail::DiscoveredResource;
using manifest::Node;
using manifest::Object;

namespace detail {

std::string groupVersionPath(const std::string &group, const std::string &version)
{
    return group.empty() ? "/api/" + version : "/apis/" + group + "/" + version;
}

std::string collectionPath(const DiscoveredResource &r, const std::string &version, const std::string &ns)
{
    std::string path = groupVersionPath(r.group, version);
    if (r.namespaced && !ns.empty())
        path += "/namespaces/" + queryValue(ns);
    return path + "/" + r.plural;
}

std::string queryValue(const std::string &text)
{
    return QUrl::toPercentEncoding(QString::fromStdString(text)).toStdString();
}

void stampKind(Node &item, const DiscoveredResource &r)
{
    if (!item.isMap())
        return;
    if (!item.contains("kind"))
        item.entries().insert(item.entries().begin(), manifest::MapEntry { "kind", Node::string(r.kind), {} });
    if (!item.contains("apiVersion")) {
        const std::string apiVersion = r.group.empty() ? r.version : r.group + "/" + r.version;
        item.entries().insert(
            item.entries().begin(), manifest::MapEntry { "apiVersion", Node::string(apiVersion), {} });
    }
}

} // namespace detail

std::string KubeCluster::Private::namespaceFor(const DiscoveredResource &r, const std::string &ns) const
{
    if (!r.namespaced)
        return {};
    if (!ns.empty())
        return ns;
    return config.context.ns.empty() ? "default" : config.context.ns;
}

detail::RequestSubject KubeCluster::Private::subject(
    const std::string &verb, const DiscoveredResource &r, const std::string &ns, const std::string &name) const
{
    detail::RequestSubject s;
    s.verb = verb;
    s.resource = r.resourceName();
    if (!name.empty())
        s.resource += " \"" + name + "\"";
    if (!ns.empty())
        s.resource += " in namespace \"" + ns + "\"";
    s.where = cluster::ResourceKey { r.group, r.kind, ns, name }.toString();
    s.server = connection->server();
    return s;
}

ApiResult<Node> KubeCluster::Private::callJson(const QByteArray &method, const std::string &path,
    const detail::RequestSubject &subject, const QByteArray &body, const QByteArray &contentType,
    const QByteArray &accept)
{
    auto response = connection->call(method, path, body, contentType, accept);
    if (!response)
        return ApiError(ErrorCode::Unavailable, response.error().toString(), subject.where);
    if (auto error = detail::toApiError(*response, subject))
        return *error;
    auto node = cluster::detail::fromJson(response->body.toStdString());
    if (!node)
        return ApiError(ErrorCode::Unavailable,
            "the API server " + subject.server + " answered " + subject.verb + " " + subject.resource
                + " with something that is not JSON",
            subject.where);
    return std::move(*node);
}

ApiResult<std::vector<Object>> KubeCluster::Private::listKind(
    const DiscoveredResource &r, const cluster::ListQuery &query, int limit, std::string *resourceVersion)
{
    const std::string ns = r.namespaced ? query.ns : std::string();
    std::string base = detail::collectionPath(r, r.version, ns) + "?limit=" + std::to_string(limit);
    if (!query.labelSelector.empty())
        base += "&labelSelector=" + detail::queryValue(query.labelSelector.toString());
    std::vector<Object> out;
    std::string continueToken;
    do {
        const std::string path = continueToken.empty() ? base : base + "&continue=" + detail::queryValue(continueToken);
        auto page = callJson("GET", path, subject("list", r, ns));
        if (!page)
            return page.error();
        if (Node *items = page->find("items"); items && items->isSequence()) {
            for (Node &item : items->items()) {
                detail::stampKind(item, r);
                out.emplace_back(std::move(item));
            }
        }
        // Later pages belong to the first page's snapshot: its version is the list's.
        if (resourceVersion && continueToken.empty())
            *resourceVersion = page->textAt({ "metadata", "resourceVersion" });
        continueToken = page->textAt({ "metadata", "continue" });
    } while (!continueToken.empty());
    return out;
}

ApiResult<std::vector<DiscoveredResource>> KubeCluster::Private::kindsFor(const cluster::ListQuery &query)
{
    if (query.kind) {
        auto r = discovery->find(query.kind->group, query.kind->kind);
        if (!r)
            return r.code() == ErrorCode::NotFound ? std::vector<DiscoveredResource>()
                                                   : ApiResult<std::vector<DiscoveredResource>>(r.error());
        return std::vector<DiscoveredResource> { *r };
    }
    auto all = discovery->resources();
    if (!all)
        return all.error();
    std::vector<DiscoveredResource> out;
    for (const DiscoveredResource &r : *all) {
        // Events churn and are nobody's desired state (Argo CD leaves them out too).
        if (r.kind == "Event" && (r.group.empty() || r.group == "events.k8s.io"))
            continue;
        if (!r.can("list") || !r.can("watch") || (!r.namespaced && !query.ns.empty()))
            continue;
        out.push_back(r);
    }
    return out;
}

KubeCluster::KubeCluster(std::unique_ptr<Private> p)
    : d(std::move(p))
{
}

KubeCluster::~KubeCluster()
{
    std::vector<cluster::WatchId> ids;
    d->connection->transport().runAndWait([&] {
        for (const auto &[id, watches] : d->watches)
            ids.push_back(id);
    });
    for (cluster::WatchId id : ids)
        unwatch(id);
}

capstan::Result<std::unique_ptr<KubeCluster>> KubeCluster::open(
    const Kubeconfig &config, const std::string &context, const Options &options)
{
    auto resolved = config.resolve(context);
    if (!resolved)
        return resolved.error();
    detail::ConnectionOptions connectionOptions;
    connectionOptions.qps = options.qps;
    connectionOptions.burst = options.burst;
    connectionOptions.timeout = options.timeout;
    auto connection = detail::Connection::create(*resolved, connectionOptions);
    if (!connection)
        return connection.error();
    auto p = std::make_unique<Private>();
    p->config = std::move(*resolved);
    p->options = options;
    p->connection = std::move(*connection);
    Private *raw = p.get();
    p->discovery = std::make_unique<detail::Discovery>([raw](const std::string &path, const QByteArray &accept) {
        detail::RequestSubject s { "discover", "the API (" + path + ")", {}, raw->connection->server() };
        return raw->callJson("GET", path, s, {}, {}, accept);
    });
    return std::unique_ptr<KubeCluster>(new KubeCluster(std::move(p)));
}

std::string KubeCluster::name() const
{
    return d->config.cluster.name;
}
std::string KubeCluster::server() const
{
    return d->config.cluster.server;
}
std::string KubeCluster::contextName() const
{
    return d->config.context.name;
}
std::string KubeCluster::defaultNamespace() const
{
    return d->config.context.ns.empty() ? "default" : d->config.context.ns;
}

void KubeCluster::invalidateDiscovery()
{
    d->discovery->invalidate();
}

std::vector<cluster::ApiResource> KubeCluster::apiResources()
{
    std::vector<cluster::ApiResource> out;
    auto all = d->discovery->resources();
    if (!all)
        return out;
    for (const DiscoveredResource &r : *all)
        out.push_back({ r.group, r.version, r.kind, r.plural, r.namespaced });
    return out;
}

std::optional<bool> KubeCluster::isNamespaced(const std::string &group, const std::string &kind)
{
    auto r = d->discovery->find(group, kind);
    if (!r)
        return std::nullopt;
    return r->namespaced;
}

ApiResult<Object> KubeCluster::get(const cluster::ResourceKey &key)
{
    auto r = d->discovery->find(key.group, key.kind);
    if (!r)
        return ApiError(r.code(), r.error().message, key.toString());
    const std::string ns = d->namespaceFor(*r, key.ns);
    auto node = d->callJson("GET", detail::collectionPath(*r, r->version, ns) + "/" + detail::queryValue(key.name),
        d->subject("get", *r, ns, key.name));
    if (!node)
        return node.error();
    return Object(std::move(*node));
}

ApiResult<std::vector<Object>> KubeCluster::list(const cluster::ListQuery &query)
{
    auto kinds = d->kindsFor(query);
    if (!kinds)
        return kinds.error();
    std::vector<Object> out;
    for (const DiscoveredResource &r : *kinds) {
        auto objects = d->listKind(r, query, d->options.listLimit);
        if (!objects) {
            // Listing everything: kinds this user may not read are left out, as kubectl does.
            const bool skippable = objects.code() == ErrorCode::Forbidden || objects.code() == ErrorCode::NotFound;
            if (!query.kind && skippable)
                continue;
            return objects.error();
        }
        for (Object &o : *objects) {
            // Labels were selected by the server; annotations can only be filtered here.
            if (cluster::matchesQuery(query, o))
                out.push_back(std::move(o));
        }
    }
    return out;
}

ApiResult<Object> KubeCluster::apply(const Object &object, const cluster::ApplyOptions &options)
{
    std::string group, version;
    manifest::splitApiVersion(object.apiVersion(), group, version);
    auto r = d->discovery->find(group, object.kind());
    if (!r)
        return ApiError(r.code(), r.error().message, cluster::ResourceKey::of(object).toString());
    const std::string ns = d->namespaceFor(*r, object.ns());
    if (object.name().empty())
        return ApiError(
            ErrorCode::Invalid, "the object has no metadata.name", cluster::ResourceKey::of(object).toString());
    const std::string collection = detail::collectionPath(*r, version, ns);
    const std::string path = collection + "/" + detail::queryValue(object.name());
    std::string query = "?fieldManager=" + detail::queryValue(options.fieldManager);
    if (options.dryRun)
        query += "&dryRun=All";

    if (options.replace) {
        // Replace=true: the object as given, every field not in it dropped.
        auto existing = d->callJson("GET", path, d->subject("get", *r, ns, object.name()));
        if (!existing && existing.code() != ErrorCode::NotFound)
            return existing.error();
        Node body = object.root();
        if (!existing) {
            auto created = d->callJson("POST", collection + query, d->subject("create", *r, ns, object.name()),
                QByteArray::fromStdString(cluster::detail::toJson(body)), "application/json");
            if (!created)
                return created.error();
            return Object(std::move(*created));
        }
        // A caller that read the object first sends its resourceVersion: keep it, so a
        // change made since is refused (409) rather than overwritten.
        if (object.root().textAt({ "metadata", "resourceVersion" }).empty())
            body["metadata"].set("resourceVersion", Node::string(existing->textAt({ "metadata", "resourceVersion" })));
        auto replaced = d->callJson("PUT", path + query, d->subject("update", *r, ns, object.name()),
            QByteArray::fromStdString(cluster::detail::toJson(body)), "application/json");
        if (!replaced)
            return replaced.error();
        return Object(std::move(*replaced));
    }

    if (options.force)
        query += "&force=true";
    // JSON is YAML: the apply patch is the object as JSON, as kubectl sends it.
    auto applied = d->callJson("PATCH", path + query, d->subject("patch", *r, ns, object.name()),
        QByteArray::fromStdString(cluster::detail::toJson(object.root())), "application/apply-patch+yaml");
    if (!applied)
        return applied.error();
    return Object(std::move(*applied));
}

ApiResult<void> KubeCluster::remove(const cluster::ResourceKey &key, cluster::Propagation propagation)
{
    auto r = d->discovery->find(key.group, key.kind);
    if (!r)
        return ApiError(r.code(), r.error().message, key.toString());
    const std::string ns = d->namespaceFor(*r, key.ns);
    const char *policy = propagation == cluster::Propagation::Foreground ? "Foreground"
        : propagation == cluster::Propagation::Orphan                    ? "Orphan"
                                                                         : "Background";
    const QByteArray body
        = QByteArray(R"({"kind":"DeleteOptions","apiVersion":"v1","propagationPolicy":")") + policy + "\"}";
    auto deleted
        = d->callJson("DELETE", detail::collectionPath(*r, r->version, ns) + "/" + detail::queryValue(key.name),
            d->subject("delete", *r, ns, key.name), body, "application/json");
    if (!deleted)
        return deleted.error();
    return {};
}

} // namespace capstan::kube
