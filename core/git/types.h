#pragma once

// Value types that core/git hands out. Plain data, cheap to copy, no libgit2.

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace capstan::git {

// Who made a change, and when (with the offset they recorded).
struct Signature
{
    QString name;
    QString email;
    QDateTime when; // invalid when writing means "now"

    friend bool operator==(const Signature &, const Signature &) = default;
};

// One commit as a user sees it in history.
struct CommitInfo
{
    QString id; // 40 hex digits
    QString shortId; // the shortest unambiguous prefix, at least 7 digits
    Signature author;
    Signature committer;
    QString summary; // the subject line
    QString message; // the full message, as recorded
};

// What a tree entry is.
enum class EntryKind { Blob, Tree, Submodule };

// One entry of a directory listing at a revision.
struct TreeEntry
{
    QString name;
    EntryKind kind = EntryKind::Blob;
    QString id;
    bool executable = false;
};

// Which commits log() walks and which of the matching ones it returns.
struct LogOptions
{
    QString fromRevision = QStringLiteral("HEAD");
    int skip = 0;
    int limit = -1; // < 0: no limit
};

// How a file changed between two revisions.
enum class DiffStatus { Added, Deleted, Modified, Renamed, TypeChanged };

// The change of one file: paths, status and the unified patch text.
struct FilePatch
{
    QString oldPath;
    QString newPath;
    DiffStatus status = DiffStatus::Modified;
    QString patch; // unified diff, "diff --git" header included
    int addedLines = 0;
    int removedLines = 0;
    bool binary = false;
};

// One file to write in a commit: new content, or std::nullopt to delete it.
struct FileChange
{
    QString path;
    std::optional<QByteArray> content;
};

// Whether untracked files make a work tree unclean.
enum class UntrackedFiles { Ignore, CountAsChanges };

// One line of a blamed file.
struct BlameLine
{
    int lineNumber = 0; // 1-based
    QString commitId;
    Signature author;
    QString text; // without the line break
};

} // namespace capstan::git
