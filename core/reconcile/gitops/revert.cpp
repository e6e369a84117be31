#include "reconcile/gitops/revert.h"

#include "kustomize/render.h"
#include "reconcile/render/git_filesystem.h"

#include <QRegularExpression>

#include <algorithm>
#include <map>
#include <set>

namespace capstan::gitops {

namespace {

// Ids named by "This reverts commit <id>." anywhere in the branch's history.
std::set<QString> revertedIds(const QList<git::CommitInfo> &log)
{
    static const QRegularExpression pattern(QStringLiteral("This reverts commit ([0-9a-f]{7,40})"));
    std::set<QString> ids;
    for (const git::CommitInfo &commit : log) {
        auto it = pattern.globalMatch(commit.message);
        while (it.hasNext())
            ids.insert(it.next().captured(1));
    }
    return ids;
}

bool mentions(const std::set<QString> &ids, const QString &id)
{
    return std::any_of(ids.begin(), ids.end(), [&](const QString &named) { return id.startsWith(named); });
}

} // namespace

Result<std::vector<QString>> renderInputs(engine::Workspace &workspace, const std::string &app, const QString &revision)
{
    engine::Reconciler &reconciler = workspace.reconciler();
    const argo::Application *application = reconciler.application(app);
    if (!application || !application->source)
        return makeError("no application named '" + app + "' with a source");
    QString at = revision;
    if (at.isEmpty()) {
        auto branch = workingBranch(workspace);
        if (!branch)
            return branch.error();
        at = *branch;
    }
    auto snapshot = reconciler.repository().snapshot(at);
    if (!snapshot)
        return snapshot.error();
    const std::string dir = kustomize::cleanPath("/" + application->source->path);
    render::GitFileSystem git(*snapshot);
    kustomize::RecordingFileSystem recording(git);
    // Only the paths read matter here; a render error still names what it read.
    (void)kustomize::render(recording, dir);

    std::set<std::string> folders { dir };
    for (const std::string &path : recording.pathsUsed()) {
        if (!git.exists(path))
            continue;
        folders.insert(git.isDirectory(path) ? path : kustomize::parentPath(path));
    }
    std::vector<QString> out;
    for (const std::string &folder : folders) {
        if (folder == "/" || folder.empty())
            continue; // the root would make every commit a candidate
        const bool covered = std::any_of(folders.begin(), folders.end(), [&](const std::string &other) {
            return other != folder && other != "/" && kustomize::isWithin(folder, other);
        });
        if (!covered)
            out.push_back(render::GitFileSystem::repositoryPath(folder));
    }
    return out;
}

Result<std::vector<RevertCandidate>> revertCandidates(engine::Workspace &workspace, const std::string &app, int limit)
{
    auto inputs = renderInputs(workspace, app);
    if (!inputs)
        return inputs.error();
    auto branch = workingBranch(workspace);
    if (!branch)
        return branch.error();
    git::Repository &repo = workspace.reconciler().repository();
    auto all = repo.log({}, git::LogOptions { *branch, 0, -1 });
    if (!all)
        return all.error();
    const std::set<QString> reverted = revertedIds(*all);

    std::map<QString, std::vector<QString>> touched; // commit id → inputs it changed
    for (const QString &path : *inputs) {
        auto log = repo.log(path, git::LogOptions { *branch, 0, -1 });
        if (!log)
            return log.error();
        for (const git::CommitInfo &commit : *log)
            touched[commit.id].push_back(path);
    }
    auto bad = workspace.history().badMarks(app);
    if (!bad)
        return bad.error();

    // The branch's log is already newest first; keep its order.
    std::vector<RevertCandidate> out;
    for (const git::CommitInfo &commit : *all) {
        auto it = touched.find(commit.id);
        if (it == touched.end())
            continue;
        RevertCandidate candidate;
        candidate.commit = commit;
        candidate.paths = it->second;
        candidate.reverted = mentions(reverted, commit.id);
        candidate.isRevert = commit.message.contains(QLatin1String("This reverts commit "));
        for (const history::BadMark &mark : *bad)
            if (mark.revision == commit.id.toStdString())
                candidate.badMark = mark;
        out.push_back(std::move(candidate));
        if (limit > 0 && int(out.size()) >= limit)
            break;
    }
    return out;
}

const RevertCandidate *suggestedRevert(const std::vector<RevertCandidate> &candidates)
{
    for (const RevertCandidate &candidate : candidates)
        if (!candidate.isRevert && !candidate.reverted)
            return &candidate;
    return nullptr;
}

Result<CommitResult> revertCommit(
    engine::Workspace &workspace, const std::string &app, const QString &commit, const CommitOptions &options)
{
    if (auto safe = checkBeforeCommitting(workspace, options); !safe)
        return safe.error();
    git::Repository &repo = workspace.reconciler().repository();
    auto target = repo.resolve(commit);
    if (!target)
        return target.error();
    const QString id = target->id;
    auto result = makeChange(
        workspace, { app }, {},
        [id](git::Repository &r, const QString &branch, const std::optional<git::Signature> &author) {
            return r.revert(id, branch, {}, author);
        },
        options);
    if (result && !options.dryRun)
        recordChange(workspace, history::OperationKind::Revert, app, *result, options,
            "reverted " + id.toStdString() + " (" + target->summary.toStdString() + ") as "
                + result->commit.toStdString());
    return result;
}

} // namespace capstan::gitops
