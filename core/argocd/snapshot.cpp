#include "argocd/snapshot.h"

#include "argocd/application_status_p.h"
#include "argocd/history_mapping_p.h"
#include "argocd/project_rules_p.h"

#include <algorithm>
#include <map>

namespace capstan::argocd {

namespace {

// Whether `ancestor` is `app` or above it in the tree built so far.
bool isAncestor(const std::vector<engine::AppState> &apps, const std::map<std::string, std::size_t> &index,
    const std::string &ancestor, std::size_t app)
{
    for (std::size_t at = app, steps = 0; steps <= apps.size(); ++steps) {
        if (apps[at].name == ancestor)
            return true;
        auto up = index.find(apps[at].parent);
        if (up == index.end())
            return false;
        at = up->second;
    }
    return true;
}

} // namespace

bool ApplicationOperations::operationInProgress() const
{
    return operationRequested || (operation && history::isUnfinished(operation->phase));
}

const ApplicationOperations *Snapshot::operationsOf(const std::string &name) const
{
    for (const ApplicationOperations &o : operations) {
        if (o.name == name)
            return &o;
    }
    return nullptr;
}

ApplicationOperations operationsOf(const manifest::Object &application)
{
    ApplicationOperations out;
    out.name = application.name();
    out.ns = application.ns();
    const manifest::Node *requested = application.root().at({ "operation" });
    out.operationRequested = requested && !requested->isNull();
    out.operation = detail::operationStateOf(application);
    out.history = detail::historyOf(application);
    return out;
}

Snapshot makeSnapshot(const std::vector<manifest::Object> &applications,
    const std::vector<manifest::Object> &projectObjects, const QDateTime &refreshedAt)
{
    const detail::Projects projects = detail::readProjects(projectObjects);
    std::vector<const manifest::Object *> sorted;
    for (const manifest::Object &a : applications)
        sorted.push_back(&a);
    std::sort(sorted.begin(), sorted.end(),
        [](const manifest::Object *a, const manifest::Object *b) { return a->name() < b->name(); });

    Snapshot snapshot;
    snapshot.workspace.refreshedAt = refreshedAt;
    std::map<std::string, std::size_t> index;
    for (const manifest::Object *a : sorted) {
        index[a->name()] = snapshot.workspace.apps.size();
        engine::AppState &state = snapshot.workspace.apps.emplace_back(appStateOf(*a));
        detail::applyProject(projects, *a, refreshedAt, state);
        snapshot.operations.push_back(operationsOf(*a));
    }
    // The tree: a child Argo CD does not hold (in another namespace, not yet created) is
    // left out; the first parent to list an application keeps it.
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        for (const std::string &child : detail::childApplications(*sorted[i])) {
            auto found = index.find(child);
            if (found == index.end() || found->second == i)
                continue;
            engine::AppState &c = snapshot.workspace.apps[found->second];
            // A cycle (two Applications listing each other) keeps the first link only.
            if (!c.parent.empty() || isAncestor(snapshot.workspace.apps, index, child, i))
                continue;
            c.parent = sorted[i]->name();
            snapshot.workspace.apps[i].children.push_back(child);
        }
    }
    snapshot.workspace.errors = projects.errors;
    for (const auto &[name, project] : projects.byName)
        snapshot.windowsByProject[name] = project.syncWindows;
    for (const engine::AppState &app : snapshot.workspace.apps) {
        if (app.parent.empty())
            snapshot.workspace.roots.push_back(app.name);
    }
    return snapshot;
}

} // namespace capstan::argocd
