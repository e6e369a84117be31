#pragma once

#include "kustomize/filesystem.h"

#include <map>
#include <string>

namespace capstan::render {

// Another file system with some files' content replaced: Argo CD's kustomize
// options edit the root kustomization before rendering, and this is that edit,
// made without touching the tree underneath.
class OverlayFileSystem final : public kustomize::FileSystem
{
public:
    explicit OverlayFileSystem(const kustomize::FileSystem &inner) : m_inner(inner) {}

    // path is "/"-rooted, like every path of the file system.
    void replaceFile(const std::string &path, std::string content);

    Result<std::string> readFile(const std::string &path) const override;
    bool exists(const std::string &path) const override;
    bool isDirectory(const std::string &path) const override;
    Result<std::vector<std::string>> listDirectory(const std::string &path) const override;
    Result<std::string> canonicalPath(const std::string &path) const override;

private:
    const kustomize::FileSystem &m_inner;
    std::map<std::string, std::string> m_files;
};

} // namespace capstan::render
