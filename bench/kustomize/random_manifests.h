#pragma once

#include "random_source.h"

#include <string>
#include <vector>

// Kubernetes manifests for the random-tree generator, written as YAML text.
// Every value a manifest holds is chosen so that the tree stays valid for
// `kubectl kustomize`; the variety is in shapes, kinds and scalars.
namespace capstan::bench {

// What later kustomization layers may refer to.
struct Workload
{
    std::string kind; // Deployment, StatefulSet, DaemonSet
    std::string name; // name in the base
    std::string container; // the first container's name
    std::vector<std::string> images; // image names (without tag/digest) used by its containers
    bool hasReplicas = false;
    bool hasEnv = false;
};

struct BaseResources
{
    std::vector<std::string> documents; // one YAML document each
    std::vector<Workload> workloads;
    std::vector<std::string> services;
    std::vector<std::string> configMaps; // plain ConfigMap resources
};

// A YAML scalar, as source text, from a pool of values that YAML treats
// specially: quoted numbers and booleans, "on", leading zeros, long text…
std::string trickyScalar(RandomSource &random);

// The same, restricted to values YAML reads as strings (for annotations,
// which kustomize requires to be strings).
std::string trickyString(RandomSource &random);

// The resources of a base: workloads with their Services, and a random
// selection of ConfigMaps, Secrets, RBAC, Ingress, HPA, PDB, CronJob, CRs.
BaseResources makeBaseResources(RandomSource &random, const std::vector<std::string> &appNames);

// An image reference in one of the forms registries use: name, name:tag,
// name@digest, a registry with a port.
std::string imageReference(RandomSource &random, const std::string &imageName);

} // namespace capstan::bench
