#pragma once

#include "common/result.h"
#include "manifest/node.h"

#include <optional>
#include <string>

namespace capstan::kustomize {

// Applies a strategic merge patch to an object the way kustomize (kyaml merge2)
// does: maps merge, `null` deletes, `$patch: delete|replace` directives, and the
// lists Kubernetes marks with a patch merge key (containers by name, ports by
// containerPort, ...) merge by key with the patch's items first; every other
// list, and every list of a custom resource, is replaced.
// Returns nullopt when the patch deletes the whole object.
Result<std::optional<manifest::Node>> strategicMerge(const manifest::Node &target, const manifest::Node &patch);
// The same on target itself; false when the patch deleted it (target is then unspecified).
Result<bool> strategicMergeInPlace(manifest::Node &target, const manifest::Node &patch);

} // namespace capstan::kustomize
