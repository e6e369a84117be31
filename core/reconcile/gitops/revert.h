#pragma once

#include "reconcile/gitops/git_change.h"
#include "reconcile/history/history_types.h"

namespace capstan::gitops {

// A commit that changed what an application renders: its source path, or a
// file or folder its render reads (a base, a patch, a component).
struct RevertCandidate
{
    git::CommitInfo commit;
    std::vector<QString> paths; // the application's inputs it changed
    std::optional<history::BadMark> badMark; // the commit was marked bad for this application
    bool reverted = false; // a later commit says "This reverts commit <id>."
    bool isRevert = false; // the commit itself reverts another
};

// The paths an application's render reads at a revision ("" = the app's
// branch tip): its source path and the folders of every file it read.
Result<std::vector<QString>> renderInputs(
    engine::Workspace &workspace, const std::string &app, const QString &revision = {});

// Commits that changed the application's inputs, newest first (at most `limit`).
Result<std::vector<RevertCandidate>> revertCandidates(
    engine::Workspace &workspace, const std::string &app, int limit = 20);

// The candidate a picker proposes: the newest one that is neither a revert
// nor already reverted. Bad marks flag a candidate, they never select it.
const RevertCandidate *suggestedRevert(const std::vector<RevertCandidate> &candidates);

// Reverts `commit` on the workspace's branch with the git module's message
// ("revert: <subject>", blank line, "This reverts commit <id>."), after a
// preview of the application's manifest diff. A conflict is refused with the
// conflicting files named, the repository unchanged.
Result<CommitResult> revertCommit(
    engine::Workspace &workspace, const std::string &app, const QString &commit, const CommitOptions &options = {});

} // namespace capstan::gitops
