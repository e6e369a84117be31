#pragma once

#include "argo/application.h"
#include "cluster/cluster.h"
#include "common/result.h"
#include "git/repository.h"
#include "reconcile/engine/app_state.h"
#include "reconcile/engine/catalog.h"
#include "reconcile/engine/live_index.h"
#include "reconcile/render/application_source.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace capstan::engine {

// Why the cluster is not the one an application's destination names, or
// nullopt when it is.
using DestinationCheck = std::function<std::optional<std::string>(const argo::ApplicationDestination &)>;

struct WorkspaceOptions
{
    QString branch; // empty: the branch checked out in the repository
    // The Reconciler follows the cluster through a watch and lists it in full
    // only on the first refresh and then at most this often: a watch does not
    // see changes that other processes make to the same sandbox file.
    std::chrono::seconds liveResyncInterval{60};
    // Unset: the cluster serves every destination (the sandbox plays whichever
    // cluster the applications name). An application it rejects is not compared
    // or synced; it gets an InvalidSpecError condition with the reason.
    DestinationCheck destinationCheck = {};
};

// Renders what Git wants for every application, compares it with the cluster
// and assesses health: the engine behind `capstanctl app ...` and the console.
// Like the Repository it holds, use one Reconciler from one thread at a time
// (the console runs it on a worker thread); the snapshots it returns are
// immutable and can be handed to any thread.
class Reconciler final
{
public:
    Reconciler(git::Repository repository, std::shared_ptr<cluster::Cluster> cluster, WorkspaceOptions options = {});
    ~Reconciler();

    // Reads the branch's newest commit and the cluster's current state.
    Result<std::shared_ptr<const WorkspaceSnapshot>> refresh(const QDateTime &now = QDateTime::currentDateTimeUtc());
    // The last refresh's result (nullptr before the first).
    std::shared_ptr<const WorkspaceSnapshot> snapshot() const { return m_snapshot; }

    // The application as the last refresh read it.
    const argo::Application *application(const std::string &name) const;
    // What Git wants for an application at a revision (default: its own
    // targetRevision), with destination namespaces filled in.
    Result<std::vector<manifest::Object>> desiredObjects(const std::string &name, const QString &revision = {});
    // The live objects the cluster tracks as the application's.
    Result<std::vector<manifest::Object>> liveObjects(const std::string &name);
    // One resource of an application with all its text: normalised desired
    // and live YAML and the diff. A refresh keeps that text only for resources
    // that are not Synced (for thousands of Synced resources it would cost
    // time and memory on every refresh); the diff view asks here for the rest.
    // Compares the application's current render with the live objects now.
    Result<ResourceState> resourceState(const std::string &app, const manifest::ResourceId &id);

    git::Repository &repository() { return m_repository; }
    cluster::Cluster &cluster() { return *m_cluster; }
    const render::SourceCache &renderCache() const { return m_sources; }

private:
    struct Defined
    {
        argo::Application application;
        std::string parent;
    };

    using Rendered = Result<std::shared_ptr<const render::RenderedSource>>;
    // A render and a number that names it for as long as the Reconciler lives
    // (a pointer could be reused once freed).
    struct RenderEntry
    {
        Rendered result = Error{"not rendered", {}};
        std::uint64_t serial = 0;
    };
    // An assessment and everything it was made from: reused while they stay equal.
    struct CachedAssessment
    {
        std::uint64_t render = 0;
        std::string application; // fingerprint()
        std::string project;
        std::uint64_t live = 0; // LiveIndex::generationOf()
        AppState state;
    };

    Result<git::Snapshot> snapshotFor(const std::string &targetRevision);
    std::optional<std::string> destinationProblem(const argo::Application &app) const;
    Result<void> updateLive();

    git::Repository m_repository;
    std::shared_ptr<cluster::Cluster> m_cluster;
    WorkspaceOptions m_options;
    render::SourceCache m_sources;
    std::map<std::string, git::Snapshot> m_revisionSnapshots; // valid during one refresh
    std::map<std::string, Defined> m_applications;            // from the last refresh
    std::map<std::string, argo::AppProject> m_projects;
    std::shared_ptr<const WorkspaceSnapshot> m_snapshot;
    QString m_catalogTree;
    Catalog m_catalog;
    // Caches between refreshes; unchanged applications cost almost nothing.
    std::unique_ptr<LiveIndex> m_live;
    std::map<std::string, RenderEntry> m_renders;          // root tree id + source fingerprint → render
    std::map<std::uint64_t, Catalog> m_childrenByRender;   // what each render defines (app-of-apps)
    std::map<std::string, CachedAssessment> m_assessments; // by application name
    std::uint64_t m_nextRenderSerial = 1;
};

} // namespace capstan::engine
