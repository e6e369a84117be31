#pragma once

// What an Application's AppProject adds to its state: sync windows and Capstan's approval
// rule (argo::AppProject reads both).

#include "argo/app_project.h"
#include "argo/condition.h"
#include "manifest/object.h"
#include "reconcile/engine/app_state.h"

#include <QDateTime>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace capstan::argocd::detail {

struct Projects
{
    std::map<std::string, argo::AppProject> byName;
    std::vector<argo::Condition> errors; // projects that could not be read
};

Projects readProjects(const std::vector<manifest::Object> &objects);

// Sets state.window, windowDescription, requiresApproval and requiredApprovers from the
// Application's project at `now`. Argo CD's "default" project applies when none is stored.
void applyProject(
    const Projects &projects, const manifest::Object &application, const QDateTime &now, engine::AppState &state);

// The project's window state for a manual sync of the Application now; nullopt when it
// cannot be told (no such project, an unreadable spec): Argo CD's controller still checks.
std::optional<argo::SyncWindowStatus> manualSyncWindow(
    const argo::AppProject &project, const manifest::Object &application, const QDateTime &now);

} // namespace capstan::argocd::detail
