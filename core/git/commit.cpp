// Writing file changes as a commit: Repository::commit.

#include "git/branchupdate_p.h"
#include "git/convert_p.h"
#include "git/error_p.h"
#include "git/repository.h"

#include <QSet>

#include <vector>

namespace capstan::git {

using namespace detail;

namespace {

using TreeBuilderHandle = Handle<git_treebuilder, git_treebuilder_free>;

// The tree to start from: the tip's, or an empty one for a branch's first commit.
Result<TreeHandle> baseTree(const RepositoryData &data, const BranchTip &branch)
{
    TreeHandle tree;
    if (branch.tip) {
        if (git_commit_tree(tree.out(), branch.tip.get()) < 0)
            return gitError(QStringLiteral("cannot read the tip of '%1' in %2").arg(branch.branch, data.path));
        return tree;
    }
    TreeBuilderHandle builder;
    git_oid emptyId;
    if (git_treebuilder_new(builder.out(), data.repo.get(), nullptr) < 0
        || git_treebuilder_write(&emptyId, builder.get()) < 0
        || git_tree_lookup(tree.out(), data.repo.get(), &emptyId) < 0)
        return gitError(QStringLiteral("cannot create an empty tree in %1").arg(data.path));
    return tree;
}

} // namespace

Result<QString> Repository::commit(const QString &branch, const QList<FileChange> &changes, const QString &message,
    const std::optional<Signature> &author)
{
    git_repository *repo = d->repo.get();
    auto tip = branchTip(*d, branch);
    if (!tip)
        return tip.error();
    const QString onBranch = QStringLiteral("on '%1' in %2").arg(branch, d->path);
    if (changes.isEmpty())
        return plainError(QStringLiteral("nothing to commit %1: no file changes given").arg(onBranch));
    auto base = baseTree(*d, *tip);
    if (!base)
        return base.error();

    // git_tree_update holds C strings: keep their bytes alive until the tree is written.
    std::vector<QByteArray> paths;
    paths.reserve(size_t(changes.size()));
    std::vector<git_tree_update> updates;
    updates.reserve(size_t(changes.size()));
    QSet<QString> seen;
    for (const FileChange &change : changes) {
        const QString path = normalizedPath(change.path);
        if (path.isEmpty())
            return plainError(QStringLiteral("cannot commit %1: a change has an empty path").arg(onBranch));
        if (seen.contains(path))
            return plainError(QStringLiteral("cannot commit %1: '%2' is changed twice").arg(onBranch, path));
        seen.insert(path);
        paths.push_back(path.toUtf8());

        TreeEntryHandle existing;
        const int found = git_tree_entry_bypath(existing.out(), base->get(), paths.back().constData());
        if (found < 0 && found != GIT_ENOTFOUND)
            return gitError(QStringLiteral("cannot look up '%1' %2").arg(path, onBranch));
        git_error_clear();
        if (existing && git_tree_entry_type(existing.get()) != GIT_OBJECT_BLOB)
            return plainError(QStringLiteral("cannot commit %1: '%2' is a directory, not a file").arg(onBranch, path));

        git_tree_update update {};
        update.path = paths.back().constData();
        if (!change.content) {
            if (!existing)
                return plainError(QStringLiteral("cannot delete '%1' %2: no such file").arg(path, onBranch));
            update.action = GIT_TREE_UPDATE_REMOVE;
        } else {
            update.action = GIT_TREE_UPDATE_UPSERT;
            update.filemode = existing ? git_tree_entry_filemode(existing.get()) : GIT_FILEMODE_BLOB;
            if (git_blob_create_from_buffer(
                    &update.id, repo, change.content->constData(), size_t(change.content->size()))
                < 0)
                return gitError(QStringLiteral("cannot write '%1' %2").arg(path, onBranch));
        }
        updates.push_back(update);
    }

    git_oid tree;
    if (git_tree_create_updated(&tree, repo, base->get(), updates.size(), updates.data()) < 0)
        return gitError(QStringLiteral("cannot build the new tree %1").arg(onBranch));
    return advanceBranch(*d, *tip, tree, message, author);
}

} // namespace capstan::git
