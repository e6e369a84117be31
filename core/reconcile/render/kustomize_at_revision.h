#pragma once

#include "common/result.h"
#include "git/snapshot.h"
#include "kustomize/render.h"
#include "reconcile/render/render_cache.h"

#include <memory>

namespace capstan::render {

using KustomizeCache = RenderCache<kustomize::RenderResult>;

// Renders the kustomization in directory path (relative to the repository root)
// as of the snapshot's commit, straight from Git objects. With a cache, a render
// whose inputs are unchanged is taken from it instead.
Result<std::shared_ptr<const kustomize::RenderResult>>
renderKustomizationAt(const git::Snapshot &snapshot, const QString &path, KustomizeCache *cache = nullptr);

} // namespace capstan::render
