#pragma once

// Shared by the cluster tests: objects from YAML text and a fresh in-memory sandbox.

#include "cluster/sandbox_cluster.h"
#include "manifest/yaml_reader.h"

#include <QTest>

#include <memory>
#include <string>

namespace capstan::cluster::test {

inline manifest::Object object(const std::string &yaml)
{
    auto objects = manifest::parseObjects(yaml, "test.yaml");
    if (!objects || objects->size() != 1)
        qFatal("bad test YAML: %s", objects ? "not one document" : objects.error().toString().c_str());
    return objects->front();
}

inline std::unique_ptr<SandboxCluster> sandbox(const std::string &path = ":memory:")
{
    auto cluster = SandboxCluster::open(path);
    if (!cluster)
        qFatal("cannot open sandbox: %s", cluster.error().toString().c_str());
    return std::move(*cluster);
}

inline std::string deployment(
    const std::string &name, int replicas, const std::string &image, const std::string &extraSpec = {})
{
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name
        + "\n  namespace: default\n  labels:\n    app: " + name + "\nspec:\n  replicas: " + std::to_string(replicas)
        + "\n" + extraSpec + "  selector:\n    matchLabels:\n      app: " + name
        + "\n  template:\n    metadata:\n      labels:\n        app: " + name
        + "\n    spec:\n      containers:\n      - name: app\n        image: " + image
        + "\n        ports:\n        - containerPort: 8080\n";
}

inline std::int64_t intAt(const manifest::Object &o, std::initializer_list<std::string_view> path)
{
    return std::stoll(o.root().textAt(path, "0"));
}

} // namespace capstan::cluster::test
