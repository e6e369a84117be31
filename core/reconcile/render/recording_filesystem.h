#pragma once

#include "kustomize/filesystem.h"

#include <mutex>
#include <set>
#include <string>

namespace capstan::render {

// Passes every call through to another file system and remembers which paths
// were looked at, so a render can later be shown to depend on exactly those.
class RecordingFileSystem final : public kustomize::FileSystem
{
public:
    explicit RecordingFileSystem(const kustomize::FileSystem &inner) : m_inner(inner) {}

    Result<std::string> readFile(const std::string &path) const override;
    bool exists(const std::string &path) const override;
    bool isDirectory(const std::string &path) const override;
    Result<std::vector<std::string>> listDirectory(const std::string &path) const override;
    Result<std::string> canonicalPath(const std::string &path) const override;

    // Every path read, listed or tested, cleaned.
    std::set<std::string> paths() const;

private:
    void note(const std::string &path) const;

    const kustomize::FileSystem &m_inner;
    mutable std::mutex m_mutex;
    mutable std::set<std::string> m_paths;
};

} // namespace capstan::render
