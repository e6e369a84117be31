#include "reconcile/render/kustomize_at_revision.h"

#include "reconcile/render/git_filesystem.h"

namespace capstan::render {

Result<std::shared_ptr<const kustomize::RenderResult>>
renderKustomizationAt(const git::Snapshot &snapshot, const QString &path, KustomizeCache *cache)
{
    const std::string dir = kustomize::cleanPath("/" + path.toStdString());
    const std::string key = "kustomize:" + dir;
    if (cache) {
        if (auto hit = cache->find(key, snapshot))
            return hit;
    }
    GitFileSystem git(snapshot);
    kustomize::RecordingFileSystem recording(git);
    auto result = kustomize::render(recording, dir);
    if (!result)
        return result.error();
    auto shared = std::make_shared<const kustomize::RenderResult>(std::move(result).value());
    if (cache)
        cache->insert(key, dependenciesAt(recording.pathsUsed(), snapshot), shared);
    return shared;
}

} // namespace capstan::render
