// History of a path: Repository::log.

#include "git/convert_p.h"
#include "git/error_p.h"
#include "git/repository.h"
#include "git/repository_p.h"

namespace capstan::git {

using namespace detail;

namespace {

// Whether commit changed path: its id there differs from its first parent's
// (for a root commit: whether the path exists at all).
Result<bool> touches(const RepositoryData &data, git_commit *commit, const QString &path)
{
    auto tree = commitTree(data, commit);
    if (!tree)
        return tree.error();
    auto id = entryIdAt(tree->get(), path);
    if (!id)
        return id.error();
    if (git_commit_parentcount(commit) == 0)
        return id->has_value();

    CommitHandle parent;
    if (git_commit_parent(parent.out(), commit, 0) < 0)
        return gitError(
            QStringLiteral("cannot read the parent of %1 in %2").arg(toHex(git_commit_id(commit)), data.path));
    if (git_oid_equal(git_commit_tree_id(commit), git_commit_tree_id(parent.get())))
        return false;
    auto parentTree = commitTree(data, parent.get());
    if (!parentTree)
        return parentTree.error();
    auto parentId = entryIdAt(parentTree->get(), path);
    if (!parentId)
        return parentId.error();
    if (id->has_value() != parentId->has_value())
        return true;
    return id->has_value() && !git_oid_equal(&**id, &**parentId);
}

} // namespace

Result<QList<CommitInfo>> Repository::log(const QString &path, const LogOptions &options) const
{
    const QString normalized = normalizedPath(path);
    auto start = lookupCommit(*d, options.fromRevision);
    if (!start)
        return start.error();

    RevwalkHandle walk;
    if (git_revwalk_new(walk.out(), d->repo.get()) < 0)
        return gitError(QStringLiteral("cannot walk the history of %1").arg(d->path));
    // Topological order keeps a child before its parents even when their times tie.
    git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
    if (git_revwalk_push(walk.get(), git_commit_id(start->get())) < 0)
        return gitError(QStringLiteral("cannot walk the history of %1 from '%2'").arg(d->path, options.fromRevision));

    QList<CommitInfo> commits;
    int skipped = 0;
    git_oid oid;
    while (options.limit < 0 || commits.size() < options.limit) {
        const int rc = git_revwalk_next(&oid, walk.get());
        if (rc == GIT_ITEROVER)
            break;
        if (rc < 0)
            return gitError(QStringLiteral("cannot walk the history of %1").arg(d->path));
        CommitHandle commit;
        if (git_commit_lookup(commit.out(), d->repo.get(), &oid) < 0)
            return gitError(QStringLiteral("cannot read commit %1 in %2").arg(toHex(&oid), d->path));
        if (!normalized.isEmpty()) {
            auto touched = touches(*d, commit.get(), normalized);
            if (!touched)
                return touched.error();
            if (!*touched)
                continue;
        }
        if (skipped < options.skip) {
            ++skipped;
            continue;
        }
        commits.append(toCommitInfo(commit.get()));
    }
    return commits;
}

} // namespace capstan::git
