#include "reconcile/render/render_cache.h"

#include "reconcile/render/git_filesystem.h"

namespace capstan::render {

std::vector<Dependency> dependenciesAt(const std::vector<std::string> &paths, const git::Snapshot &snapshot)
{
    std::vector<Dependency> out;
    out.reserve(paths.size());
    for (const std::string &p : paths) {
        const QString path = GitFileSystem::repositoryPath(p);
        auto id = snapshot.entryId(path);
        out.push_back(Dependency{path, id ? *id : QString()});
    }
    return out;
}

} // namespace capstan::render
