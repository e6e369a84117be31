#pragma once

#include "kustomize/transformers.h"

namespace capstan::kustomize {

// kustomize's default ("legacy") output order: Namespaces, quotas, storage
// classes, CRDs, RBAC, ConfigMaps, Secrets, Services, ... first, webhook
// configurations last, everything else between; ties by type, then namespace and name.
void sortLegacy(ResourceList &resources);
// The same with the kind lists of `sortOptions.legacySortOptions`.
void sortLegacy(ResourceList &resources, const std::vector<std::string> &orderFirst,
                const std::vector<std::string> &orderLast);

// Applies a kustomization's `sortOptions` (null: kustomize's default legacy order;
// `order: fifo` keeps the order resources were accumulated in).
Result<void> applySortOptions(ResourceList &resources, const manifest::Node &sortOptions);

} // namespace capstan::kustomize
