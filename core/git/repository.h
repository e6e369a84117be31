#pragma once

#include "common/result.h"
#include "git/remote.h"
#include "git/snapshot.h"
#include "git/types.h"

#include <memory>
#include <optional>

namespace capstan::git {

namespace detail {
struct RepositoryData;
}

// A Git repository on disk, through libgit2. Copies share the open repository;
// libgit2 objects are not thread-safe, so use a Repository (and its snapshots)
// from one thread at a time and open another one for another thread.
// Every failure is an Error carrying libgit2's own message and what was being done.
class Repository final
{
public:
    // Creates a repository with a work tree at path, HEAD on the unborn initialBranch.
    static Result<Repository> init(const QString &path, const QString &initialBranch = QStringLiteral("main"));
    // Opens the repository containing path (searching upward from it).
    static Result<Repository> open(const QString &path);
    // Clones source (a local path or URL) into destination and checks out its HEAD.
    static Result<Repository> clone(const QString &source, const QString &destination);
    // The same, answering the remote's credential requests through options.
    static Result<Repository> clone(const QString &source, const QString &destination, const RemoteOptions &options);

    // The work tree's absolute path with a trailing '/', empty for a bare repository.
    QString workdir() const;
    // The .git directory's absolute path with a trailing '/'.
    QString gitDir() const;
    bool isBare() const;
    // The branch HEAD points at (also when it has no commit yet); an error when detached.
    Result<QString> headBranch() const;
    // True when no tracked file is staged or modified (untracked files as asked).
    Result<bool> isClean(UntrackedFiles untracked = UntrackedFiles::Ignore) const;
    // The commit HEAD points at.
    Result<CommitInfo> headCommit() const;

    // The commit a revision names: a branch, tag, full or short id, "HEAD~2", ...
    Result<CommitInfo> resolve(const QString &revision) const;
    // The tree of revision, for reading many paths.
    Result<Snapshot> snapshot(const QString &revision) const;
    // Shortcuts through snapshot() for a single read.
    Result<QByteArray> readFile(const QString &revision, const QString &path) const;
    Result<QList<TreeEntry>> listTree(const QString &revision, const QString &directory = {}) const;
    // The id of the tree (or blob) at path in revision: unchanged content, unchanged id.
    Result<QString> treeId(const QString &revision, const QString &path) const;

    // The commits reachable from options.fromRevision that changed path ("" for all),
    // newest first, after skipping options.skip of them and at most options.limit.
    // A commit changed path when its id there differs from its first parent's.
    Result<QList<CommitInfo>> log(const QString &path = {}, const LogOptions &options = {}) const;

    // The per-file changes under path ("" for all) from one revision to another,
    // renames detected.
    Result<QList<FilePatch>> diff(const QString &path, const QString &fromRevision, const QString &toRevision) const;

    // Commits changes on top of branch's tip (not the index) and moves the branch;
    // returns the new commit's id. The author is `author` when given, else user.name/
    // user.email from the configuration (an error when neither exists); the committer
    // is the configured user, or the author when none is configured. When branch is
    // checked out, the index and work tree follow for exactly the changed paths (a
    // local change to one of them is an error). On failure nothing moves.
    Result<QString> commit(const QString &branch, const QList<FileChange> &changes, const QString &message,
        const std::optional<Signature> &author = std::nullopt);

    // Commits the inverse of revision on top of branch and returns the new id; the
    // identity and work tree rules are commit()'s.
    // The default message is "revert: <subject>\n\nThis reverts commit <id>.".
    // On conflicts nothing changes and the error names the conflicting files.
    Result<QString> revert(const QString &revision, const QString &branch, const QString &message = {},
        const std::optional<Signature> &author = std::nullopt);

    // Who last changed each line of path as of revision.
    Result<QList<BlameLine>> blame(const QString &revision, const QString &path) const;

    // Remote operations (remote.cpp, push.cpp). Errors name the remote and its URL.

    // The URL of a remote (a password in it removed); nullopt when there is no such remote.
    Result<std::optional<QString>> remoteUrl(const QString &remote = QStringLiteral("origin")) const;
    // Updates remote's remote-tracking refs (refs/remotes/<remote>/*) from it; local
    // branches, index and work tree are untouched. When the remote is unreachable
    // nothing changes locally and the error says so.
    Result<void> fetch(const QString &remote = QStringLiteral("origin"), const RemoteOptions &options = {});
    // localBranch against its upstream (refs/remotes/origin/<branch> when none is
    // configured), as of the last fetch.
    Result<AheadBehind> aheadBehind(const QString &localBranch) const;
    // Moves localBranch forward to its upstream's tip (as of the last fetch), the
    // work tree with it when checked out. Refused when the branch has commits the
    // upstream lacks (that needs a push or a merge) or a local change is in the
    // way; returns how many commits it moved.
    Result<int> fastForward(const QString &localBranch);
    // Pushes branch to the same-named branch of remote. When the remote has moved on,
    // fetches, replays the local commits it lacks onto its tip (the branch moves
    // there, and the work tree with it when checked out) and pushes again; when one
    // does not apply, the outcome is Conflict and nothing is pushed. Whenever nothing
    // is pushed (Conflict or an error) the branch and work tree end where they started.
    // Other rejections are errors "rejected by the remote: <reason>".
    Result<PushOutcome> push(
        const QString &branch, const QString &remote = QStringLiteral("origin"), const RemoteOptions &options = {});

private:
    explicit Repository(std::shared_ptr<detail::RepositoryData> d);
    std::shared_ptr<detail::RepositoryData> d;
};

} // namespace capstan::git
