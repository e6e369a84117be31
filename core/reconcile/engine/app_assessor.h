#pragma once

#include "argo/app_project.h"
#include "argo/application.h"
#include "cluster/cluster.h"
#include "git/types.h"
#include "reconcile/engine/app_state.h"
#include "reconcile/render/application_source.h"

#include <memory>
#include <optional>

namespace capstan::engine {

// What one application's assessment starts from.
struct AssessmentInput
{
    const argo::Application *application = nullptr;
    const argo::AppProject *project = nullptr; // nullptr: the project is not defined
    std::string file;                          // where the Application is defined
    git::CommitInfo revision;
    // The render of its source, or why it failed.
    const Result<std::shared_ptr<const render::RenderedSource>> *rendered = nullptr;
    std::vector<manifest::Object> live; // objects the cluster tracks as this application's
    cluster::Cluster *cluster = nullptr;  // for the scope of kinds (namespaced or not)
    // Why the cluster is not the application's destination; nothing is compared then.
    std::optional<std::string> destinationError;
    QDateTime now;
    // OutOfSyncOnly: Synced resources get no YAML text (a refresh of thousands
    // of applications); Reconciler::resourceState() gives it on demand.
    compare::Detail detail = compare::Detail::All;
};

// The desired objects of an application as they would be applied: namespaced
// objects without a namespace get the destination's.
std::vector<manifest::Object> desiredObjects(const render::RenderedSource &rendered,
                                             const argo::Application &application, cluster::Cluster &cluster);

// Whether the comparison sets and checks Capstan's tracking of the application
// on desired objects (Capstan's engine), or compares the objects as they are
// (objects another engine, an Argo CD, chose by its own tracking).
enum class Tracking { Capstan, AsGiven };

// Compares an application's desired objects with its live ones, with its
// ignoreDifferences and tracking.
compare::CompareResult compareApplication(const argo::Application &application,
                                          const std::vector<manifest::Object> &desired,
                                          const std::vector<manifest::Object> &live,
                                          compare::Detail detail = compare::Detail::All,
                                          Tracking tracking = Tracking::Capstan);

// Images ("repo:tag") of the containers and init containers of workload objects.
std::vector<std::string> containerImages(const std::vector<manifest::Object> &objects);

// The parts of an assessment that change with the commit and with time, not
// with what is rendered or live: the revision fields and the sync window (and
// the project's approval rule). assessApplication() fills them too; the
// Reconciler refreshes them on an assessment it reuses.
void assessRevisionAndWindow(const AssessmentInput &input, AppState &state);

// Where the application stands: project permissions, render errors, the
// comparison with the live objects, health and the sync window.
AppState assessApplication(const AssessmentInput &input);

} // namespace capstan::engine
