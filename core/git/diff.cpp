// Changes between two revisions: Repository::diff.

#include "git/convert_p.h"
#include "git/error_p.h"
#include "git/repository.h"
#include "git/repository_p.h"

namespace capstan::git {

using namespace detail;

namespace {

DiffStatus toStatus(git_delta_t status)
{
    switch (status) {
    case GIT_DELTA_ADDED:
        return DiffStatus::Added;
    case GIT_DELTA_DELETED:
        return DiffStatus::Deleted;
    case GIT_DELTA_RENAMED:
        return DiffStatus::Renamed;
    case GIT_DELTA_TYPECHANGE:
        return DiffStatus::TypeChanged;
    default:
        return DiffStatus::Modified;
    }
}

Result<TreeHandle> treeOf(const RepositoryData &data, const QString &revision)
{
    auto commit = lookupCommit(data, revision);
    if (!commit)
        return commit.error();
    return commitTree(data, commit->get());
}

} // namespace

Result<QList<FilePatch>> Repository::diff(
    const QString &path, const QString &fromRevision, const QString &toRevision) const
{
    auto oldTree = treeOf(*d, fromRevision);
    if (!oldTree)
        return oldTree.error();
    auto newTree = treeOf(*d, toRevision);
    if (!newTree)
        return newTree.error();

    const QString normalized = normalizedPath(path);
    QByteArray nativePath = normalized.toUtf8();
    char *pathspec[] = { nativePath.data() };
    git_diff_options options = GIT_DIFF_OPTIONS_INIT;
    if (!normalized.isEmpty()) {
        // A literal path: a directory selects everything below it.
        options.flags |= GIT_DIFF_DISABLE_PATHSPEC_MATCH;
        options.pathspec = { pathspec, 1 };
    }
    const QString what
        = QStringLiteral("cannot diff '%1' from '%2' to '%3' in %4").arg(normalized, fromRevision, toRevision, d->path);
    DiffHandle diff;
    if (git_diff_tree_to_tree(diff.out(), d->repo.get(), oldTree->get(), newTree->get(), &options) < 0)
        return gitError(what);
    git_diff_find_options findOptions = GIT_DIFF_FIND_OPTIONS_INIT;
    findOptions.flags = GIT_DIFF_FIND_RENAMES;
    if (git_diff_find_similar(diff.get(), &findOptions) < 0)
        return gitError(what);

    QList<FilePatch> patches;
    const size_t count = git_diff_num_deltas(diff.get());
    for (size_t i = 0; i < count; ++i) {
        const git_diff_delta *delta = git_diff_get_delta(diff.get(), i);
        FilePatch file;
        file.oldPath = QString::fromUtf8(delta->old_file.path);
        file.newPath = QString::fromUtf8(delta->new_file.path);
        file.status = toStatus(delta->status);
        file.binary = delta->flags & GIT_DIFF_FLAG_BINARY;
        PatchHandle patch;
        if (git_patch_from_diff(patch.out(), diff.get(), i) < 0)
            return gitError(what);
        if (patch) {
            size_t context = 0, added = 0, removed = 0;
            if (git_patch_line_stats(&context, &added, &removed, patch.get()) < 0)
                return gitError(what);
            file.addedLines = int(added);
            file.removedLines = int(removed);
            Buffer text;
            if (git_patch_to_buf(&text.buf, patch.get()) < 0)
                return gitError(what);
            file.patch = QString::fromUtf8(text.buf.ptr, qsizetype(text.buf.size));
            file.binary = file.binary || (git_patch_get_delta(patch.get())->flags & GIT_DIFF_FLAG_BINARY);
        }
        patches.append(std::move(file));
    }
    return patches;
}

} // namespace capstan::git
