#include "git/branchupdate_p.h"

#include "git/convert_p.h"
#include "git/error_p.h"

#include <vector>

namespace capstan::git::detail {

namespace {

// Whether HEAD names refName (whether or not that branch has commits yet).
bool headNames(const RepositoryData &data, const QByteArray &refName)
{
    ReferenceHandle head;
    if (git_reference_lookup(head.out(), data.repo.get(), "HEAD") < 0) {
        git_error_clear();
        return false;
    }
    const char *target = git_reference_symbolic_target(head.get());
    return target && refName == target;
}

bool isCheckedOut(const RepositoryData &data, const QByteArray &refName)
{
    return !git_repository_is_bare(data.repo.get()) && headNames(data, refName);
}

// The paths that differ between two trees (either may be null: empty).
Result<QList<QByteArray>> changedPaths(const RepositoryData &data, git_tree *from, git_tree *to)
{
    DiffHandle diff;
    if (git_diff_tree_to_tree(diff.out(), data.repo.get(), from, to, nullptr) < 0)
        return gitError(QStringLiteral("cannot compare trees in %1").arg(data.path));
    QList<QByteArray> paths;
    const size_t count = git_diff_num_deltas(diff.get());
    for (size_t i = 0; i < count; ++i)
        paths.append(QByteArray(git_diff_get_delta(diff.get(), i)->new_file.path));
    return paths;
}

// Makes the index and work tree show target instead of baseline for exactly paths.
int checkoutPaths(
    git_repository *repo, git_tree *baseline, git_tree *target, const QList<QByteArray> &paths, unsigned int strategy)
{
    std::vector<char *> pointers;
    pointers.reserve(size_t(paths.size()));
    for (const QByteArray &path : paths)
        pointers.push_back(const_cast<char *>(path.constData()));
    git_checkout_options options = GIT_CHECKOUT_OPTIONS_INIT;
    options.checkout_strategy = strategy | GIT_CHECKOUT_DISABLE_PATHSPEC_MATCH;
    options.baseline = baseline;
    options.paths = { pointers.data(), pointers.size() };
    return git_checkout_tree(repo, reinterpret_cast<git_object *>(target), &options);
}

} // namespace

Result<BranchTip> branchTip(const RepositoryData &data, const QString &branch)
{
    BranchTip result;
    result.branch = branch;
    result.refName = "refs/heads/" + branch.toUtf8();
    int valid = 0;
    if (git_reference_name_is_valid(&valid, result.refName.constData()) < 0 || !valid)
        return plainError(QStringLiteral("'%1' is not a valid branch name").arg(branch));

    ReferenceHandle ref;
    const int rc = git_reference_lookup(ref.out(), data.repo.get(), result.refName.constData());
    if (rc == GIT_ENOTFOUND) {
        git_error_clear();
        if (git_repository_head_unborn(data.repo.get()) == 1 && headNames(data, result.refName))
            return result;
        return plainError(QStringLiteral("branch '%1' does not exist in %2").arg(branch, data.path));
    }
    if (rc < 0)
        return gitError(QStringLiteral("cannot read branch '%1' in %2").arg(branch, data.path));
    ObjectHandle tip;
    if (git_reference_peel(tip.out(), ref.get(), GIT_OBJECT_COMMIT) < 0)
        return gitError(QStringLiteral("branch '%1' in %2 does not point at a commit").arg(branch, data.path));
    result.tip = CommitHandle(reinterpret_cast<git_commit *>(tip.release()));
    return result;
}

Result<void> moveBranch(
    const RepositoryData &data, const BranchTip &branch, const git_oid &target, const QByteArray &reflog)
{
    git_repository *repo = data.repo.get();
    const QString onBranch = QStringLiteral("on '%1' in %2").arg(branch.branch, data.path);
    CommitHandle commit;
    TreeHandle tree;
    if (git_commit_lookup(commit.out(), repo, &target) < 0 || git_commit_tree(tree.out(), commit.get()) < 0)
        return gitError(QStringLiteral("cannot read the new tip's tree %1").arg(onBranch));
    TreeHandle oldTree;
    if (branch.tip && git_commit_tree(oldTree.out(), branch.tip.get()) < 0)
        return gitError(QStringLiteral("cannot read the tip's tree %1").arg(onBranch));

    // The work tree goes first: checkout checks every path before it writes, so a
    // local change in the way fails here with the branch still where it was.
    const bool checkedOut = isCheckedOut(data, branch.refName);
    QList<QByteArray> paths;
    if (checkedOut) {
        auto changed = changedPaths(data, oldTree.get(), tree.get());
        if (!changed)
            return changed.error();
        paths = *changed;
        // No paths would mean "all paths" to checkout: with equal trees there is nothing to do.
        if (!paths.isEmpty() && checkoutPaths(repo, oldTree.get(), tree.get(), paths, GIT_CHECKOUT_SAFE) < 0)
            return gitError(QStringLiteral("cannot update the work tree %1 (commit or discard local changes to "
                                           "the files being changed)")
                                .arg(onBranch));
    }

    ReferenceHandle moved;
    const int rc = branch.tip
        ? git_reference_create_matching(moved.out(), repo, branch.refName.constData(), &target, 1,
            git_commit_id(branch.tip.get()), reflog.constData())
        : git_reference_create(moved.out(), repo, branch.refName.constData(), &target, 0, reflog.constData());
    if (rc < 0) {
        Error error = gitError(QStringLiteral("cannot move branch '%1' in %2").arg(branch.branch, data.path));
        if (checkedOut && oldTree && !paths.isEmpty()
            && checkoutPaths(repo, tree.get(), oldTree.get(), paths, GIT_CHECKOUT_FORCE) < 0)
            error.message += " (and the work tree could not be put back: check `git status`)";
        return error;
    }
    return {};
}

Result<QString> advanceBranch(const RepositoryData &data, const BranchTip &branch, const git_oid &treeId,
    const QString &message, const std::optional<Signature> &author)
{
    git_repository *repo = data.repo.get();
    const QString onBranch = QStringLiteral("on '%1' in %2").arg(branch.branch, data.path);

    auto authorSignature = makeSignature(repo, author);
    if (!authorSignature)
        return authorSignature.error();
    // The committer is whoever the repository is configured for; the author otherwise.
    auto committerSignature = makeSignature(repo, std::nullopt);
    git_signature *committer = committerSignature ? committerSignature->get() : authorSignature->get();

    TreeHandle tree;
    if (git_tree_lookup(tree.out(), repo, &treeId) < 0)
        return gitError(QStringLiteral("cannot read the new tree %1").arg(onBranch));
    if (branch.tip && git_oid_equal(git_commit_tree_id(branch.tip.get()), &treeId))
        return plainError(QStringLiteral("nothing to commit %1: the changes leave its tip as it is").arg(onBranch));

    Buffer cleanMessage;
    const QByteArray rawMessage = message.toUtf8();
    if (git_message_prettify(&cleanMessage.buf, rawMessage.constData(), 0, '#') < 0)
        return gitError(QStringLiteral("cannot prepare the commit message %1").arg(onBranch));
    if (cleanMessage.buf.size == 0)
        return plainError(QStringLiteral("cannot commit %1: the message is empty").arg(onBranch));

    git_oid commitId;
    const git_commit *parents[] = { branch.tip.get() };
    if (git_commit_create(&commitId, repo, nullptr, authorSignature->get(), committer, nullptr, cleanMessage.buf.ptr,
            tree.get(), branch.tip ? 1 : 0, parents)
        < 0)
        return gitError(QStringLiteral("cannot create a commit %1").arg(onBranch));

    const QByteArray reflog
        = "commit: " + QString::fromUtf8(cleanMessage.buf.ptr).section(QLatin1Char('\n'), 0, 0).toUtf8();
    auto moved = moveBranch(data, branch, commitId, reflog);
    if (!moved)
        return moved.error();
    return toHex(&commitId);
}

} // namespace capstan::git::detail
