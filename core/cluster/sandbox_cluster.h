#pragma once

#include "cluster/cluster.h"
#include "cluster/registry.h"

#include <chrono>
#include <memory>
#include <string>

namespace capstan::cluster {

namespace detail {
class SandboxCore;
}

// The embedded cluster: a persistent local Kubernetes stand-in kept in one SQLite file
// (WAL mode), with API-server semantics (uid, resourceVersion, generation, server-side
// apply field ownership, defaults, validation, owner references and garbage collection)
// and simulated controllers that run when the clock is advanced.
//
// Threading: every call is serialised by an internal mutex, so one instance may be used
// from several threads (one call at a time runs). Watch callbacks run on the thread that
// made the change, after the lock is released. Several instances may open the same file
// (each its own connection; SQLite serialises writes), but only one should advance the
// clock, and a watch sees only changes made through its own instance.
class SandboxCluster final : public Cluster
{
public:
    struct Options
    {
        std::string name = "in-cluster";
        std::string server = "https://kubernetes.default.svc";
        int nodes = 3; // worker nodes: DaemonSets run one pod on each
    };

    // Opens (creating if needed) the sandbox stored at `path`; ":memory:" for a private,
    // unsaved one.
    static ApiResult<std::unique_ptr<SandboxCluster>> open(const std::string &path, const Options &options);
    static ApiResult<std::unique_ptr<SandboxCluster>> open(const std::string &path) { return open(path, Options()); }
    ~SandboxCluster() override;

    std::string name() const override;
    std::string server() const override;
    std::vector<ApiResource> apiResources() override;
    std::optional<bool> isNamespaced(const std::string &group, const std::string &kind) override;
    ApiResult<manifest::Object> get(const ResourceKey &key) override;
    ApiResult<std::vector<manifest::Object>> list(const ListQuery &query) override;
    ApiResult<manifest::Object> apply(const manifest::Object &object, const ApplyOptions &options = {}) override;
    ApiResult<void> remove(const ResourceKey &key, Propagation propagation = Propagation::Background) override;
    WatchId watch(const ListQuery &query, WatchCallback callback) override;
    void unwatch(WatchId id) override;

    // The simulated clock (stored in the file; starts at the wall-clock time of creation).
    std::chrono::system_clock::time_point now() const;
    // Moves the clock forward, running the controllers once per simulated second (once per
    // step of by/600 seconds for long spans); advance(0s) runs them once without time passing.
    ApiResult<void> advance(std::chrono::seconds by);

    ImageRegistry &registry();

private:
    SandboxCluster(std::unique_ptr<detail::SandboxCore> core, Options options);
    ApiResult<void> bootstrap();
    ApiResult<void> tick(std::int64_t seconds);

    std::unique_ptr<detail::SandboxCore> m_core;
    Options m_options;
};

} // namespace capstan::cluster
