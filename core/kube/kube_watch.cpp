// Watches: one streaming request per kind, re-opened from the last resourceVersion when
// the server ends it, and re-listed (with the difference reported as events) when the
// version is too old (410 Gone). Everything here runs on the transport thread.

#include "kube/kube_cluster_p.h"

#include "cluster/json_codec_p.h"

#include <QDebug>

#include <algorithm>

namespace capstan::kube {

using cluster::WatchEvent;
using detail::DiscoveredResource;
using manifest::Node;
using manifest::Object;

namespace detail {

class KindWatch : public std::enable_shared_from_this<KindWatch>
{
public:
    KindWatch(KubeCluster::Private &cluster, DiscoveredResource resource, cluster::ListQuery query,
        std::shared_ptr<cluster::WatchCallback> callback, const std::vector<Object> &current,
        std::string resourceVersion)
        : m_cluster(cluster)
        , m_resource(std::move(resource))
        , m_query(std::move(query))
        , m_callback(std::move(callback))
        , m_resourceVersion(std::move(resourceVersion))
    {
        for (const Object &o : current)
            remember(o);
    }

    void start() { open(); }

    void stop()
    {
        m_stopped = true;
        if (m_stream)
            m_cluster.connection->transport().closeStream(m_stream);
        m_stream = 0;
    }

private:
    std::string basePath() const
    {
        const std::string ns = m_resource.namespaced ? m_query.ns : std::string();
        std::string path = collectionPath(m_resource, m_resource.version, ns);
        if (!m_query.labelSelector.empty())
            return path + "?labelSelector=" + queryValue(m_query.labelSelector.toString());
        return path + "?";
    }

    void open()
    {
        if (m_stopped)
            return;
        std::string path = basePath();
        path += (path.back() == '?' ? "" : "&");
        path += "watch=1&allowWatchBookmarks=true&timeoutSeconds="
            + std::to_string(m_cluster.options.watchTimeout.count());
        if (!m_resourceVersion.empty())
            path += "&resourceVersion=" + queryValue(m_resourceVersion);
        auto request = m_cluster.connection->prepare("GET", path, {}, {}, "application/json", true);
        if (!request) {
            retryLater(QString::fromStdString(request.error().toString()));
            return;
        }
        auto self = weak_from_this();
        m_buffer.clear();
        m_stream = m_cluster.connection->transport().openStream(
            std::move(*request),
            [self](const QByteArray &data) {
                if (auto w = self.lock())
                    w->onData(data);
            },
            [self](HttpResponse response) {
                if (auto w = self.lock())
                    w->onEnd(std::move(response));
            });
    }

    void onData(const QByteArray &data)
    {
        m_buffer += data;
        qsizetype newline;
        while (!m_stopped && (newline = m_buffer.indexOf('\n')) >= 0) {
            const QByteArray line = m_buffer.left(newline).trimmed();
            m_buffer.remove(0, newline + 1);
            if (!line.isEmpty())
                onLine(line);
        }
    }

    void onLine(const QByteArray &line)
    {
        auto event = cluster::detail::fromJson(line.toStdString());
        if (!event || !event->isMap())
            return;
        const std::string type = event->textAt({ "type" });
        Node *object = event->find("object");
        if (!object)
            return;
        if (type == "ERROR") {
            m_gone = object->textAt({ "code" }) == "410";
            if (!m_gone)
                m_lastError = object->textAt({ "message" });
            return; // the server ends the stream next
        }
        const std::string rv = object->textAt({ "metadata", "resourceVersion" });
        if (!rv.empty())
            m_resourceVersion = rv;
        WatchEvent e;
        if (type == "ADDED")
            e.type = WatchEvent::Type::Added;
        else if (type == "MODIFIED")
            e.type = WatchEvent::Type::Modified;
        else if (type == "DELETED")
            e.type = WatchEvent::Type::Deleted;
        else
            return; // BOOKMARK: only the version moves on
        stampKind(*object, m_resource);
        deliver(e.type, Object(std::move(*object)));
    }

    struct Known
    {
        std::string resourceVersion;
        bool matches = false; // whether the watcher was told about it
    };

    static std::string keyOf(const Object &o) { return o.ns() + "/" + o.name(); }

    bool remember(const Object &o)
    {
        const bool matches = cluster::matchesQuery(m_query, o);
        m_known[keyOf(o)] = Known { o.root().textAt({ "metadata", "resourceVersion" }), matches };
        return matches;
    }

    void deliver(WatchEvent::Type type, Object object)
    {
        bool matches;
        if (type == WatchEvent::Type::Deleted) {
            auto known = m_known.find(keyOf(object));
            // A stub from a re-list has no labels to match: what counts is whether it matched before.
            matches = known != m_known.end() ? known->second.matches : cluster::matchesQuery(m_query, object);
            if (known != m_known.end())
                m_known.erase(known);
        } else {
            const auto known = m_known.find(keyOf(object));
            const bool matched = known != m_known.end() && known->second.matches;
            matches = remember(object);
            // An object that stops matching (an annotation removed) leaves the watcher's view.
            if (matched && !matches) {
                type = WatchEvent::Type::Deleted;
                matches = true;
            }
        }
        if (matches)
            (*m_callback)(WatchEvent { type, std::move(object) });
    }

