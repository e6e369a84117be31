#pragma once

#include "argo/application.h"
#include "common/result.h"
#include "git/snapshot.h"
#include "manifest/object.h"
#include "reconcile/render/render_cache.h"

#include <memory>
#include <string>
#include <vector>

namespace capstan::render {

enum class SourceType { Kustomize, Directory };

// What an Application's source renders to at one revision.
struct RenderedSource
{
    SourceType type = SourceType::Directory;
    std::vector<manifest::Object> objects;
    std::vector<std::string> warnings;
};

using SourceCache = RenderCache<RenderedSource>;

// Renders an Application's source from Git as Argo CD's repo-server would: a
// path holding a kustomization is built by the native Kustomize renderer with
// the Application's kustomize options layered on its root kustomization; any
// other path is a directory of plain YAML/JSON manifests (recursive when
// directory.recurse is set, filtered by include/exclude). Errors name the file
// and line, or the path that is missing.
Result<std::shared_ptr<const RenderedSource>> renderApplicationSource(const git::Snapshot &snapshot,
                                                                      const argo::ApplicationSource &source,
                                                                      SourceCache *cache = nullptr);

} // namespace capstan::render
