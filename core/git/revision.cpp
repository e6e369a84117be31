// Resolving revisions and reading trees: Repository's read side.

#include "git/convert_p.h"
#include "git/error_p.h"
#include "git/repository.h"
#include "git/repository_p.h"

namespace capstan::git {

using namespace detail;

Result<CommitHandle> detail::lookupCommit(const RepositoryData &data, const QString &revision)
{
    const QByteArray spec = revision.toUtf8();
    ObjectHandle object;
    if (git_revparse_single(object.out(), data.repo.get(), spec.constData()) < 0)
        return gitError(QStringLiteral("cannot resolve '%1' in %2").arg(revision, data.path));
    ObjectHandle peeled;
    if (git_object_peel(peeled.out(), object.get(), GIT_OBJECT_COMMIT) < 0)
        return gitError(QStringLiteral("'%1' in %2 does not name a commit").arg(revision, data.path));
    return CommitHandle(reinterpret_cast<git_commit *>(peeled.release()));
}

Result<TreeHandle> detail::commitTree(const RepositoryData &data, git_commit *commit)
{
    TreeHandle tree;
    if (git_commit_tree(tree.out(), commit) < 0)
        return gitError(
            QStringLiteral("cannot read the tree of commit %1 in %2").arg(toHex(git_commit_id(commit)), data.path));
    return tree;
}

Result<std::optional<git_oid>> detail::entryIdAt(git_tree *tree, const QString &path)
{
    const QString normalized = normalizedPath(path);
    if (normalized.isEmpty())
        return std::optional<git_oid>(*git_tree_id(tree));
    const QByteArray nativePath = normalized.toUtf8();
    TreeEntryHandle entry;
    const int rc = git_tree_entry_bypath(entry.out(), tree, nativePath.constData());
    if (rc == GIT_ENOTFOUND) {
        git_error_clear();
        return std::optional<git_oid>();
    }
    if (rc < 0)
        return gitError(QStringLiteral("cannot look up '%1'").arg(normalized));
    return std::optional<git_oid>(*git_tree_entry_id(entry.get()));
}

Result<CommitInfo> Repository::resolve(const QString &revision) const
{
    auto commit = lookupCommit(*d, revision);
    if (!commit)
        return commit.error();
    return toCommitInfo(commit->get());
}

Result<Snapshot> Repository::snapshot(const QString &revision) const
{
    auto commit = lookupCommit(*d, revision);
    if (!commit)
        return commit.error();
    auto tree = commitTree(*d, commit->get());
    if (!tree)
        return tree.error();
    auto data = std::make_shared<SnapshotData>();
    data->repository = d;
    data->tree = std::move(*tree);
    data->commit = toCommitInfo(commit->get());
    data->revision = revision;
    return Snapshot(std::move(data));
}

Result<QByteArray> Repository::readFile(const QString &revision, const QString &path) const
{
    auto tree = snapshot(revision);
    if (!tree)
        return tree.error();
    return tree->readFile(path);
}

Result<QList<TreeEntry>> Repository::listTree(const QString &revision, const QString &directory) const
{
    auto tree = snapshot(revision);
    if (!tree)
        return tree.error();
    return tree->list(directory);
}

Result<QString> Repository::treeId(const QString &revision, const QString &path) const
{
    auto tree = snapshot(revision);
    if (!tree)
        return tree.error();
    return tree->entryId(path);
}

} // namespace capstan::git
