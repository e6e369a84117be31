#pragma once

#include "cluster/sandbox_cluster.h"
#include "common/result.h"
#include "reconcile/engine/reconciler.h"
#include "reconcile/history/history_store.h"

#include <chrono>
#include <memory>

namespace capstan::engine {

// How time passes for the sandbox cluster. The command line jumps the simulated
// clock forward while it waits (a rollout takes no real time); the console lets
// the sandbox follow the wall clock.
enum class ClockMode { Simulated, RealTime };

struct WorkspaceConfig
{
    QString repository;    // the GitOps repository (its work tree or any folder in it)
    QString dataDirectory; // sandbox.db and history.db; empty: <git dir>/capstan
    QString branch;        // empty: the branch checked out
    ClockMode clock = ClockMode::Simulated;
};

// A GitOps repository together with the cluster it deploys to (the embedded
// sandbox) and the durable record of what was done. Use from one thread at a time.
class Workspace final
{
public:
    static Result<std::unique_ptr<Workspace>> open(const WorkspaceConfig &config);
    ~Workspace();

    Reconciler &reconciler() { return *m_reconciler; }
    history::HistoryStore &history() { return *m_history; }
    cluster::Cluster &cluster() { return *m_sandbox; }
    cluster::SandboxCluster *sandbox() { return m_sandbox.get(); }
    const WorkspaceConfig &config() const { return m_config; }
    QString dataDirectory() const { return m_dataDirectory; }

    // Lets time pass for the cluster: the sandbox's controllers run (simulated
    // clock), or the thread sleeps while they do (real time).
    void letTimePass(std::chrono::seconds duration);
    // The cluster's idea of now.
    std::chrono::system_clock::time_point now() const;
    // Brings a simulated sandbox up to the wall clock, by at most maxCatchUp.
    void catchUp(std::chrono::seconds maxCatchUp = std::chrono::seconds(120));

private:
    Workspace() = default;

    WorkspaceConfig m_config;
    QString m_dataDirectory;
    std::shared_ptr<cluster::SandboxCluster> m_sandbox;
    std::unique_ptr<history::HistoryStore> m_history;
    std::unique_ptr<Reconciler> m_reconciler;
};

// The person at the keyboard, as the operating system names them.
std::string currentUser();

} // namespace capstan::engine
