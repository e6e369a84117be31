#include "engine/argocdsession.h"

#include "argo/application.h"
#include "argocd/local_compare.h"
#include "diff/resourcediffs.h"
#include "kube/kubeconfig.h"
#include "reconcile/engine/resource_tree.h"

#include <QCoreApplication>

namespace capstan::ui {

namespace {

QString text(const std::string &s)
{
    return QString::fromStdString(s);
}

std::chrono::system_clock::time_point timePoint(const QDateTime &t)
{
    return std::chrono::system_clock::time_point(std::chrono::milliseconds(t.toMSecsSinceEpoch()));
}

capstan::Result<void> outcome(const argocd::ActionResult &result)
{
    if (result)
        return {};
    return static_cast<const capstan::Error &>(result.error());
}

argocd::Approval approvalOf(const engine::SyncCommand &command)
{
    return argocd::Approval { command.approvalNote, command.approvers };
}

} // namespace

sync::OperationState operationStateOf(const history::Operation &operation)
{
    sync::OperationState state;
    switch (operation.phase) {
    case history::OperationPhase::Running: state.phase = sync::OperationPhase::Running; break;
    case history::OperationPhase::Terminating: state.phase = sync::OperationPhase::Terminating; break;
    case history::OperationPhase::Succeeded: state.phase = sync::OperationPhase::Succeeded; break;
    case history::OperationPhase::Failed: state.phase = sync::OperationPhase::Failed; break;
    case history::OperationPhase::Error:
    case history::OperationPhase::Interrupted: state.phase = sync::OperationPhase::Error; break;
    }
    state.message = operation.message;
    state.revision = operation.revision;
    state.dryRun = operation.dryRun;
    if (operation.startedAt.isValid())
        state.startedAt = timePoint(operation.startedAt);
    if (operation.finishedAt.isValid())
        state.finishedAt = timePoint(operation.finishedAt);
    const bool done = sync::isCompleted(state.phase);
    for (const history::ResourceResult &r : operation.resources) {
        sync::ResourceResult result;
        result.group = r.resource.group;
        result.version = r.resource.version;
        result.kind = r.resource.kind;
        result.ns = r.resource.ns;
        result.name = r.resource.name;
        result.message = r.message;
        switch (r.status) {
        case history::ResourceStatus::Synced: result.status = sync::ResultCode::Synced; break;
        case history::ResourceStatus::SyncFailed: result.status = sync::ResultCode::SyncFailed; break;
        case history::ResourceStatus::Pruned: result.status = sync::ResultCode::Pruned; break;
        case history::ResourceStatus::PruneSkipped: result.status = sync::ResultCode::PruneSkipped; break;
        }
        result.hookPhase = r.status == history::ResourceStatus::SyncFailed ? sync::OperationPhase::Failed
            : done                                                         ? sync::OperationPhase::Succeeded
                                                                           : sync::OperationPhase::Running;
        state.resources.push_back(std::move(result));
    }
    return state;
}

capstan::Result<std::unique_ptr<ArgoCdSession>> ArgoCdSession::open(const QString &context, const QString &ns)
{
    auto config = kube::Kubeconfig::loadDefault();
    if (!config)
        return config.error();
    auto cluster = kube::KubeCluster::open(*config, context.toStdString());
    if (!cluster)
        return cluster.error();
    std::unique_ptr<ArgoCdSession> session(new ArgoCdSession);
    session->m_context = context;
    session->m_cluster = std::move(*cluster);
    argocd::ArgoCdEngine::Options options;
    if (!ns.isEmpty())
        options.ns = ns.toStdString();
    session->m_engine = std::make_unique<argocd::ArgoCdEngine>(*session->m_cluster, options);
    return session;
}

ArgoCdSession::~ArgoCdSession()
{
    if (m_watch != 0)
        m_engine->unwatch(m_watch); // no callback runs once this returns
}

void ArgoCdSession::watch(std::function<void()> changed)
{
    if (m_watch != 0)
        m_engine->unwatch(m_watch);
    m_watch = m_engine->watchApplications([changed = std::move(changed)](const cluster::WatchEvent &) { changed(); });
}

capstan::Result<std::shared_ptr<const argocd::Snapshot>> ArgoCdSession::refresh(
    const QDateTime &now, const git::Repository *clone)
{
    auto snapshot = m_engine->snapshot();
    if (!snapshot)
        return snapshot.error();
    snapshot->workspace.refreshedAt = now;
    if (clone) {
        for (engine::AppState &app : snapshot->workspace.apps) {
            if (app.sync != compare::SyncStatus::OutOfSync)
                continue;
            auto object = m_engine->application(app.name);
            auto compared = object ? argocd::compareWithClone(*clone, *m_cluster, *object, app, &m_renders)
                                   : capstan::Result<void>(object.error());
            if (!compared)
                app.warnings.push_back("Git's side of the diff is not shown: " + compared.error().toString());
        }
    }
    m_snapshot = std::make_shared<const argocd::Snapshot>(std::move(*snapshot));
    return m_snapshot;
}

capstan::Result<void> ArgoCdSession::checkGate(const std::string &app, const engine::SyncCommand &command,
    bool dryRun, const char *action) const
{
    const engine::AppState *state = m_snapshot ? m_snapshot->workspace.app(app) : nullptr;
    if (!state)
        return makeError("Argo CD has no application named " + app, app);
    const auto missing
        = engine::missingApproval(engine::checkApproval(*state, command.approvalNote, command.approvers, dryRun));
    if (missing)
        return makeError(std::string(action) + " of '" + app + "' was not sent to Argo CD: project '" + state->project
                + "' requires " + *missing,
            app);
    return {};
}

capstan::Result<void> ArgoCdSession::sync(const engine::SyncCommand &command)
{
    if (auto gate = checkGate(command.app, command, command.request.dryRun, "sync"); !gate)
        return gate;
    argocd::SyncRequest request;
    request.revision = command.revision.toStdString();
    request.prune = command.request.prune;
    request.dryRun = command.request.dryRun;
    for (const sync::ResourceSelector &s : command.request.resources)
        request.resources.push_back({ s.group, s.kind, s.ns, s.name });
    request.username = command.initiatedBy;
    request.approval = approvalOf(command);
    return outcome(m_engine->sync(command.app, request));
}

capstan::Result<void> ArgoCdSession::rollback(const QString &app, qint64 historyId, const engine::SyncCommand &approval)
{
    if (auto gate = checkGate(app.toStdString(), approval, false, "rollback"); !gate)
        return gate;
    argocd::RollbackRequest request;
    request.historyId = historyId;
    request.username = approval.initiatedBy;
    request.approval = approvalOf(approval);
    return outcome(m_engine->rollback(app.toStdString(), request));
}

capstan::Result<void> ArgoCdSession::terminate(const QString &app)
{
    return outcome(m_engine->terminate(app.toStdString()));
}

HistoryList ArgoCdSession::history(const QString &app) const
{
    HistoryList list;
    list.app = app.toStdString();
    const argocd::ApplicationOperations *operations = m_snapshot ? m_snapshot->operationsOf(list.app) : nullptr;
    if (!operations)
        list.error = QCoreApplication::translate("ArgoCdSession", "Argo CD has no application named %1.").arg(app);
    else
        list.entries = operations->history;
    return list;
}

capstan::Result<std::vector<manifest::Object>> ArgoCdSession::renderAt(
    const std::string &app, const std::string &revision, const std::string &path, const git::Repository *clone)
{
    if (!clone)
        return makeError("open a clone of the application's repository to see what it deployed", app);
    auto object = m_engine->application(app);
    if (!object)
        return object.error();
    auto application = argo::readApplication(*object);
    if (!application)
        return application.error();
    return argocd::renderFromClone(*clone, *m_cluster, *application, revision, path, &m_renders);
}

DiffSet ArgoCdSession::diffEntries(const QString &app, qint64 left, qint64 right, const git::Repository *clone)
{
    DiffSet set;
    const HistoryList list = history(app);
    const history::HistoryEntry *older = nullptr;
    const history::HistoryEntry *newer = nullptr;
    for (const history::HistoryEntry &e : list.entries) {
        if (e.id() == left)
            older = &e;
        if (e.id() == right)
            newer = &e;
    }
    if (!older || !newer) {
        set.error = QCoreApplication::translate("ArgoCdSession", "Argo CD's history of %1 has no entry %2.")
                        .arg(app)
                        .arg(!older ? left : right);
        return set;
    }
    const std::string name = app.toStdString();
    auto before = renderAt(name, older->operation.revision, older->operation.sourcePath, clone);
    auto after = renderAt(name, newer->operation.revision, newer->operation.sourcePath, clone);
    if (!before || !after) {
        set.error = text((!before ? before.error() : after.error()).toString());
        return set;
    }
    const QString leftLabel = QStringLiteral("#%1 %2").arg(left).arg(text(older->operation.revision.substr(0, 7)));
    const QString rightLabel = QStringLiteral("#%1 %2").arg(right).arg(text(newer->operation.revision.substr(0, 7)));
    set.title = QCoreApplication::translate("ArgoCdSession", "%1 at %2 → %3").arg(app, leftLabel, rightLabel);
    set.diffs = buildResourceDiffs(pairObjects(*before, *after), leftLabel, rightLabel);
    return set;
}

AppResourceTree ArgoCdSession::resourceTree(const QString &app)
{
    AppResourceTree result;
    result.app = app.toStdString();
    const engine::AppState *state = m_snapshot ? m_snapshot->workspace.app(result.app) : nullptr;
    if (!state) {
        result.error = QCoreApplication::translate("ArgoCdSession", "Argo CD has no application named %1.").arg(app);
        return result;
    }
    engine::TreeInput input;
    for (const engine::ResourceState &r : state->resources) {
        input.defined.emplace_back(r.id, r.status);
        auto live = m_cluster->get(cluster::ResourceKey::of(r.id));
        if (live)
            input.live.push_back(std::move(*live));
        else if (live.code() != cluster::ErrorCode::NotFound) {
            result.error = text(live.error().toString());
            return result;
        }
    }
    auto tree = engine::buildResourceTree(*m_cluster, input);
    if (tree)
        result.tree = std::move(*tree);
    else
        result.error = text(tree.error().toString());
    return result;
}

} // namespace capstan::ui
