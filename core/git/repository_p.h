#pragma once

// Internal to core/git: what Repository and Snapshot share.

#include "common/result.h"
#include "git/handle_p.h"
#include "git/types.h"

#include <memory>

namespace capstan::git::detail {

struct RepositoryData
{
    RepositoryHandle repo;
    QString path; // for messages: the work tree, or the git dir when bare
};

struct SnapshotData
{
    std::shared_ptr<RepositoryData> repository; // keeps repo alive while the tree is used
    TreeHandle tree;
    CommitInfo commit;
    QString revision;
};

// The commit a revision names; the error says which revision in which repository.
Result<CommitHandle> lookupCommit(const RepositoryData &data, const QString &revision);

// The commit's tree.
Result<TreeHandle> commitTree(const RepositoryData &data, git_commit *commit);

// The id at path in tree (the tree's own id for ""), or a null optional when absent.
Result<std::optional<git_oid>> entryIdAt(git_tree *tree, const QString &path);

} // namespace capstan::git::detail
