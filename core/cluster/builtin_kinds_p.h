#pragma once

#include "cluster/cluster.h"

#include <vector>

namespace capstan::cluster::detail {

// The kinds a Kubernetes 1.29 API server serves out of the box, plus Argo CD's CRDs
// (the sandbox behaves as a cluster with Argo CD installed).
const std::vector<ApiResource> &builtinResources();

// The ApiResource a CustomResourceDefinition object declares (its storage or first version).
std::optional<ApiResource> resourceOfCrd(const manifest::Object &crd);

} // namespace capstan::cluster::detail
