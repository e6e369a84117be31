#include "reconcile/render/overlay_filesystem.h"

namespace capstan::render {

void OverlayFileSystem::replaceFile(const std::string &path, std::string content)
{
    m_files[kustomize::cleanPath(path)] = std::move(content);
}

Result<std::string> OverlayFileSystem::readFile(const std::string &path) const
{
    auto it = m_files.find(kustomize::cleanPath(path));
    if (it != m_files.end())
        return it->second;
    return m_inner.readFile(path);
}

bool OverlayFileSystem::exists(const std::string &path) const
{
    return m_files.count(kustomize::cleanPath(path)) > 0 || m_inner.exists(path);
}

bool OverlayFileSystem::isDirectory(const std::string &path) const
{
    return m_inner.isDirectory(path);
}

Result<std::vector<std::string>> OverlayFileSystem::listDirectory(const std::string &path) const
{
    return m_inner.listDirectory(path);
}

Result<std::string> OverlayFileSystem::canonicalPath(const std::string &path) const
{
    return m_inner.canonicalPath(path);
}

} // namespace capstan::render
