#pragma once

#include "common/result.h"
#include "git/repository.h"
#include "reconcile/engine/workspace.h"
#include "reconcile/history/history_types.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace capstan::gitops {

// The manifest change one application gets from a commit.
struct AppDiff
{
    std::string app;
    std::vector<std::string> changedResources; // "apps/Deployment:shop-prod/order-service"
    std::string diff; // unified, per resource, current → after the commit
};

// What a commit will change, shown before it is made.
struct Preview
{
    QString branch;
    QString baseRevision; // the branch's tip the commit goes on
    QString message; // the commit message
    std::vector<QString> files; // repository paths the commit changes
    std::vector<AppDiff> apps;

    // Files, message and manifest diffs, as the command line prints them.
    std::string text() const;
};

struct CommitOptions
{
    bool dryRun = false;
    // Default: user.name / user.email from the repository's configuration.
    std::optional<git::Signature> author;
    std::string actor; // who asked, for the audit log (default: engine::currentUser())
};

struct CommitResult
{
    Preview preview;
    QString commit; // the new commit's id; empty after a dry run
};

// The branch the workspace follows: the configured one, else the one checked out.
Result<QString> workingBranch(engine::Workspace &workspace);

// Refuses (naming why) when the work tree has changes to tracked files, or when
// the branch is behind the remote-tracking branch its configuration names.
Result<void> checkCommittable(engine::Workspace &workspace, const QString &branch);

// checkCommittable() on the working branch, unless options.dryRun: what every
// committing function checks before it looks at anything else.
Result<void> checkBeforeCommitting(engine::Workspace &workspace, const CommitOptions &options);

// Makes a change on the branch. `change` is given a repository and the branch and
// commits on it, returning the new commit id. It first runs in a scratch clone so
// that the files and the manifest diffs of `apps` can be shown from the exact
// commit (and a conflict found) before anything changes here; then, unless
// options.dryRun, it checks the work tree and branch and runs on the workspace's
// repository, and refreshes the workspace. On any failure the repository is as
// it was.
using ChangeFunction
    = std::function<Result<QString>(git::Repository &, const QString &branch, const std::optional<git::Signature> &)>;
Result<CommitResult> makeChange(engine::Workspace &workspace, const std::vector<std::string> &apps,
    const QString &message, const ChangeFunction &change, const CommitOptions &options);

// The manifest diff an application gets between two revisions of a repository
// (the workspace's, or a scratch clone of it): the desired objects at each,
// Secret values masked, one unified diff per changed resource.
Result<AppDiff> manifestDiff(engine::Workspace &workspace, const std::string &app, const QString &fromRevision,
    const git::Repository &toRepository, const QString &toRevision);

// Appends an audit event for a Git change; failures to record are ignored by design
// (the commit already happened and is its own record).
void audit(engine::Workspace &workspace, const std::string &actor, const std::string &app, const std::string &action,
    const std::string &details);

// Records a commit made for `app` in the workspace's history: a finished
// operation of `kind` at the new commit (Git operations are operations, not
// history entries) and an audit event with `details`.
void recordChange(engine::Workspace &workspace, history::OperationKind kind, const std::string &app,
    const CommitResult &result, const CommitOptions &options, const std::string &details,
    const std::string &approvalNote = {});

} // namespace capstan::gitops
