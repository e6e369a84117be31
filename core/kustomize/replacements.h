#pragma once

#include "common/result.h"
#include "kustomize/loader.h"
#include "kustomize/transformers.h"
#include "manifest/node.h"

namespace capstan::kustomize {

// kustomize's `replacements`: copies a field of one source resource into fields of
// target resources (inline entries or `path:` files holding lists of them).
Result<void> applyReplacements(ResourceList &resources, const manifest::Node &replacements, const Loader &loader);

} // namespace capstan::kustomize
