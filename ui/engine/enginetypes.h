#pragma once

#include "argo/sync_window.h"
#include "diff/resourcediffs.h"
#include "reconcile/engine/app_state.h"
#include "reconcile/engine/resource_tree.h"
#include "reconcile/engine/sync_controller.h"
#include "reconcile/gitops/revert.h"
#include "reconcile/history/history_types.h"
#include "reconcile/sync/operation_state.h"

#include <QDateTime>
#include <QMetaType>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace capstan::ui {

using SnapshotPtr = std::shared_ptr<const engine::WorkspaceSnapshot>;

// The sync windows of every project, as the branch's newest commit defines them
// (the snapshot carries each application's window state, the calendar needs
// the windows themselves).
struct ProjectWindows
{
    std::map<std::string, std::vector<argo::SyncWindow>> byProject;
};
using ProjectWindowsPtr = std::shared_ptr<const ProjectWindows>;

// One application's sync history as the worker read it.
struct HistoryList
{
    std::string app;
    std::vector<history::HistoryEntry> entries; // newest first
    std::vector<history::BadMark> badMarks;
    QString error;
};
using HistoryListPtr = std::shared_ptr<const HistoryList>;

// The commits that changed what one application renders (its path and every
// base, patch or component it reads), newest first.
struct GitLog
{
    std::string app;
    std::vector<gitops::RevertCandidate> commits;
    QString error;
};
using GitLogPtr = std::shared_ptr<const GitLog>;

// One application's resource tree as the worker read it from the cluster.
struct AppResourceTree
{
    std::string app;
    engine::ResourceTree tree;
    QString error;
};
using ResourceTreePtr = std::shared_ptr<const AppResourceTree>;

// Where the workspace's branch stands against its remote, as of the last fetch.
struct RemoteStatus
{
    bool hasRemote = false; // the repository has an "origin"
    QString url;            // without any password
    QString branch;
    QString upstream;       // "refs/remotes/origin/main"
    int ahead = 0;          // local commits to push
    int behind = 0;         // remote commits to pull
    QStringList toPush;     // "abc1234 subject" of the commits a push would send, newest first
    QString error;          // the last fetch failed (offline): everything else works from the local clone
    QDateTime fetchedAt;    // the last fetch that worked
};

// Finished diffs, built on the worker thread.
struct DiffSet
{
    QString requester; // who asked (several views diff history entries)
    QString title;
    std::vector<ResourceDiff> diffs;
    QString error;
};
using DiffSetPtr = std::shared_ptr<const DiffSet>;

// How the worker runs the engine.
struct EngineSettings
{
    engine::ClockMode clock = engine::ClockMode::RealTime;
    // The time refreshes and gates evaluate at; null: the wall clock. Tests fix it.
    std::function<QDateTime()> now;
    int pollIntervalMs = 3 * 60 * 1000; // refresh this often
    int fastPollIntervalMs = 3000;      // and this often for a while after an operation
    int fastPolls = 10;
    int tickMs = 2000;                  // the sandbox follows the wall clock this often (RealTime)
    bool automatedSync = true;          // run automated syncs after each refresh
};

// Registers the types the worker's queued signals carry.
void registerEngineMetaTypes();

} // namespace capstan::ui

Q_DECLARE_METATYPE(capstan::ui::SnapshotPtr)
Q_DECLARE_METATYPE(capstan::ui::ProjectWindowsPtr)
Q_DECLARE_METATYPE(capstan::ui::HistoryListPtr)
Q_DECLARE_METATYPE(capstan::ui::DiffSetPtr)
Q_DECLARE_METATYPE(capstan::ui::GitLogPtr)
Q_DECLARE_METATYPE(capstan::ui::ResourceTreePtr)
Q_DECLARE_METATYPE(capstan::ui::RemoteStatus)
Q_DECLARE_METATYPE(capstan::sync::OperationState)
Q_DECLARE_METATYPE(capstan::engine::SyncCommand)
