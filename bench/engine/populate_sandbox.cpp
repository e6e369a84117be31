// Fills a sandbox cluster with what the benchmark workspace's applications
// want, so that a refresh has live objects to compare, shared by the engine
// and console benchmarks.

#include "bench_workspace.h"

#include "cluster/sandbox_cluster.h"
#include "reconcile/compare/tracking.h"
#include "reconcile/engine/reconciler.h"

#include <chrono>
#include <cstdio>
#include <set>
#include <stdexcept>

namespace capstan::bench {

namespace {

manifest::Object kindOnly(const char *apiVersion, const char *kind, const std::string &name, const std::string &ns)
{
    manifest::Object object(manifest::Node::map());
    object.root().set("apiVersion", manifest::Node::string(apiVersion));
    object.root().set("kind", manifest::Node::string(kind));
    object.setName(name);
    if (!ns.empty())
        object.setNamespace(ns);
    return object;
}

void check(bool ok, const std::string &message)
{
    if (!ok)
        throw std::runtime_error(message);
}

} // namespace

void populateSandbox(const std::string &db, const BenchWorkspace &workspace)
{
    auto cluster = cluster::SandboxCluster::open(db);
    check(cluster.ok(), "sandbox: " + (cluster ? std::string() : cluster.error().message));
    std::shared_ptr<cluster::SandboxCluster> sandbox(std::move(*cluster));
    auto repository = git::Repository::open(workspace.repositoryPath);
    check(repository.ok(), repository ? std::string() : repository.error().toString());
    engine::Reconciler reconciler(*repository, sandbox);
    if (auto r = reconciler.refresh(); !r)
        throw std::runtime_error(r.error().toString());
    const auto start = std::chrono::steady_clock::now();
    int applied = 0;
    std::set<std::string> namespaces;
    for (std::size_t i = 0; i < workspace.applications.size(); ++i) {
        if (i % 20 == 0)
            continue;
        const std::string &app = workspace.applications[i];
        auto desired = reconciler.desiredObjects(app);
        check(desired.ok(), desired ? std::string() : desired.error().toString());
        for (manifest::Object &o : *desired) {
            if (!o.ns().empty() && namespaces.insert(o.ns()).second) {
                auto r = sandbox->apply(kindOnly("v1", "Namespace", o.ns(), {}));
                check(r.ok(), r ? std::string() : r.error().message);
            }
            compare::setTracking(o, app, compare::TrackingMethod::Annotation);
            auto r = sandbox->apply(o);
            check(r.ok(), r ? std::string() : r.error().message);
            ++applied;
        }
        if (i % 20 != 1)
            continue;
        for (const manifest::Object &o : *desired) {
            if (o.kind() != "Deployment")
                continue;
            manifest::Object edit = kindOnly("apps/v1", "Deployment", o.name(), o.ns());
            edit.root()["spec"].set("replicas", manifest::Node::integer(7));
            auto r = sandbox->apply(edit, {"kubectl-edit", true});
            check(r.ok(), r ? std::string() : r.error().message);
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("prepared the cluster: %d objects applied in %zu namespaces (%.1f s)\n", applied, namespaces.size(),
                seconds);
}

} // namespace capstan::bench
