#pragma once

#include "common/result.h"
#include "git/types.h"

#include <memory>
#include <optional>

namespace capstan::git {

namespace detail {
struct SnapshotData;
}

// The tree of one commit, resolved once: reads many files and directories
// without resolving the revision again (the kustomize renderer reads whole
// overlays through it). Obtained from Repository::snapshot(). Keeps its
// repository open; like Repository, use it from one thread at a time.
class Snapshot final
{
public:
    // The commit this snapshot shows.
    const CommitInfo &commit() const;
    // The revision text it was resolved from, as given.
    const QString &revision() const;

    // The content of the file at path ("dir/file.yaml"); an error names path and revision.
    Result<QByteArray> readFile(const QString &path) const;
    // The entries of the directory at path ("" is the root), in Git's order (by name).
    Result<QList<TreeEntry>> list(const QString &directory = {}) const;
    // The id of the tree or blob at path ("" is the root tree).
    Result<QString> entryId(const QString &path) const;
    // What is at path, or nothing when the path does not exist.
    std::optional<EntryKind> kindOf(const QString &path) const;

private:
    friend class Repository;
    explicit Snapshot(std::shared_ptr<const detail::SnapshotData> d);
    std::shared_ptr<const detail::SnapshotData> d;
};

} // namespace capstan::git
