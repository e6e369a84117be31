#include "reconcile/render/git_filesystem.h"

#include <algorithm>

namespace capstan::render {

GitFileSystem::GitFileSystem(git::Snapshot snapshot)
    : m_snapshot(std::move(snapshot))
{
}

QString GitFileSystem::repositoryPath(const std::string &path)
{
    const std::string clean = kustomize::cleanPath(path);
    std::string_view relative(clean);
    while (!relative.empty() && relative.front() == '/')
        relative.remove_prefix(1);
    return QString::fromUtf8(relative.data(), qsizetype(relative.size()));
}

Result<std::string> GitFileSystem::readFile(const std::string &path) const
{
    auto content = m_snapshot.readFile(repositoryPath(path));
    if (!content)
        return content.error();
    return content->toStdString();
}

bool GitFileSystem::exists(const std::string &path) const
{
    return m_snapshot.kindOf(repositoryPath(path)).has_value();
}

bool GitFileSystem::isDirectory(const std::string &path) const
{
    return m_snapshot.kindOf(repositoryPath(path)) == git::EntryKind::Tree;
}

Result<std::vector<std::string>> GitFileSystem::listDirectory(const std::string &path) const
{
    auto entries = m_snapshot.list(repositoryPath(path));
    if (!entries)
        return entries.error();
    std::vector<std::string> names;
    names.reserve(std::size_t(entries->size()));
    for (const git::TreeEntry &e : *entries)
        names.push_back(e.name.toStdString());
    std::sort(names.begin(), names.end());
    return names;
}

Result<std::string> GitFileSystem::canonicalPath(const std::string &path) const
{
    return kustomize::cleanPath(path.empty() || path.front() != '/' ? "/" + path : path);
}

} // namespace capstan::render
