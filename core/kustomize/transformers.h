#pragma once

#include "common/result.h"
#include "kustomize/fieldspec.h"
#include "kustomize/kustomization.h"
#include "kustomize/resource.h"

#include <string>
#include <vector>

namespace capstan::kustomize {

using ResourceList = std::vector<Resource>;

// kustomize's built-in transformers, each working on the whole resource list.

// Sets metadata.namespace (never on cluster-scoped kinds), renames v1 Namespaces,
// and updates RoleBinding subjects named "default".
Result<void> applyNamespace(ResourceList &resources, const std::string &ns, const std::vector<FieldSpec> &specs);
// Prepends namePrefix / appends nameSuffix to metadata.name (and any other configured name field).
Result<void> applyNamePrefix(ResourceList &resources, const std::string &prefix, const std::vector<FieldSpec> &specs);
Result<void> applyNameSuffix(ResourceList &resources, const std::string &suffix, const std::vector<FieldSpec> &specs);
// Sets string entries in the map at each field spec (labels and annotations).
Result<void> applyStringMap(ResourceList &resources, const StringPairs &pairs, const std::vector<FieldSpec> &specs);
// Rewrites container images matching image.name.
Result<void> applyImage(ResourceList &resources, const ImageSpec &image, const std::vector<FieldSpec> &specs);
Result<void> applyReplicas(ResourceList &resources, const ReplicaSpec &replicas, const std::vector<FieldSpec> &specs);

} // namespace capstan::kustomize
