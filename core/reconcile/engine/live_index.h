#pragma once

#include "cluster/cluster.h"
#include "common/result.h"
#include "manifest/object.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace capstan::engine {

// The cluster's tracked objects (those with a tracking id), by application,
// kept current by a watch: listing every tracked object costs tens of
// microseconds per object, too much to pay on every refresh of thousands of
// applications. The first update() lists everything; later ones only apply
// what the watch reported, except that a full list is taken again once
// `resyncInterval` has passed, because a watch sees only the changes made
// through its own cluster instance (another process writing the same sandbox
// file is not reported). Watch events may arrive on any thread.
class LiveIndex final
{
public:
    using ObjectPtr = std::shared_ptr<const manifest::Object>;

    LiveIndex(cluster::Cluster &cluster, std::chrono::steady_clock::duration resyncInterval);
    ~LiveIndex();
    LiveIndex(const LiveIndex &) = delete;
    LiveIndex &operator=(const LiveIndex &) = delete;

    // Lists the cluster when the index has never been filled or is due for a resync.
    Result<void> update();

    // The application's objects, in a stable order.
    std::vector<ObjectPtr> objectsOf(const std::string &app) const;
    // A number that changes whenever one of the application's objects is
    // added, changed or removed (0: it has none): what its assessment depends on.
    std::uint64_t generationOf(const std::string &app) const;

private:
    struct Entry
    {
        std::string app;
        ObjectPtr object;
    };
    // What the watch callback changes; shared with it, since a callback may
    // still be running on another thread when the index is destroyed.
    struct State
    {
        std::mutex mutex;
        struct AppObjects
        {
            std::map<std::string, ObjectPtr> objects; // by object key
            std::uint64_t generation = 0;
        };
        std::unordered_map<std::string, Entry> objects;     // object key → entry
        std::unordered_map<std::string, AppObjects> byApp; // by application name
        std::uint64_t nextGeneration = 1;

        void upsert(ObjectPtr object);
        void erase(const std::string &key);
    };

    cluster::Cluster &m_cluster;
    std::chrono::steady_clock::duration m_resyncInterval;
    cluster::WatchId m_watch = 0;
    bool m_listed = false;
    std::chrono::steady_clock::time_point m_listedAt;
    std::shared_ptr<State> m_state = std::make_shared<State>();
};

} // namespace capstan::engine
