#include "reconcile/engine/live_index.h"

#include "reconcile/compare/tracking.h"

#include <charconv>

namespace capstan::engine {

namespace {

// Sorts as the cluster lists: by group, kind, namespace, name.
std::string objectKey(const manifest::Object &object)
{
    return object.group() + '\0' + object.kind() + '\0' + object.ns() + '\0' + object.name();
}

std::string trackedBy(const manifest::Object &object)
{
    const std::string annotation
        = object.root().textAt({"metadata", "annotations", std::string(compare::TrackingIdAnnotation)});
    if (annotation.empty())
        return {};
    auto id = compare::parseTrackingId(annotation);
    return id ? id->app : std::string();
}

std::string resourceVersion(const manifest::Object &object)
{
    return object.root().textAt({"metadata", "resourceVersion"});
}

// Whether `incoming` is older than `stored`: events from several threads may
// be delivered out of order. Versions that are not numbers are taken as newer.
bool older(const std::string &incoming, const std::string &stored)
{
    unsigned long long a = 0, b = 0;
    const auto ra = std::from_chars(incoming.data(), incoming.data() + incoming.size(), a);
    const auto rb = std::from_chars(stored.data(), stored.data() + stored.size(), b);
    const bool numbers = ra.ec == std::errc() && ra.ptr == incoming.data() + incoming.size() && rb.ec == std::errc()
                         && rb.ptr == stored.data() + stored.size();
    return numbers && a < b;
}

} // namespace

LiveIndex::LiveIndex(cluster::Cluster &cluster, std::chrono::steady_clock::duration resyncInterval)
    : m_cluster(cluster)
    , m_resyncInterval(resyncInterval)
{
}

LiveIndex::~LiveIndex()
{
    if (m_watch)
        m_cluster.unwatch(m_watch);
}

Result<void> LiveIndex::update()
{
    if (m_listed && std::chrono::steady_clock::now() - m_listedAt < m_resyncInterval)
        return {};
    // Watch every object, not only tracked ones: an object that loses its
    // tracking id must leave the index, and a filtered watch would not say so.
    if (!m_watch) {
        m_watch = m_cluster.watch({}, [state = m_state](const cluster::WatchEvent &event) {
            if (event.type == cluster::WatchEvent::Type::Deleted) {
                std::lock_guard lock(state->mutex);
                state->erase(objectKey(event.object));
            } else {
                auto object = std::make_shared<const manifest::Object>(event.object);
                std::lock_guard lock(state->mutex);
                state->upsert(std::move(object));
            }
        });
    }
    const auto listedAt = std::chrono::steady_clock::now();
    cluster::ListQuery query;
    query.annotations.push_back({std::string(compare::TrackingIdAnnotation), std::nullopt});
    auto live = m_cluster.list(query);
    if (!live)
        return Error(live.error());
    std::lock_guard lock(m_state->mutex);
    auto previous = std::move(m_state->byApp);
    m_state->objects.clear();
    m_state->byApp.clear();
    for (manifest::Object &object : *live)
        m_state->upsert(std::make_shared<const manifest::Object>(std::move(object)));
    // A resync that finds an application's objects as they were keeps its
    // generation: its assessment stays valid.
    for (auto &[app, now] : m_state->byApp) {
        auto before = previous.find(app);
        if (before == previous.end() || before->second.objects.size() != now.objects.size())
            continue;
        bool same = true;
        for (auto a = before->second.objects.begin(), b = now.objects.begin(); same && b != now.objects.end(); ++a, ++b)
            same = a->first == b->first && resourceVersion(*a->second) == resourceVersion(*b->second);
        if (same)
            now.generation = before->second.generation;
    }
    m_listed = true;
    m_listedAt = listedAt;
    return {};
}

void LiveIndex::State::upsert(ObjectPtr object)
{
    const std::string key = objectKey(*object);
    const std::string app = trackedBy(*object);
    auto found = objects.find(key);
    if (found != objects.end()) {
        if (older(resourceVersion(*object), resourceVersion(*found->second.object)))
            return;
        if (found->second.app != app)
            erase(key);
    }
    if (app.empty())
        return;
    State::AppObjects &owner = byApp[app];
    owner.objects[key] = object;
    owner.generation = nextGeneration++;
    objects[key] = Entry{app, std::move(object)};
}

void LiveIndex::State::erase(const std::string &key)
{
    auto found = objects.find(key);
    if (found == objects.end())
        return;
    auto app = byApp.find(found->second.app);
    if (app != byApp.end()) {
        app->second.objects.erase(key);
        app->second.generation = nextGeneration++;
        if (app->second.objects.empty())
            byApp.erase(app);
    }
    objects.erase(found);
}

std::vector<LiveIndex::ObjectPtr> LiveIndex::objectsOf(const std::string &app) const
{
    std::lock_guard lock(m_state->mutex);
    std::vector<ObjectPtr> objects;
    if (auto it = m_state->byApp.find(app); it != m_state->byApp.end())
        for (const auto &[key, object] : it->second.objects)
            objects.push_back(object);
    return objects;
}

std::uint64_t LiveIndex::generationOf(const std::string &app) const
{
    std::lock_guard lock(m_state->mutex);
    auto it = m_state->byApp.find(app);
    return it == m_state->byApp.end() ? 0 : it->second.generation;
}

} // namespace capstan::engine
