#include "git/snapshot.h"

#include "git/convert_p.h"
#include "git/error_p.h"
#include "git/repository_p.h"

namespace capstan::git {

using namespace detail;

namespace {

// "at 'main' (1a2b3c4) in /repo/", for messages.
QString where(const SnapshotData &d)
{
    return QStringLiteral("at '%1' (%2) in %3").arg(d.revision, d.commit.shortId, d.repository->path);
}

EntryKind toEntryKind(git_object_t type)
{
    switch (type) {
    case GIT_OBJECT_TREE:
        return EntryKind::Tree;
    case GIT_OBJECT_COMMIT:
        return EntryKind::Submodule;
    default:
        return EntryKind::Blob;
    }
}

// The entry at a normalised, non-empty path; a null handle when absent.
Result<TreeEntryHandle> entryAt(const SnapshotData &d, const QString &path)
{
    const QByteArray nativePath = path.toUtf8();
    TreeEntryHandle entry;
    const int rc = git_tree_entry_bypath(entry.out(), d.tree.get(), nativePath.constData());
    if (rc == GIT_ENOTFOUND) {
        git_error_clear();
        return TreeEntryHandle();
    }
    if (rc < 0)
        return gitError(QStringLiteral("cannot look up '%1' %2").arg(path, where(d)));
    return entry;
}

} // namespace

Snapshot::Snapshot(std::shared_ptr<const SnapshotData> data)
    : d(std::move(data))
{
}

const CommitInfo &Snapshot::commit() const
{
    return d->commit;
}

const QString &Snapshot::revision() const
{
    return d->revision;
}

Result<QByteArray> Snapshot::readFile(const QString &path) const
{
    const QString normalized = normalizedPath(path);
    if (normalized.isEmpty())
        return plainError(QStringLiteral("cannot read '%1' %2: it is the root directory").arg(path, where(*d)));
    auto entry = entryAt(*d, normalized);
    if (!entry)
        return entry.error();
    if (!*entry)
        return plainError(QStringLiteral("cannot read '%1' %2: no such file").arg(normalized, where(*d)));
    if (git_tree_entry_type(entry->get()) != GIT_OBJECT_BLOB)
        return plainError(QStringLiteral("cannot read '%1' %2: it is not a file").arg(normalized, where(*d)));
    BlobHandle blob;
    if (git_blob_lookup(blob.out(), d->repository->repo.get(), git_tree_entry_id(entry->get())) < 0)
        return gitError(QStringLiteral("cannot read '%1' %2").arg(normalized, where(*d)));
    return QByteArray(
        static_cast<const char *>(git_blob_rawcontent(blob.get())), qsizetype(git_blob_rawsize(blob.get())));
}

Result<QList<TreeEntry>> Snapshot::list(const QString &directory) const
{
    const QString normalized = normalizedPath(directory);
    TreeHandle subtree;
    git_tree *tree = d->tree.get();
    if (!normalized.isEmpty()) {
        auto entry = entryAt(*d, normalized);
        if (!entry)
            return entry.error();
        if (!*entry)
            return plainError(QStringLiteral("cannot list '%1' %2: no such directory").arg(normalized, where(*d)));
        if (git_tree_entry_type(entry->get()) != GIT_OBJECT_TREE)
            return plainError(QStringLiteral("cannot list '%1' %2: it is not a directory").arg(normalized, where(*d)));
        if (git_tree_lookup(subtree.out(), d->repository->repo.get(), git_tree_entry_id(entry->get())) < 0)
            return gitError(QStringLiteral("cannot list '%1' %2").arg(normalized, where(*d)));
        tree = subtree.get();
    }
    QList<TreeEntry> entries;
    const size_t count = git_tree_entrycount(tree);
    entries.reserve(qsizetype(count));
    for (size_t i = 0; i < count; ++i) {
        const git_tree_entry *entry = git_tree_entry_byindex(tree, i);
        entries.append(
            TreeEntry { QString::fromUtf8(git_tree_entry_name(entry)), toEntryKind(git_tree_entry_type(entry)),
                toHex(git_tree_entry_id(entry)), git_tree_entry_filemode(entry) == GIT_FILEMODE_BLOB_EXECUTABLE });
    }
    return entries;
}

Result<QString> Snapshot::entryId(const QString &path) const
{
    const QString normalized = normalizedPath(path);
    if (normalized.isEmpty())
        return toHex(git_tree_id(d->tree.get()));
    auto entry = entryAt(*d, normalized);
    if (!entry)
        return entry.error();
    if (!*entry)
        return plainError(QStringLiteral("'%1' does not exist %2").arg(normalized, where(*d)));
    return toHex(git_tree_entry_id(entry->get()));
}

std::optional<EntryKind> Snapshot::kindOf(const QString &path) const
{
    const QString normalized = normalizedPath(path);
    if (normalized.isEmpty())
        return EntryKind::Tree;
    auto entry = entryAt(*d, normalized);
    if (!entry || !*entry)
        return std::nullopt;
    return toEntryKind(git_tree_entry_type(entry->get()));
}

} // namespace capstan::git
