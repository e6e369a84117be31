// Undoing a commit with a new one: Repository::revert.

#include "git/branchupdate_p.h"
#include "git/convert_p.h"
#include "git/error_p.h"
#include "git/repository.h"

#include <QStringList>

namespace capstan::git {

using namespace detail;

Result<QString> Repository::revert(
    const QString &revision, const QString &branch, const QString &message, const std::optional<Signature> &author)
{
    git_repository *repo = d->repo.get();
    auto reverted = lookupCommit(*d, revision);
    if (!reverted)
        return reverted.error();
    auto tip = branchTip(*d, branch);
    if (!tip)
        return tip.error();
    const QString revertedId = toHex(git_commit_id(reverted->get()));
    const QString what = QStringLiteral("cannot revert %1 on '%2' in %3").arg(revertedId.left(7), branch, d->path);
    if (!tip->tip)
        return plainError(what + QStringLiteral(": the branch has no commits"));

    // The merge happens in memory: index, work tree and branch stay untouched unless it succeeds.
    IndexHandle merged;
    if (git_revert_commit(merged.out(), repo, reverted->get(), tip->tip.get(), 0, nullptr) < 0)
        return gitError(what);
    if (git_index_has_conflicts(merged.get())) {
        return plainError(
            what + QStringLiteral(": conflicts in %1").arg(conflictingPaths(merged.get()).join(QStringLiteral(", "))));
    }
    git_oid tree;
    if (git_index_write_tree_to(&tree, merged.get(), repo) < 0)
        return gitError(what);

    const QString text = message.isEmpty()
        ? QStringLiteral("revert: %1\n\nThis reverts commit %2.\n")
              .arg(QString::fromUtf8(git_commit_summary(reverted->get())), revertedId)
        : message;
    return advanceBranch(*d, *tip, tree, text, author);
}

} // namespace capstan::git
