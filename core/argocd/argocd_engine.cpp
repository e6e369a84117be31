#include "argocd/argocd_engine.h"

#include "argocd/project_rules_p.h"

#include "argo/app_project.h"

#include <QDateTime>

namespace capstan::argocd {

namespace {

const cluster::GroupKind applicationKind { "argoproj.io", "Application" };
const cluster::GroupKind projectKind { "argoproj.io", "AppProject" };

ActionError fromCluster(const cluster::ApiError &error)
{
    ActionError out;
    out.message = error.message;
    out.where = error.where;
    out.clusterCode = error.code;
    return out;
}

} // namespace

ArgoCdEngine::ArgoCdEngine(cluster::Cluster &cluster, Options options)
    : m_cluster(cluster)
    , m_options(std::move(options))
{
}

capstan::Result<Snapshot> ArgoCdEngine::snapshot()
{
    cluster::ListQuery query;
    query.kind = applicationKind;
    query.ns = m_options.ns;
    auto applications = m_cluster.list(query);
    if (!applications)
        return static_cast<const capstan::Error &>(applications.error());
    // Without the projects the applications still show, without windows and approval rules.
    query.kind = projectKind;
    auto projects = m_cluster.list(query);
    Snapshot snapshot = makeSnapshot(
        *applications, projects ? *projects : std::vector<manifest::Object>(), QDateTime::currentDateTimeUtc());
    if (!projects)
        snapshot.workspace.errors.push_back({ argo::ConditionType::UnknownError,
            "cannot read the AppProjects, so sync windows and approval rules are not shown: "
                + projects.error().message,
            projects.error().where });
    return snapshot;
}

cluster::ApiResult<manifest::Object> ArgoCdEngine::project(const std::string &name)
{
    return m_cluster.get({ projectKind.group, projectKind.kind, m_options.ns, name });
}

cluster::WatchId ArgoCdEngine::watchApplications(cluster::WatchCallback callback)
{
    cluster::ListQuery query;
    query.kind = applicationKind;
    query.ns = m_options.ns;
    return m_cluster.watch(query, std::move(callback));
}

void ArgoCdEngine::unwatch(cluster::WatchId id)
{
    m_cluster.unwatch(id);
}

std::optional<ActionError> ArgoCdEngine::checkSyncWindow(const manifest::Object &application)
{
    std::string name = application.root().textAt({ "spec", "project" });
    auto object = project(name.empty() ? "default" : name);
    if (!object)
        return std::nullopt; // unreadable here; the controller still holds a blocked sync
    auto appProject = argo::readAppProject(*object);
    if (!appProject)
        return std::nullopt;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto window = detail::manualSyncWindow(*appProject, application, now);
    if (!window || window->canSync(argo::SyncTrigger::Manual))
        return std::nullopt;
    return refuse(application, Refusal::SyncWindow,
        "cannot sync: blocked by sync window (" + argo::describeSyncWindowStatus(*window, now.timeZone()) + ")");
}

cluster::ApiResult<manifest::Object> ArgoCdEngine::application(const std::string &name)
{
    return m_cluster.get({ applicationKind.group, applicationKind.kind, m_options.ns, name });
}

template<typename Build> ActionResult ArgoCdEngine::act(const std::string &name, WindowCheck windows, Build build)
{
    auto current = application(name);
    if (!current)
        return fromCluster(current.error());
    ActionResult changed = build(*current);
    if (!changed)
        return changed;
    // Dry runs included: Argo CD's controller holds those too while a window blocks.
    if (windows == WindowCheck::Required) {
        if (auto blocked = checkSyncWindow(*current))
            return *blocked;
    }
    cluster::ApplyOptions options;
    options.fieldManager = m_options.fieldManager;
    options.replace = true;
    auto written = m_cluster.apply(*changed, options);
    if (!written)
        return fromCluster(written.error());
    return std::move(*written);
}

ActionResult ArgoCdEngine::sync(const std::string &name, const SyncRequest &request)
{
    return act(
        name, WindowCheck::Required, [&](const manifest::Object &app) { return withSyncOperation(app, request); });
}

ActionResult ArgoCdEngine::rollback(const std::string &name, const RollbackRequest &request)
{
    return act(
        name, WindowCheck::Required, [&](const manifest::Object &app) { return withRollbackOperation(app, request); });
}

ActionResult ArgoCdEngine::terminate(const std::string &name)
{
    return act(name, WindowCheck::NotApplicable, [](const manifest::Object &app) { return withTermination(app); });
}

} // namespace capstan::argocd
