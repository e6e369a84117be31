#pragma once

#include "argo/sync_window.h"
#include "manifest/object.h"
#include "reconcile/engine/app_state.h"
#include "reconcile/history/history_types.h"

#include <QDateTime>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace capstan::argocd {

// What Argo CD says an application is doing and has done, beyond engine::AppState.
struct ApplicationOperations
{
    std::string name;
    std::string ns; // the namespace the Application lives in ("argocd")
    // status.operationState: the running or the last operation (id 0; approval note and
    // approvers read back from the operation's info entries Capstan wrote).
    std::optional<history::Operation> operation;
    // The Application's `operation` field is set: Argo CD runs it, or has yet to start it.
    bool operationRequested = false;
    // status.history, newest first; `id()` is Argo CD's history id (what rollback takes).
    std::vector<history::HistoryEntry> history;

    // Whether a new operation must wait (Argo CD refuses one while this is true).
    bool operationInProgress() const;
};

// Every Application an Argo CD holds, as the console's views take them.
struct Snapshot
{
    engine::WorkspaceSnapshot workspace; // apps sorted by name, roots, parent/children
    std::vector<ApplicationOperations> operations; // same order as workspace.apps
    // The sync windows of every AppProject that could be read, for the calendar.
    std::map<std::string, std::vector<argo::SyncWindow>> windowsByProject;

    const ApplicationOperations *operationsOf(const std::string &name) const;
};

// One Application object. Fields that are absent or of an unexpected shape stay empty
// or Unknown; a spec Capstan cannot read becomes an InvalidSpecError condition.
engine::AppState appStateOf(const manifest::Object &application);
ApplicationOperations operationsOf(const manifest::Object &application);

// All of them, with the app-of-apps tree (an Application whose status.resources lists
// another Application is its parent) and, from their AppProjects, sync windows at
// `refreshedAt` and Capstan's approval rule. AppProjects that cannot be read are listed
// in workspace.errors.
Snapshot makeSnapshot(const std::vector<manifest::Object> &applications, const std::vector<manifest::Object> &projects,
    const QDateTime &refreshedAt);

} // namespace capstan::argocd
