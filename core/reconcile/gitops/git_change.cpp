#include "reconcile/gitops/git_change.h"

#include "manifest/yaml_writer.h"
#include "reconcile/compare/secrets.h"
#include "reconcile/engine/app_assessor.h"
#include "reconcile/render/application_source.h"
#include "reconcile/textdiff/unified.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <map>

namespace capstan::gitops {

namespace {

std::string str(const QString &text)
{
    return text.toStdString();
}

// The remote-tracking ref the branch's configuration names ("refs/remotes/origin/main"),
// read from the repository's config file: the git module has no API for upstreams.
QString trackingRef(const git::Repository &repo, const QString &branch)
{
    QFile file(repo.gitDir() + QStringLiteral("config"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(file.readAll());
    const QString header = QStringLiteral("[branch \"%1\"]").arg(branch);
    QString remote;
    QString merge;
    bool inSection = false;
    for (const QString &raw : text.split(QLatin1Char('\n'))) {
        const QString line = raw.trimmed();
        if (line.startsWith(QLatin1Char('['))) {
            inSection = line == header;
            continue;
        }
        if (!inSection)
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq < 0)
            continue;
        const QString key = line.left(eq).trimmed();
        const QString value = line.mid(eq + 1).trimmed();
        if (key == QLatin1String("remote"))
            remote = value;
        else if (key == QLatin1String("merge"))
            merge = value;
    }
    if (remote.isEmpty() || remote == QLatin1String(".") || !merge.startsWith(QLatin1String("refs/heads/")))
        return {};
    return QStringLiteral("refs/remotes/%1/%2").arg(remote, merge.mid(int(qstrlen("refs/heads/"))));
}

std::map<std::string, std::string> yamlById(std::vector<manifest::Object> objects)
{
    std::map<std::string, std::string> out;
    for (manifest::Object &object : objects) {
        if (compare::isSecret(object.root()))
            compare::maskSecretData(&object.root(), nullptr);
        out[object.id().toString()] = manifest::emitYaml(object.root());
    }
    return out;
}

} // namespace

std::string Preview::text() const
{
    std::string out = "Commit on " + str(branch) + " (on " + str(baseRevision.left(7)) + "):\n";
    for (const QString &line : message.split(QLatin1Char('\n')))
        out += "    " + str(line) + "\n";
    out += "\nFiles changed:\n";
    for (const QString &file : files)
        out += "  " + str(file) + "\n";
    for (const AppDiff &app : apps) {
        if (app.changedResources.empty()) {
            out += "\nApplication " + app.app + ": no manifest changes\n";
            continue;
        }
        out += "\nApplication " + app.app + ": " + std::to_string(app.changedResources.size()) + " resource(s) change\n"
            + app.diff;
    }
    return out;
}

Result<QString> workingBranch(engine::Workspace &workspace)
{
    if (!workspace.config().branch.isEmpty())
        return workspace.config().branch;
    return workspace.reconciler().repository().headBranch();
}

Result<void> checkCommittable(engine::Workspace &workspace, const QString &branch)
{
    git::Repository &repo = workspace.reconciler().repository();
    auto clean = repo.isClean();
    if (!clean)
        return clean.error();
    if (!*clean)
        return makeError("the work tree has uncommitted changes; commit or discard them first");
    const QString tracking = trackingRef(repo, branch);
    if (tracking.isEmpty())
        return {};
    auto remote = repo.resolve(tracking);
    if (!remote)
        return {}; // configured but never fetched: nothing known to be behind
    auto local = repo.resolve(branch);
    if (!local)
        return local.error();
    if (local->id == remote->id)
        return {};
    auto reachable = repo.log({}, git::LogOptions { branch, 0, -1 });
    if (!reachable)
        return reachable.error();
    for (const git::CommitInfo &commit : *reachable)
        if (commit.id == remote->id)
            return {};
    return makeError("branch '" + str(branch) + "' is behind " + str(tracking) + "; pull first");
}

Result<void> checkBeforeCommitting(engine::Workspace &workspace, const CommitOptions &options)
{
    if (options.dryRun)
        return {};
    auto branch = workingBranch(workspace);
    if (!branch)
        return branch.error();
    return checkCommittable(workspace, *branch);
}

Result<AppDiff> manifestDiff(engine::Workspace &workspace, const std::string &app, const QString &fromRevision,
    const git::Repository &toRepository, const QString &toRevision)
{
    engine::Reconciler &reconciler = workspace.reconciler();
    const argo::Application *application = reconciler.application(app);
    if (!application || !application->source)
        return makeError("no application named '" + app + "' with a source");
    auto before = reconciler.desiredObjects(app, fromRevision);
    if (!before)
        return before.error();
    auto snapshot = toRepository.snapshot(toRevision);
    if (!snapshot)
        return snapshot.error();
    auto rendered = render::renderApplicationSource(*snapshot, *application->source);
    if (!rendered)
        return rendered.error();
    const auto left = yamlById(*before);
    const auto right = yamlById(engine::desiredObjects(**rendered, *application, workspace.cluster()));

    AppDiff out;
    out.app = app;
    std::map<std::string, std::pair<std::string, std::string>> all;
    for (const auto &[id, yaml] : left)
        all[id].first = yaml;
    for (const auto &[id, yaml] : right)
        all[id].second = yaml;
    for (const auto &[id, texts] : all) {
        if (texts.first == texts.second)
            continue;
        out.changedResources.push_back(id);
        out.diff += textdiff::unifiedDiff(texts.first, texts.second, texts.first.empty() ? "/dev/null" : "a/" + id,
            texts.second.empty() ? "/dev/null" : "b/" + id);
    }
    return out;
}

Result<CommitResult> makeChange(engine::Workspace &workspace, const std::vector<std::string> &apps,
    const QString &message, const ChangeFunction &change, const CommitOptions &options)
{
    auto branch = workingBranch(workspace);
    if (!branch)
        return branch.error();
    if (!options.dryRun)
        if (auto ok = checkCommittable(workspace, *branch); !ok)
            return ok.error();
    git::Repository &repo = workspace.reconciler().repository();
    auto base = repo.resolve(*branch);
    if (!base)
        return base.error();

    // The scratch clone: the commit is made there first, so the preview is the
    // commit itself, not a guess at it.
    QTemporaryDir scratch;
    if (!scratch.isValid())
        return makeError("cannot create a temporary folder for the preview");
    auto clone = git::Repository::clone(repo.workdir(), scratch.filePath(QStringLiteral("preview")));
    if (!clone)
        return clone.error();
    auto cloneBranch = clone->headBranch();
    if (!cloneBranch || *cloneBranch != *branch)
        return makeError("the preview needs branch '" + str(*branch) + "' to be the repository's checked-out branch");
    const git::Signature previewAuthor { QStringLiteral("Capstan preview"), QStringLiteral("preview@capstan.invalid"),
        {} };
    auto previewCommit = change(*clone, *branch, previewAuthor);
    if (!previewCommit)
        return previewCommit.error();

    CommitResult result;
    Preview &preview = result.preview;
    preview.branch = *branch;
    preview.baseRevision = base->id;
    auto committed = clone->resolve(*previewCommit);
    preview.message = committed ? committed->message.trimmed() : message;
    auto patches = clone->diff({}, base->id, *previewCommit);
    if (!patches)
        return patches.error();
    for (const git::FilePatch &patch : *patches)
        preview.files.push_back(patch.newPath.isEmpty() ? patch.oldPath : patch.newPath);
    for (const std::string &app : apps) {
        auto diff = manifestDiff(workspace, app, base->id, *clone, *previewCommit);
        if (!diff)
            return diff.error();
        preview.apps.push_back(std::move(*diff));
    }
    if (options.dryRun)
        return result;

    auto made = change(repo, *branch, options.author);
    if (!made)
        return made.error();
    result.commit = *made;
    // The commit is made; a failing refresh is the caller's to see on its next one.
    (void)workspace.reconciler().refresh(QDateTime::fromSecsSinceEpoch(
        std::chrono::duration_cast<std::chrono::seconds>(workspace.now().time_since_epoch()).count(), Qt::UTC));
    return result;
}

void audit(engine::Workspace &workspace, const std::string &actor, const std::string &app, const std::string &action,
    const std::string &details)
{
    history::AuditEvent event;
    event.actor = actor.empty() ? engine::currentUser() : actor;
    event.app = app;
    event.action = action;
    event.details = details;
    (void)workspace.history().appendAudit(event);
}

void recordChange(engine::Workspace &workspace, history::OperationKind kind, const std::string &app,
    const CommitResult &result, const CommitOptions &options, const std::string &details,
    const std::string &approvalNote)
{
    const std::string actor = options.actor.empty() ? engine::currentUser() : options.actor;
    history::OperationStart start;
    start.app = app;
    start.kind = kind;
    start.revision = result.commit.toStdString();
    start.initiatedBy = actor;
    start.approvalNote = approvalNote;
    if (const auto snapshot = workspace.reconciler().snapshot())
        if (const engine::AppState *state = snapshot->app(app))
            start.sourcePath = state->path;
    // The commit is made and is its own record; these rows add who and why.
    if (auto id = workspace.history().beginOperation(start)) {
        history::OperationFinish finish;
        finish.message = result.preview.message.section(QLatin1Char('\n'), 0, 0).toStdString();
        (void)workspace.history().finishOperation(*id, finish);
    }
    const char *action = kind == history::OperationKind::Promote ? "promote"
        : kind == history::OperationKind::Revert                 ? "revert"
                                                                 : "set-image";
    audit(workspace, actor, app, action,
        details + (approvalNote.empty() ? std::string() : "; approval: " + approvalNote));
}

} // namespace capstan::gitops
