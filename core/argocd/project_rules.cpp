#include "argocd/project_rules_p.h"

#include "argo/application.h"
#include "argo/project_rules.h"

namespace capstan::argocd::detail {

Projects readProjects(const std::vector<manifest::Object> &objects)
{
    Projects out;
    for (const manifest::Object &object : objects) {
        auto project = argo::readAppProject(object);
        if (!project) {
            out.errors.push_back({ argo::ConditionType::InvalidSpecError, project.error().message,
                project.error().where.empty() ? "AppProject " + object.name() : project.error().where });
            continue;
        }
        out.byName.emplace(project->name(), std::move(*project));
    }
    return out;
}

std::optional<argo::SyncWindowStatus> manualSyncWindow(
    const argo::AppProject &project, const manifest::Object &application, const QDateTime &now)
{
    auto app = argo::readApplication(application);
    if (!app)
        return std::nullopt;
    return argo::syncWindowStatus(project, *app, now);
}

void applyProject(
    const Projects &projects, const manifest::Object &application, const QDateTime &now, engine::AppState &state)
{
    auto found = projects.byName.find(state.project);
    const argo::AppProject *project = found != projects.byName.end() ? &found->second : nullptr;
    static const argo::AppProject builtIn = argo::defaultProject();
    if (!project && state.project == "default")
        project = &builtIn;
    if (!project)
        return; // Argo CD itself reports the missing project as a condition
    if (auto window = manualSyncWindow(*project, application, now)) {
        state.window = *window;
        state.windowDescription = argo::describeSyncWindowStatus(*window, now.timeZone());
    }
    state.requiresApproval = project->approval.required;
    state.requiredApprovers = project->approval.requiredApprovers;
}

} // namespace capstan::argocd::detail
