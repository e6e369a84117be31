#include "reconcile/render/recording_filesystem.h"

namespace capstan::render {

void RecordingFileSystem::note(const std::string &path) const
{
    std::lock_guard lock(m_mutex);
    m_paths.insert(kustomize::cleanPath(path));
}

Result<std::string> RecordingFileSystem::readFile(const std::string &path) const
{
    note(path);
    return m_inner.readFile(path);
}

bool RecordingFileSystem::exists(const std::string &path) const
{
    note(path);
    return m_inner.exists(path);
}

bool RecordingFileSystem::isDirectory(const std::string &path) const
{
    note(path);
    return m_inner.isDirectory(path);
}

Result<std::vector<std::string>> RecordingFileSystem::listDirectory(const std::string &path) const
{
    note(path);
    return m_inner.listDirectory(path);
}

Result<std::string> RecordingFileSystem::canonicalPath(const std::string &path) const
{
    return m_inner.canonicalPath(path);
}

std::set<std::string> RecordingFileSystem::paths() const
{
    std::lock_guard lock(m_mutex);
    return m_paths;
}

} // namespace capstan::render
