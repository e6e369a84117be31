#pragma once

#include "cluster/cluster.h"
#include "common/result.h"
#include "git/repository.h"
#include "reconcile/engine/app_state.h"
#include "reconcile/engine/catalog.h"
#include "reconcile/render/application_source.h"

#include <map>
#include <memory>

namespace capstan::engine {

struct WorkspaceOptions
{
    QString branch; // empty: the branch checked out in the repository
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

    git::Repository &repository() { return m_repository; }
    cluster::Cluster &cluster() { return *m_cluster; }
    const render::SourceCache &renderCache() const { return m_sources; }

private:
    struct Defined
    {
        argo::Application application;
        std::string parent;
    };

    Result<git::Snapshot> snapshotFor(const std::string &targetRevision);
    Result<std::map<std::string, std::vector<manifest::Object>>> liveByApplication();

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
};

} // namespace capstan::engine
