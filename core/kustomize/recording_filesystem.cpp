#include "kustomize/filesystem.h"

namespace capstan::kustomize {

void RecordingFileSystem::record(const std::string &path) const
{
    std::lock_guard lock(m_mutex);
    m_paths.insert(path);
}

Result<std::string> RecordingFileSystem::readFile(const std::string &path) const
{
    record(path);
    return m_inner.readFile(path);
}

bool RecordingFileSystem::exists(const std::string &path) const
{
    record(path);
    return m_inner.exists(path);
}

bool RecordingFileSystem::isDirectory(const std::string &path) const
{
    record(path);
    return m_inner.isDirectory(path);
}

Result<std::vector<std::string>> RecordingFileSystem::listDirectory(const std::string &path) const
{
    record(path);
    return m_inner.listDirectory(path);
}

Result<std::string> RecordingFileSystem::canonicalPath(const std::string &path) const
{
    record(path);
    return m_inner.canonicalPath(path);
}

std::string RecordingFileSystem::contentKey(const std::string &path) const
{
    record(path);
    return m_inner.contentKey(path);
}

std::vector<std::string> RecordingFileSystem::pathsUsed() const
{
    std::lock_guard lock(m_mutex);
    return {m_paths.begin(), m_paths.end()};
}

} // namespace capstan::kustomize
