// Pushing a branch, and replaying local commits when the remote has moved on:
// Repository::push.

#include "git/branchupdate_p.h"
#include "git/convert_p.h"
#include "git/error_p.h"
#include "git/remote_p.h"
#include "git/repository.h"

#include <algorithm>

namespace capstan::git {

using namespace detail;

namespace {

// A remote that keeps moving between our fetch and our push is retried this often.
constexpr int maxReplays = 3;

enum class PushResult { Accepted, UpToDate, NonFastForward };

bool isNonFastForward(const QString &reason)
{
    return reason.contains(QLatin1String("non-fast-forward"), Qt::CaseInsensitive)
        || reason.contains(QLatin1String("fetch first"), Qt::CaseInsensitive);
}

Result<PushResult> pushOnce(
    NamedRemote &remote, const QString &branch, const QByteArray &refName, const RemoteOptions &options)
{
    RemoteSession session(options, connectionUrl(remote.remote.get(), GIT_DIRECTION_PUSH));
    git_push_options pushOptions = GIT_PUSH_OPTIONS_INIT;
    pushOptions.callbacks = session.callbacks();
    QByteArray spec = refName + ':' + refName;
    char *specs[] = { spec.data() };
    const git_strarray refspecs { specs, 1 };
    const QString what = QStringLiteral("cannot push '%1' to %2").arg(branch, remote.describe());

    const int rc = git_remote_push(remote.remote.get(), &refspecs, &pushOptions);
    // libgit2 refuses a non-fast-forward update itself, before sending anything.
    if (rc == GIT_ENONFASTFORWARD) {
        git_error_clear();
        return PushResult::NonFastForward;
    }
    if (rc < 0)
        return session.error(what);
    for (const auto &[ref, reason] : session.rejectedRefs()) {
        if (isNonFastForward(reason))
            return PushResult::NonFastForward;
        return plainError(what + QStringLiteral(": rejected by the remote: %1").arg(reason));
    }
    return session.nothingToUpdate() ? PushResult::UpToDate : PushResult::Accepted;
}

// Local commits rewritten onto a new base, or the one that did not apply.
struct Replay
{
    QList<ReplayedCommit> commits;
    QString conflictingCommit;
    QStringList conflictingFiles;
    git_oid tip {};
};

// The commits on the branch that onto lacks, oldest first.
Result<QList<git_oid>> commitsToReplay(const RepositoryData &data, const BranchTip &branch, const git_oid &onto)
{
    RevwalkHandle walk;
    if (git_revwalk_new(walk.out(), data.repo.get()) < 0
        || git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE) < 0
        || git_revwalk_push(walk.get(), git_commit_id(branch.tip.get())) < 0 || git_revwalk_hide(walk.get(), &onto) < 0)
        return gitError(QStringLiteral("cannot list the local commits of '%1' in %2").arg(branch.branch, data.path));
    QList<git_oid> commits;
    git_oid id;
    while (git_revwalk_next(&id, walk.get()) == 0)
        commits.append(id);
    git_error_clear();
    return commits;
}

// Cherry-picks the branch's commits that onto lacks onto it, in memory: new
// commits with the same message and author, the configured committer. Nothing
// moves; a conflict leaves only unreferenced objects behind.
Result<Replay> replayOnto(const RepositoryData &data, const BranchTip &branch, const git_oid &onto)
{
    git_repository *repo = data.repo.get();
    const QString what = QStringLiteral("cannot replay '%1' in %2").arg(branch.branch, data.path);
    auto commits = commitsToReplay(data, branch, onto);
    if (!commits)
        return commits.error();

    Replay replay;
    replay.tip = onto;
    CommitHandle base;
    if (git_commit_lookup(base.out(), repo, &onto) < 0)
        return gitError(what);
    auto configured = makeSignature(repo, std::nullopt);
    for (const git_oid &id : *commits) {
        CommitHandle commit;
        if (git_commit_lookup(commit.out(), repo, &id) < 0)
            return gitError(what);
        const QString oldId = toHex(&id);
        if (git_commit_parentcount(commit.get()) > 1)
            return plainError(what + QStringLiteral(": %1 is a merge commit").arg(oldId.left(7)));

        IndexHandle merged;
        if (git_cherrypick_commit(merged.out(), repo, commit.get(), base.get(), 0, nullptr) < 0)
            return gitError(what);
        if (git_index_has_conflicts(merged.get())) {
            replay.conflictingCommit = oldId;
            replay.conflictingFiles = conflictingPaths(merged.get());
            return replay;
        }
        git_oid treeId;
        if (git_index_write_tree_to(&treeId, merged.get(), repo) < 0)
            return gitError(what);
        // The remote already has this very change: like git rebase, drop the now empty commit.
        if (git_oid_equal(&treeId, git_commit_tree_id(base.get()))) {
            replay.commits.append({ oldId, QString() });
            continue;
        }
        TreeHandle tree;
        if (git_tree_lookup(tree.out(), repo, &treeId) < 0)
            return gitError(what);
        const git_signature *committer = configured ? configured->get() : git_commit_committer(commit.get());
        const git_commit *parents[] = { base.get() };
        git_oid newId;
        if (git_commit_create(&newId, repo, nullptr, git_commit_author(commit.get()), committer,
                git_commit_message_encoding(commit.get()), git_commit_message(commit.get()), tree.get(), 1, parents)
            < 0)
            return gitError(what);
        if (git_commit_lookup(base.out(), repo, &newId) < 0)
            return gitError(what);
        replay.commits.append({ oldId, toHex(&newId) });
        replay.tip = newId;
    }
    return replay;
}

// Folds a later round of replays into the earlier one: original id → final id.
void composeReplays(QList<ReplayedCommit> &earlier, const QList<ReplayedCommit> &later)
{
    for (const ReplayedCommit &step : later) {
        auto it = std::find_if(earlier.begin(), earlier.end(),
            [&](const ReplayedCommit &entry) { return !entry.newId.isEmpty() && entry.newId == step.oldId; });
        if (it != earlier.end())
            it->newId = step.newId;
        else
            earlier.append(step);
    }
}

// Pushes, and on a non-fast-forward fetches, replays and pushes again. May leave
// the branch moved even when it fails: push() puts it back.
Result<PushOutcome> pushWithReplays(
    const RepositoryData &data, NamedRemote &remote, const QString &branch, const RemoteOptions &options)
{
    git_repository *repo = data.repo.get();
    const QString what = QStringLiteral("cannot push '%1' to %2").arg(branch, remote.describe());
    QList<ReplayedCommit> replayed;

    for (int round = 0;; ++round) {
        auto tip = branchTip(data, branch);
        if (!tip)
            return tip.error();
        if (!tip->tip)
            return plainError(what + QStringLiteral(": the branch has no commits"));
        const git_oid *localTip = git_commit_id(tip->tip.get());
        auto done = [&](PushOutcome::Kind kind, const git_oid *remoteTip) {
            PushOutcome outcome;
            outcome.kind = replayed.isEmpty() ? kind : PushOutcome::Kind::Replayed;
            outcome.tip = toHex(remoteTip);
            outcome.replayed = replayed;
            return outcome;
        };

        auto pushed = pushOnce(remote, branch, tip->refName, options);
        if (!pushed)
            return pushed.error();
        if (*pushed != PushResult::NonFastForward)
            return done(
                *pushed == PushResult::UpToDate ? PushOutcome::Kind::UpToDate : PushOutcome::Kind::Pushed, localTip);
        if (round == maxReplays)
            return plainError(what + QStringLiteral(": the remote branch kept moving while replaying; try again"));

        // The remote has commits we lack: fetch them, replay ours on top, push again.
        if (auto fetched = fetchRemote(data, remote, options); !fetched)
            return fetched.error();
        const QByteArray tracking = trackingRef(remote.remote.get(), tip->refName);
        git_oid remoteTip;
        if (tracking.isEmpty() || git_reference_name_to_id(&remoteTip, repo, tracking.constData()) < 0)
            return gitError(what + QStringLiteral(": no remote-tracking branch for it after fetching"));

        // Only behind, nothing of ours to add: pushing is not the moment to move the branch.
        if (git_oid_equal(&remoteTip, localTip) || git_graph_descendant_of(repo, &remoteTip, localTip) == 1)
            return done(PushOutcome::Kind::UpToDate, &remoteTip);

        auto replay = replayOnto(data, *tip, remoteTip);
        if (!replay)
            return replay.error();
        if (!replay->conflictingFiles.isEmpty()) {
            PushOutcome outcome;
            outcome.kind = PushOutcome::Kind::Conflict;
            outcome.tip = toHex(&remoteTip);
            outcome.conflictingCommit = replay->conflictingCommit;
            // Name the person's own commit, not an intermediate replay of it.
            for (const ReplayedCommit &entry : std::as_const(replayed)) {
                if (entry.newId == outcome.conflictingCommit)
                    outcome.conflictingCommit = entry.oldId;
            }
            outcome.conflictingFiles = replay->conflictingFiles;
            return outcome;
        }
        const QByteArray reflog = QStringLiteral("push: replayed onto %1/%2 %3")
                                      .arg(remote.name, branch, toHex(&remoteTip).left(7))
                                      .toUtf8();
        if (auto moved = moveBranch(data, *tip, replay->tip, reflog); !moved)
            return moved.error();
        composeReplays(replayed, replay->commits);
    }
}

} // namespace

