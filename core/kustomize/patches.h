#pragma once

#include "common/result.h"
#include "kustomize/kustomization.h"
#include "kustomize/loader.h"
#include "kustomize/transformers.h"

#include <vector>

namespace capstan::kustomize {

// The deprecated patchesStrategicMerge: each entry a file or an inline patch,
// applied to the resource its own apiVersion/kind/name/namespace names.
Result<void> applyStrategicMergeEntries(ResourceList &resources, const std::vector<std::string> &entries,
                                        const Loader &loader);
// `patches` and the deprecated `patchesJson6902`: strategic merge or JSON 6902,
// from a file or inline, with an optional target selector.
Result<void> applyPatchSpecs(ResourceList &resources, const std::vector<PatchSpec> &patches, const Loader &loader);

} // namespace capstan::kustomize
