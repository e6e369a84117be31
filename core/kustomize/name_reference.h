#pragma once

#include "common/result.h"
#include "kustomize/builtin_fieldspecs.h"
#include "kustomize/transformers.h"

namespace capstan::kustomize {

// After prefixes, suffixes, namespaces and hash suffixes have renamed resources,
// rewrites every field that refers to a renamed resource by its old name
// (ConfigMap and Secret volumes and env, ServiceAccount names, PVC claims,
// RBAC roleRefs and subjects, HPA targets, Ingress backends, ...).
Result<void> fixNameReferences(ResourceList &resources, const std::vector<NameReference> &references);

} // namespace capstan::kustomize
