#pragma once

// Shared by the sync tests: objects from YAML, and an application synced into a sandbox
// whose clock the runner steps.

#include "cluster/sandbox_cluster.h"
#include "manifest/yaml_reader.h"
#include "reconcile/compare/compare.h"
#include "reconcile/compare/tracking.h"
#include "reconcile/sync/plan.h"
#include "reconcile/sync/runner.h"

#include <QTest>

#include <memory>
#include <string>
#include <vector>

namespace capstan::sync::test {

inline std::vector<manifest::Object> objects(const std::string &yaml)
{
    if (yaml.empty())
        return {};
    auto parsed = manifest::parseObjects(yaml, "test.yaml");
    if (!parsed)
        qFatal("bad test YAML: %s", parsed.error().toString().c_str());
    return *parsed;
}

inline std::unique_ptr<cluster::SandboxCluster> sandbox()
{
    auto cluster = cluster::SandboxCluster::open(":memory:");
    if (!cluster)
        qFatal("cannot open sandbox: %s", cluster.error().toString().c_str());
    return std::move(*cluster);
}

inline std::string configMap(const std::string &name, const std::string &value, const std::string &annotations = {})
{
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name
        + (annotations.empty() ? "" : "\n  annotations:\n" + annotations) + "\ndata:\n  key: " + value + "\n";
}

inline std::string deployment(const std::string &name, const std::string &image, const std::string &annotations = {})
{
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name
        + (annotations.empty() ? "" : "\n  annotations:\n" + annotations)
        + "\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: " + name
        + "\n  template:\n    metadata:\n      labels:\n        app: " + name
        + "\n    spec:\n      containers:\n      - name: app\n        image: " + image + "\n";
}

// A Job hook; `image` decides whether it succeeds (a broken one fails at once).
// `runSeconds` is how long its pod runs in the sandbox (5 s when not given).
inline std::string jobHook(const std::string &name, const std::string &hook, const std::string &image,
    const std::string &extraAnnotations = {}, int runSeconds = 0)
{
    return "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: " + name
        + "\n  annotations:\n    argocd.argoproj.io/hook: " + hook + "\n" + extraAnnotations
        + "spec:\n  backoffLimit: 0\n  template:\n"
        + (runSeconds > 0 ? "    metadata:\n      annotations:\n        sandbox.capstan.io/run-seconds: \""
                    + std::to_string(runSeconds) + "\"\n"
                          : std::string())
        + "    spec:\n      restartPolicy: Never\n      containers:\n      - name: run\n        image: " + image + "\n";
}

inline std::string join(const std::vector<std::string> &docs)
{
    std::string out;
    for (const auto &d : docs)
        out += (out.empty() ? "" : "---\n") + d;
    return out;
}

// One application in a sandbox: what Git wants, what the cluster has, a plan, an operation.
struct AppHarness
{
    cluster::SandboxCluster &cluster;
    std::string name = "shop";
    std::string ns = "shop";
    std::chrono::seconds waveTimeout { 300 };

    std::vector<manifest::Object> live()
    {
        cluster::ListQuery query;
        query.annotations.push_back({ std::string(compare::TrackingIdAnnotation), std::nullopt });
        auto listed = cluster.list(query);
        if (!listed)
            qFatal("list failed: %s", listed.error().toString().c_str());
        std::vector<manifest::Object> out;
        for (auto &o : *listed)
            if (compare::belongsToApp(o, name, compare::TrackingMethod::Annotation))
                out.push_back(std::move(o));
        return out;
    }

    compare::CompareResult compare(const std::vector<manifest::Object> &desired)
    {
        compare::CompareRequest request;
        request.appName = name;
        request.defaultNamespace = ns;
        request.desired = desired;
        request.live = live();
        return compare::compareApp(request);
    }

    SyncPlan plan(const std::vector<manifest::Object> &desired, SyncRequest request = {})
    {
        PlanInput input;
        input.appName = name;
        input.destinationNamespace = ns;
        input.desired = desired;
        input.live = live();
        input.comparison = compare(desired);
        input.request = std::move(request);
        input.startedAt = cluster.now();
        input.useCluster(cluster);
        auto plan = planSync(input);
        if (!plan)
            qFatal("plan failed: %s", plan.error().toString().c_str());
        return std::move(*plan);
    }

    std::unique_ptr<SyncOperation> operation(SyncPlan plan)
    {
        RunSettings settings;
        settings.wait = [this](std::chrono::seconds s) {
            if (!cluster.advance(s))
                qFatal("advance failed");
        };
        settings.now = [this] {
            return cluster.now();
        };
        settings.pollInterval = std::chrono::seconds(1);
        settings.waveTimeout = waveTimeout;
        return std::make_unique<SyncOperation>(cluster, std::move(plan), settings);
    }

    // Plans and runs a sync to the end.
    OperationState sync(const std::vector<manifest::Object> &desired, SyncRequest request = {})
    {
        auto op = operation(plan(desired, std::move(request)));
        op->run();
        return op->state();
    }

    bool exists(const std::string &group, const std::string &kind, const std::string &name, const std::string &ns)
    {
        return cluster.get({ group, kind, ns, name }).ok();
    }
};

inline const ResourceResult *result(const OperationState &state, const std::string &kind, const std::string &name)
{
    for (const auto &r : state.resources)
        if (r.kind == kind && r.name == name)
            return &r;
    return nullptr;
}

inline const std::string kNamespace = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n";
inline const std::string kService
    = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n"
      "  ports:\n  - port: 80\n    targetPort: 8080\n";

inline std::string wave(int w)
{
    return "    argocd.argoproj.io/sync-wave: \"" + std::to_string(w) + "\"";
}

inline void addNamespace(cluster::SandboxCluster &c)
{
    QVERIFY(c.apply(objects(kNamespace).front()).ok());
}

// Enums compared by name, so a failure says which phase it was.
inline QString str(OperationPhase p)
{
    return toString(p);
}
inline QString str(SyncPhase p)
{
    return toString(p);
}
inline QString str(std::optional<SyncPhase> p)
{
    return p ? toString(*p) : "none";
}
inline QString str(std::optional<ResultCode> c)
{
    return c ? toString(*c) : "none";
}
inline QString str(compare::SyncStatus s)
{
    return compare::toString(s);
}
inline bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

} // namespace capstan::sync::test
