#pragma once

#include "argo/app_project.h"
#include "argo/application.h"
#include "cluster/cluster.h"
#include "git/types.h"
#include "reconcile/engine/app_state.h"
#include "reconcile/render/application_source.h"

#include <memory>

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
    QDateTime now;
};

// The desired objects of an application as they would be applied: namespaced
// objects without a namespace get the destination's.
std::vector<manifest::Object> desiredObjects(const render::RenderedSource &rendered,
                                             const argo::Application &application, cluster::Cluster &cluster);

// Images ("repo:tag") of the containers and init containers of workload objects.
std::vector<std::string> containerImages(const std::vector<manifest::Object> &objects);

// Where the application stands: project permissions, render errors, the
// comparison with the live objects, health and the sync window.
AppState assessApplication(const AssessmentInput &input);

} // namespace capstan::engine