Result<PushOutcome> Repository::push(const QString &branch, const QString &remote, const RemoteOptions &options)
{
    auto named = lookupRemote(*d, remote);
    if (!named)
        return named.error();
    auto before = branchTip(*d, branch);
    if (!before)
        return before.error();

    auto outcome = pushWithReplays(*d, *named, branch, options);
    if (outcome && outcome->kind != PushOutcome::Kind::Conflict)
        return outcome;

    // Not pushed: the branch goes back to where it was, should a replay have moved it
    // (the remote moved again and then conflicted, or went away).
    auto now = branchTip(*d, branch);
    if (before->tip && now && now->tip
        && !git_oid_equal(git_commit_id(now->tip.get()), git_commit_id(before->tip.get()))) {
        auto restored = moveBranch(*d, *now, *git_commit_id(before->tip.get()), "push: not pushed, put back");
        if (!restored) {
            return plainError(QStringLiteral("%1 (and '%2' could not be put back to %3: %4)")
                                  .arg(outcome ? QStringLiteral("cannot push '%1': conflicts").arg(branch)
                                               : QString::fromStdString(outcome.error().message),
                                      branch, toHex(git_commit_id(before->tip.get())),
                                      QString::fromStdString(restored.error().message)));
        }
    }
    return outcome;
}

} // namespace capstan::git
