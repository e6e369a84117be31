#pragma once

// Internal to core/git: advancing a branch by one commit, shared by commit and revert.

#include "common/result.h"
#include "git/handle_p.h"
#include "git/repository_p.h"
#include "git/types.h"

#include <optional>

namespace capstan::git::detail {

// A branch about to receive a commit.
struct BranchTip
{
    QString branch;
    QByteArray refName; // "refs/heads/<branch>"
    CommitHandle tip; // null while the branch is HEAD's branch without any commit
};

// The branch and its tip; an error when the branch does not exist (unless it is
// the unborn branch HEAD points to, which then gets a root commit).
Result<BranchTip> branchTip(const RepositoryData &data, const QString &branch);

// Moves the branch from the tip read before to target (a reference update checked
// against that tip). When the branch is checked out, the index and work tree
// follow first for the paths whose content differs; a work tree change in the way
// is an error and nothing moves.
Result<void> moveBranch(
    const RepositoryData &data, const BranchTip &branch, const git_oid &target, const QByteArray &reflog);

// Commits tree on top of the branch's tip and moves the branch to it, with the
// reference checked against the tip read before (a concurrent move fails).
// When the branch is checked out, the index and work tree are updated for the
// changed paths first; a work tree change in the way is an error. On failure
// nothing observable moves. Returns the new commit's id.
Result<QString> advanceBranch(const RepositoryData &data, const BranchTip &branch, const git_oid &tree,
    const QString &message, const std::optional<Signature> &author);

} // namespace capstan::git::detail
