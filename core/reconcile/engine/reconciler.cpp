#include "reconcile/engine/reconciler.h"

#include "argo/app_tree.h"
#include "reconcile/compare/tracking.h"
#include "reconcile/engine/app_assessor.h"
#include "reconcile/engine/fingerprint.h"
#include "reconcile/health/health.h"

#include <deque>
#include <set>

namespace capstan::engine {

namespace {

// "dir/file.yaml" of "dir/file.yaml:12:3".
QString fileOf(const std::string &where)
{
    std::string file = where;
    for (int i = 0; i < 2; ++i) {
        const auto colon = file.rfind(':');
        if (colon == std::string::npos)
            break;
        file.resize(colon);
    }
    return QString::fromStdString(file);
}

} // namespace

Reconciler::Reconciler(git::Repository repository, std::shared_ptr<cluster::Cluster> cluster, WorkspaceOptions options)
    : m_repository(std::move(repository))
    , m_cluster(std::move(cluster))
    , m_options(std::move(options))
{
}

Reconciler::~Reconciler() = default;

Result<git::Snapshot> Reconciler::snapshotFor(const std::string &targetRevision)
{
    const std::string key = targetRevision.empty() || targetRevision == "HEAD" ? std::string() : targetRevision;
    if (auto it = m_revisionSnapshots.find(key); it != m_revisionSnapshots.end())
        return it->second;
    QString revision = key.empty() ? m_options.branch : QString::fromStdString(key);
    if (revision.isEmpty()) {
        auto branch = m_repository.headBranch();
        revision = branch ? *branch : QStringLiteral("HEAD");
    }
    auto snapshot = m_repository.snapshot(revision);
    if (!snapshot)
        return snapshot.error();
    m_revisionSnapshots.emplace(key, *snapshot);
    return *snapshot;
}

Result<void> Reconciler::updateLive()
{
    if (!m_live)
        m_live = std::make_unique<LiveIndex>(*m_cluster, m_options.liveResyncInterval);
    return m_live->update();
}

std::optional<std::string> Reconciler::destinationProblem(const argo::Application &app) const
{
    return m_options.destinationCheck ? m_options.destinationCheck(app.destination) : std::nullopt;
}

const argo::Application *Reconciler::application(const std::string &name) const
{
    auto it = m_applications.find(name);
    return it == m_applications.end() ? nullptr : &it->second.application;
}

Result<std::shared_ptr<const WorkspaceSnapshot>> Reconciler::refresh(const QDateTime &now)
{
    m_revisionSnapshots.clear();
    auto head = snapshotFor({});
    if (!head)
        return head.error();

    // The catalog of files changes only with the tree.
    auto rootTree = head->entryId(QString());
    if (!rootTree)
        return rootTree.error();
    if (*rootTree != m_catalogTree) {
        m_catalog = scanCatalog(*head);
        m_catalogTree = *rootTree;
    }

    if (auto live = updateLive(); !live)
        return live.error();

    auto snapshot = std::make_shared<WorkspaceSnapshot>();
    snapshot->refreshedAt = now;
    snapshot->branch = m_options.branch.toStdString();
    snapshot->headRevision = head->commit().id.toStdString();
    snapshot->errors = m_catalog.errors;

    // Render every application found in files, then follow what each renders:
    // an Application rendered by another is that one's child. A render is
    // reused from the last refresh when the source and the revision's tree are the same.
    std::map<std::string, RenderEntry> renders; // by application name
    std::map<std::string, RenderEntry> renderCache;
    std::map<std::string, git::CommitInfo> revisions;
    const auto renderApp = [&](const argo::Application &app) -> const RenderEntry & {
        auto found = renders.find(app.name());
        if (found != renders.end())
            return found->second;
        RenderEntry entry;
        entry.result = Error { "the application has no source", app.where };
        if (app.source) {
            auto snap = snapshotFor(app.source->targetRevision);
            auto tree = snap ? snap->entryId(QString()) : Result<QString>(snap.error());
            if (!snap || !tree) {
                entry.result = Error { snap ? tree.error().message : snap.error().message, app.source->where };
            } else {
                revisions[app.name()] = snap->commit();
                const std::string key = tree->toStdString() + '\n' + fingerprint(*app.source);
                if (auto hit = renderCache.find(key); hit != renderCache.end()) {
                    entry = hit->second;
                } else if (auto earlier = m_renders.find(key); earlier != m_renders.end()) {
                    entry = earlier->second;
                    renderCache.emplace(key, entry);
                } else {
                    entry.result = render::renderApplicationSource(*snap, *app.source, &m_sources);
                    entry.serial = m_nextRenderSerial++;
                    renderCache.emplace(key, entry);
                }
            }
        }
        if (!entry.serial)
            entry.serial = m_nextRenderSerial++;
        return renders.emplace(app.name(), std::move(entry)).first->second;
    };
    std::map<std::uint64_t, Catalog> childrenByRender;
    const auto childrenIn = [&](const RenderEntry &rendered) -> const Catalog & {
        if (auto it = childrenByRender.find(rendered.serial); it != childrenByRender.end())
            return it->second;
        Catalog children;
        if (auto it = m_childrenByRender.find(rendered.serial); it != m_childrenByRender.end())
            children = std::move(it->second);
        else if (rendered.result)
            collectArgoObjects((*rendered.result)->objects, children);
        return childrenByRender.emplace(rendered.serial, std::move(children)).first->second;
    };

    std::set<std::string> produced;
    for (const argo::Application &app : m_catalog.applications) {
        const Catalog &children = childrenIn(renderApp(app));
        for (const argo::Application &child : children.applications)
            produced.insert(child.name());
        for (const BrokenApplication &child : children.broken)
            produced.insert(child.name);
    }

    m_applications.clear();
    m_projects = m_catalog.projects;
    // What a project's definition is known by: its file's blob, or the render that made it.
    std::map<std::string, std::string> projectKeys;
    for (const auto &[projectName, project] : m_projects) {
        auto blob = head->entryId(fileOf(project.where));
        projectKeys[projectName]
            = "file " + project.where + ' ' + (blob ? blob->toStdString() : "tree " + m_catalogTree.toStdString());
    }
    std::map<std::string, std::vector<std::string>> childrenOf;
    std::map<std::string, argo::Condition> brokenApps;
    std::deque<std::string> queue;
    for (const argo::Application &app : m_catalog.applications) {
        if (produced.count(app.name()) || m_applications.count(app.name()))
            continue;
        m_applications[app.name()] = Defined { app, {} };
        snapshot->roots.push_back(app.name());
        queue.push_back(app.name());
    }
    for (const BrokenApplication &b : m_catalog.broken)
        brokenApps.emplace(b.name, b.condition);
    for (;;) {
        while (!queue.empty()) {
            const std::string name = queue.front();
            queue.pop_front();
            const RenderEntry &rendered = renderApp(m_applications.at(name).application);
            const Catalog &children = childrenIn(rendered);
            for (const auto &[projectName, project] : children.projects) {
                if (m_projects.emplace(projectName, project).second)
                    projectKeys[projectName] = "render " + std::to_string(rendered.serial) + ' ' + project.where;
            }
            std::vector<std::string> &list = childrenOf[name];
            for (const argo::Application &child : children.applications) {
                list.push_back(child.name());
                if (m_applications.count(child.name()))
                    continue;
                m_applications[child.name()] = Defined { child, name };
                queue.push_back(child.name());
            }
            for (const BrokenApplication &child : children.broken) {
                list.push_back(child.name);
                brokenApps.emplace(child.name, child.condition);
            }
        }
        // An application defined in a file that nothing reaches (a cycle with no
        // root) still shows: it is walked as a root, one at a time, so the rest of
        // its cycle becomes its descendants and the cycle is found.
        for (const argo::Application &app : m_catalog.applications) {
            if (m_applications.count(app.name()))
                continue;
            m_applications[app.name()] = Defined { app, {} };
            snapshot->roots.push_back(app.name());
            queue.push_back(app.name());
            break;
        }
        if (queue.empty())
            break;
    }
    const argo::AppTree tree = argo::buildAppTree(childrenOf);

    const argo::AppProject defaultProject = argo::defaultProject();
    std::map<std::string, CachedAssessment> assessments;
    for (const auto &[name, defined] : m_applications) {
        const argo::Application &app = defined.application;
        AssessmentInput input;
        input.application = &app;
        const auto project = m_projects.find(app.project);
        input.project = project != m_projects.end() ? &project->second
            : app.project == "default"              ? &defaultProject
                                                    : nullptr;
        const RenderEntry &rendered = renderApp(app);
        input.rendered = &rendered.result;
        input.revision = revisions[name];
        input.cluster = m_cluster.get();
        input.destinationError = destinationProblem(app);
        input.now = now;
        input.detail = compare::Detail::OutOfSyncOnly;

        // Reuse the last assessment when nothing it was made from changed.
        CachedAssessment key;
        key.render = rendered.serial;
        key.application = fingerprint(app);
        key.project = project != m_projects.end() ? projectKeys[app.project] : input.project ? "default" : "";
        key.live = m_live->generationOf(name);
        AppState state;
        auto cached = m_assessments.find(name);
        if (cached != m_assessments.end() && cached->second.render == key.render
            && cached->second.application == key.application && cached->second.project == key.project
            && cached->second.live == key.live) {
            state = cached->second.state;
            assessRevisionAndWindow(input, state);
            key.state = std::move(cached->second.state);
        } else {
            for (const LiveIndex::ObjectPtr &object : m_live->objectsOf(name))
                input.live.push_back(*object);
            state = assessApplication(input);
            key.state = state;
        }
        assessments.emplace(name, std::move(key));

        state.parent = defined.parent;
        if (auto it = childrenOf.find(name); it != childrenOf.end())
            state.children = it->second;
        for (argo::Condition &c : tree.conditionsFor(name))
            state.conditions.push_back(std::move(c));
        snapshot->apps.push_back(std::move(state));
    }
    for (const auto &[name, condition] : brokenApps) {
        if (m_applications.count(name))
            continue;
        AppState state;
        state.name = name.empty() ? condition.where : name;
        state.conditions.push_back(condition);
        state.file = condition.where;
        snapshot->apps.push_back(std::move(state));
    }
    std::sort(snapshot->apps.begin(), snapshot->apps.end(),
        [](const AppState &a, const AppState &b) { return a.name < b.name; });
    // Keep only what this refresh used: the caches follow the workspace, never grow past it.
    m_renders = std::move(renderCache);
    m_childrenByRender = std::move(childrenByRender);
    m_assessments = std::move(assessments);
    m_snapshot = snapshot;
    return std::shared_ptr<const WorkspaceSnapshot>(snapshot);
}

Result<std::vector<manifest::Object>> Reconciler::desiredObjects(const std::string &name, const QString &revision)
{
    const argo::Application *app = application(name);
    if (!app)
        return makeError("no application named '" + name + "'");
    if (!app->source)
        return makeError("the application has no source", app->where);
    auto snap = revision.isEmpty() ? snapshotFor(app->source->targetRevision) : m_repository.snapshot(revision);
    if (!snap)
        return snap.error();
    auto rendered = render::renderApplicationSource(*snap, *app->source, &m_sources);
    if (!rendered)
        return rendered.error();
    return engine::desiredObjects(**rendered, *app, *m_cluster);
}

Result<std::vector<manifest::Object>> Reconciler::liveObjects(const std::string &name)
{
    // What another cluster runs for an application is not to be found in this one.
    if (const argo::Application *app = application(name))
        if (auto problem = destinationProblem(*app))
            return makeError(*problem, app->where);
    if (auto live = updateLive(); !live)
        return live.error();
    std::vector<manifest::Object> objects;
    for (const LiveIndex::ObjectPtr &object : m_live->objectsOf(name))
        objects.push_back(*object);
    return objects;
}

Result<ResourceState> Reconciler::resourceState(const std::string &name, const manifest::ResourceId &id)
{
    const argo::Application *app = application(name);
    if (!app)
        return makeError("no application named '" + name + "'");
    auto desired = desiredObjects(name);
    if (!desired)
        return desired.error();
    auto live = liveObjects(name);
    if (!live)
        return live.error();
    const compare::CompareResult compared = compareApplication(*app, *desired, *live);
    if (compared.error)
        return *compared.error;
    for (const compare::ResourceComparison &r : compared.resources) {
        if (!r.id.sameObject(id))
            continue;
        ResourceState state;
        state.id = r.id;
        state.status = r.status;
        state.desiredYaml = r.desiredYaml;
        state.liveYaml = r.liveYaml;
        state.diff = r.diff;
        for (const manifest::Object &o : *live)
            if (o.id().sameObject(r.id))
                state.health = health::assess(o);
        if (!state.health && r.status == compare::ResourceStatus::Missing)
            state.health = health::Health{health::HealthStatus::Missing, "the resource does not exist in the cluster"};
        return state;
    }
    return makeError("the application '" + name + "' has no resource " + id.toString());
}

} // namespace capstan::engine