    void onEnd(HttpResponse response)
    {
        m_stream = 0;
        if (m_stopped)
            return;
        if (response.status == 410 || m_gone) {
            m_gone = false;
            relist();
            return;
        }
        if (response.status == 401)
            m_cluster.connection->credentialRejected();
        if (response.status == 200 && m_lastError.empty()) {
            m_backoff = std::chrono::milliseconds(0);
            open(); // the server's timeout: carry on from the last version
            return;
        }
        QString why = !m_lastError.empty() ? QString::fromStdString(m_lastError)
            : response.status
            ? QString("HTTP %1: %2").arg(response.status).arg(QString::fromUtf8(response.body.left(300)))
            : response.networkError;
        m_lastError.clear();
        retryLater(why);
    }

    void retryLater(const QString &why)
    {
        m_backoff = std::clamp(m_backoff * 2, std::chrono::milliseconds(500), std::chrono::milliseconds(30000));
        qWarning().noquote() << "watch of" << QString::fromStdString(m_resource.resourceName()) << "on"
                             << QString::fromStdString(m_cluster.connection->server()) << "failed:" << why
                             << "- retrying in" << m_backoff.count() << "ms";
        auto self = weak_from_this();
        m_cluster.connection->transport().post(
            [self] {
                if (auto w = self.lock())
                    w->open();
            },
            m_backoff);
    }

    // The version is gone from the server's history: list again, report what changed
    // since the objects we know, and watch on from the list's version.
    void relist()
    {
        auto request = m_cluster.connection->prepare("GET", basePath());
        if (!request) {
            retryLater(QString::fromStdString(request.error().toString()));
            return;
        }
        auto self = weak_from_this();
        m_cluster.connection->transport().sendAsync(std::move(*request), [self](HttpResponse response) {
            auto w = self.lock();
            if (!w || w->m_stopped)
                return;
            auto list = response.status == 200
                ? cluster::detail::fromJson(response.body.toStdString())
                : capstan::Result<Node>(makeError("HTTP " + std::to_string(response.status)));
            if (!list || !list->isMap()) {
                w->m_resourceVersion.clear();
                w->retryLater("re-list failed: " + QString::fromStdString(list ? "not JSON" : list.error().message));
                return;
            }
            w->applyList(*list);
            w->open();
        });
    }

    void applyList(Node &list)
    {
        auto before = std::move(m_known);
        m_known.clear();
        if (Node *items = list.find("items"); items && items->isSequence()) {
            for (Node &item : items->items()) {
                stampKind(item, m_resource);
                Object object(std::move(item));
                const auto was = before.find(keyOf(object));
                const bool known = was != before.end();
                const bool changed
                    = !known || was->second.resourceVersion != object.root().textAt({ "metadata", "resourceVersion" });
                if (known)
                    before.erase(was);
                if (changed)
                    deliver(known ? WatchEvent::Type::Modified : WatchEvent::Type::Added, std::move(object));
                else
                    remember(object);
            }
        }
        for (const auto &[key, known] : before) {
            if (!known.matches)
                continue;
            // Gone while we were not watching: all we have left of it is its identity.
            Node stub = Node::map();
            stampKind(stub, m_resource);
            const auto slash = key.find('/');
            if (slash > 0)
                stub["metadata"].set("namespace", Node::string(key.substr(0, slash)));
            stub["metadata"].set("name", Node::string(key.substr(slash + 1)));
            (*m_callback)(WatchEvent { WatchEvent::Type::Deleted, Object(std::move(stub)) });
        }
        m_resourceVersion = list.textAt({ "metadata", "resourceVersion" });
    }

    KubeCluster::Private &m_cluster;
    DiscoveredResource m_resource;
    cluster::ListQuery m_query;
    std::shared_ptr<cluster::WatchCallback> m_callback;
    std::string m_resourceVersion;
    std::map<std::string, Known> m_known; // by "ns/name": the objects seen
    QByteArray m_buffer;
    Transport::StreamId m_stream = 0;
    bool m_stopped = false;
    bool m_gone = false;
    std::string m_lastError;
    std::chrono::milliseconds m_backoff { 0 };
};

} // namespace detail

cluster::WatchId KubeCluster::watch(const cluster::ListQuery &query, cluster::WatchCallback callback)
{
    const cluster::WatchId id = d->nextWatch++;
    auto shared = std::make_shared<cluster::WatchCallback>(std::move(callback));
    std::vector<std::shared_ptr<detail::KindWatch>> kinds;
    auto resources = d->kindsFor(query);
    if (!resources)
        qWarning().noquote() << "cannot watch" << QString::fromStdString(d->connection->server()) << ":"
                             << QString::fromStdString(resources.error().toString());
    for (const DiscoveredResource &r : resources ? *resources : std::vector<DiscoveredResource>()) {
        // What exists now, so that only later changes are reported, and so that a re-list
        // after 410 Gone can tell what was deleted meanwhile.
        std::string version;
        auto current = d->listKind(r, query, d->options.listLimit, &version);
        if (!current && !query.kind)
            continue; // a kind this user may not read
        kinds.push_back(std::make_shared<detail::KindWatch>(
            *d, r, query, shared, current ? *current : std::vector<Object>(), version));
    }
    d->connection->transport().runAndWait([&] {
        for (auto &k : kinds)
            k->start();
        d->watches[id] = std::move(kinds);
    });
    return id;
}

void KubeCluster::unwatch(cluster::WatchId id)
{
    d->connection->transport().runAndWait([&] {
        auto it = d->watches.find(id);
        if (it == d->watches.end())
            return;
        for (auto &k : it->second)
            k->stop();
        d->watches.erase(it);
    });
}

} // namespace capstan::kube
