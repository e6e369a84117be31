#include "reconcile/engine/reconciler.h"

#include "argo/app_tree.h"
#include "reconcile/compare/tracking.h"
#include "reconcile/engine/app_assessor.h"

#include <deque>
#include <set>

namespace capstan::engine {

Reconciler::Reconciler(git::Repository repository,
                       std::shared_ptr<cluster::Cluster> cluster,
                       WorkspaceOptions options)
    : m_repository(std::move(repository)), m_cluster(std::move(cluster)),
      m_options(std::move(options)) {}

Reconciler::~Reconciler() = default;

Result<git::Snapshot>
Reconciler::snapshotFor(const std::string &targetRevision) {
  const std::string key = targetRevision.empty() || targetRevision == "HEAD"
                              ? std::string()
                              : targetRevision;
  if (auto it = m_revisionSnapshots.find(key); it != m_revisionSnapshots.end())
    return it->second;
  QString revision =
      key.empty() ? m_options.branch : QString::fromStdString(key);
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

Result<std::map<std::string, std::vector<manifest::Object>>>
Reconciler::liveByApplication() {
  cluster::ListQuery query;
  query.annotations.push_back(
      {std::string(compare::TrackingIdAnnotation), std::nullopt});
  auto live = m_cluster->list(query);
  if (!live)
    return Error(live.error());
  std::map<std::string, std::vector<manifest::Object>> byApp;
  for (manifest::Object &object : *live) {
    const std::string annotation = object.root().textAt(
        {"metadata", "annotations", compare::TrackingIdAnnotation});
    if (auto id = compare::parseTrackingId(annotation))
      byApp[id->app].push_back(std::move(object));
  }
  return byApp;
}

const argo::Application *
Reconciler::application(const std::string &name) const {
  auto it = m_applications.find(name);
  return it == m_applications.end() ? nullptr : &it->second.application;
}

Result<std::shared_ptr<const WorkspaceSnapshot>>
Reconciler::refresh(const QDateTime &now) {
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

  auto live = liveByApplication();
  if (!live)
    return live.error();

  auto snapshot = std::make_shared<WorkspaceSnapshot>();
  snapshot->refreshedAt = now;
  snapshot->branch = m_options.branch.toStdString();
  snapshot->headRevision = head->commit().id.toStdString();
  snapshot->errors = m_catalog.errors;

  // Render every application found in files, then follow what each renders:
  // an Application rendered by another is that one's child.
  using Rendered = Result<std::shared_ptr<const render::RenderedSource>>;
  std::map<std::string, Rendered> renders;
  std::map<std::string, git::CommitInfo> revisions;
  const auto renderApp = [&](const argo::Application &app) -> const Rendered & {
    auto found = renders.find(app.name());
    if (found != renders.end())
      return found->second;
    Rendered result = Error{"the application has no source", app.where};
    if (app.source) {
      auto snap = snapshotFor(app.source->targetRevision);
      if (!snap) {
        result = Error{snap.error().message, app.source->where};
      } else {
        revisions[app.name()] = snap->commit();
        result =
            render::renderApplicationSource(*snap, *app.source, &m_sources);
      }
    }
    return renders.emplace(app.name(), std::move(result)).first->second;
  };
  const auto childrenIn = [](const Rendered &rendered) {
    Catalog children;
    if (rendered)
      collectArgoObjects((*rendered)->objects, children);
    return children;
  };

  std::set<std::string> produced;
  for (const argo::Application &app : m_catalog.applications) {
    const Catalog children = childrenIn(renderApp(app));
    for (const argo::Application &child : children.applications)
      produced.insert(child.name());
    for (const BrokenApplication &child : children.broken)
      produced.insert(child.name);
  }

  m_applications.clear();
  m_projects = m_catalog.projects;
  std::map<std::string, std::vector<std::string>> childrenOf;
  std::map<std::string, argo::Condition> brokenApps;
  std::deque<std::string> queue;
  for (const argo::Application &app : m_catalog.applications) {
    if (produced.count(app.name()) || m_applications.count(app.name()))
      continue;
    m_applications[app.name()] = Defined{app, {}};
    snapshot->roots.push_back(app.name());
    queue.push_back(app.name());
  }
  for (const BrokenApplication &b : m_catalog.broken)
    brokenApps.emplace(b.name, b.condition);
  for (;;) {
    while (!queue.empty()) {
      const std::string name = queue.front();
      queue.pop_front();
      const Catalog children =
          childrenIn(renderApp(m_applications.at(name).application));
      for (const auto &[projectName, project] : children.projects)
        m_projects.emplace(projectName, project);
      std::vector<std::string> &list = childrenOf[name];
      for (const argo::Application &child : children.applications) {
        list.push_back(child.name());
        if (m_applications.count(child.name()))
          continue;
        m_applications[child.name()] = Defined{child, name};
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
      m_applications[app.name()] = Defined{app, {}};
      snapshot->roots.push_back(app.name());
      queue.push_back(app.name());
      break;
    }
    if (queue.empty())
      break;
  }
  const argo::AppTree tree = argo::buildAppTree(childrenOf);

  const argo::AppProject defaultProject = argo::defaultProject();
  for (const auto &[name, defined] : m_applications) {
    const argo::Application &app = defined.application;
    AssessmentInput input;
    input.application = &app;
    const auto project = m_projects.find(app.project);
    input.project = project != m_projects.end() ? &project->second
                    : app.project == "default"  ? &defaultProject
                                                : nullptr;
    input.rendered = &renderApp(app);
    input.revision = revisions[name];
    if (auto it = live->find(name); it != live->end())
      input.live = it->second;
    input.cluster = m_cluster.get();
    input.now = now;
    AppState state = assessApplication(input);
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
  std::sort(
      snapshot->apps.begin(), snapshot->apps.end(),
      [](const AppState &a, const AppState &b) { return a.name < b.name; });
  m_snapshot = snapshot;
  return std::shared_ptr<const WorkspaceSnapshot>(snapshot);
}

Result<std::vector<manifest::Object>>
Reconciler::desiredObjects(const std::string &name, const QString &revision) {
  const argo::Application *app = application(name);
  if (!app)
    return makeError("no application named '" + name + "'");
  if (!app->source)
    return makeError("the application has no source", app->where);
  auto snap = revision.isEmpty() ? snapshotFor(app->source->targetRevision)
                                 : m_repository.snapshot(revision);
  if (!snap)
    return snap.error();
  auto rendered =
      render::renderApplicationSource(*snap, *app->source, &m_sources);
  if (!rendered)
    return rendered.error();
  return engine::desiredObjects(**rendered, *app, *m_cluster);
}

Result<std::vector<manifest::Object>>
Reconciler::liveObjects(const std::string &name) {
  auto live = liveByApplication();
  if (!live)
    return live.error();
  auto it = live->find(name);
  return it == live->end() ? std::vector<manifest::Object>() : it->second;
}

} // namespace capstan::engine
