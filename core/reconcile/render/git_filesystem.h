#pragma once

#include "git/snapshot.h"
#include "kustomize/filesystem.h"

namespace capstan::render {

// The renderer's file system over one Git revision: "/k8s/base/x.yaml" is the
// file k8s/base/x.yaml of the snapshot's tree. Reads Git objects directly;
// nothing is checked out. Symbolic links are Git blobs here and are not followed.
class GitFileSystem final : public kustomize::FileSystem
{
public:
    explicit GitFileSystem(git::Snapshot snapshot);

    Result<std::string> readFile(const std::string &path) const override;
    bool exists(const std::string &path) const override;
    bool isDirectory(const std::string &path) const override;
    Result<std::vector<std::string>> listDirectory(const std::string &path) const override;
    Result<std::string> canonicalPath(const std::string &path) const override;

    const git::Snapshot &snapshot() const { return m_snapshot; }
    // The repository-relative form of a file-system path ("/a/b" → "a/b").
    static QString repositoryPath(const std::string &path);

private:
    git::Snapshot m_snapshot;
};

} // namespace capstan::render
