#pragma once

// The sandbox's object lifecycle, shared by SandboxCluster's API calls and the simulated
// controllers: metadata bookkeeping (uid, resourceVersion, generation, timestamps),
// deletion with propagation, garbage collection, discovery and watch events.
// Every member assumes the caller holds `mutex`.

#include "cluster/cluster.h"
#include "cluster/registry.h"
#include "cluster/sandbox_store_p.h"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace capstan::cluster::detail {

using manifest::Node;
using manifest::Object;

class SandboxCore
{
public:
    SandboxCore(std::unique_ptr<SandboxStore> store, int nodes);

    std::recursive_mutex mutex;

    SandboxStore &store() { return *m_store; }
    ImageRegistry &registry() { return m_registry; }
    int nodeCount() const { return m_nodes; }

    // The simulated clock, in seconds since the Unix epoch; stored in the file.
    std::int64_t now() const { return m_now; }
    ApiResult<void> setNow(std::int64_t seconds);
    void reloadClock();
    std::string nowStamp() const;

    std::optional<ApiResource> resource(const std::string &group, const std::string &kind);

    ApiResult<std::optional<Object>> find(const ResourceKey &key);
    ApiResult<std::vector<Object>> objects(const std::optional<GroupKind> &kind, const std::string &ns = {});

    // While the controllers run, each kind is decoded once and kept current by this
    // core's writes, instead of being read back from SQLite by every controller.
    void beginPass() { m_pass.emplace(); }
    void endPass() { m_pass.reset(); }

    // Stores `object` as the new state of an object whose stored state is `previous`
    // (nullopt: it is created). Sets uid, resourceVersion, generation and
    // creationTimestamp; a dry run computes the same and stores nothing.
    ApiResult<Object> write(Object object, const std::optional<Object> &previous, bool dryRun = false);
    // For controllers: create an object (defaults applied) or replace its stored state.
    ApiResult<Object> create(Object object);
    ApiResult<Object> update(const Object &object);
    ApiResult<void> erase(const ResourceKey &key, Propagation propagation);
    // Removes exactly this object now: no propagation, no namespace termination.
    ApiResult<void> purge(const Object &object);
    // Deletes objects all of whose owners are gone, until none are left.
    ApiResult<void> collectGarbage();

    // A counter stored in the file (cluster IPs, pod IPs, generated names).
    std::int64_t nextCounter(const std::string &name);

    // Watches. Events queue while the lock is held and are delivered by dispatch().
    WatchId addWatch(ListQuery query, WatchCallback callback);
    void removeWatch(WatchId id);
    void queue(WatchEvent::Type type, const Object &object);
    void dropQueued() { m_pending.clear(); }
    // Delivers queued events; call without holding `mutex`.
    void dispatch();

private:
    ApiResult<std::vector<Object>> load(const std::optional<GroupKind> &kind, const std::string &ns);
    std::unique_ptr<SandboxStore> m_store;
    ImageRegistry m_registry;
    int m_nodes = 3;
    std::int64_t m_now = 0;
    std::vector<WatchEvent> m_pending;
    std::optional<std::map<GroupKind, std::map<ResourceKey, Object>>> m_pass;

    std::mutex m_watchMutex;
    std::map<WatchId, std::pair<ListQuery, WatchCallback>> m_watches;
    WatchId m_nextWatch = 1;
};

// Parsed object or a storage error (a row that is not valid JSON).
ApiResult<Object> decode(const std::string &json);

} // namespace capstan::cluster::detail
