#pragma once

#include "cluster/sandbox_cluster.h"
#include "common/result.h"
#include "reconcile/engine/reconciler.h"
#include "reconcile/history/history_store.h"

#include <QStringList>

#include <chrono>
#include <memory>
#include <optional>

namespace capstan::engine {

// How time passes for the sandbox cluster. The command line jumps the simulated
// clock forward while it waits (a rollout takes no real time); the console lets
// the sandbox follow the wall clock.
enum class ClockMode { Simulated, RealTime };

struct WorkspaceConfig
{
    QString repository;    // the GitOps repository (its work tree or any folder in it)
    // sandbox.db and history.db; empty: <git dir>/capstan. A context keeps its
    // history.db in contexts/<context>/ below it.
    QString dataDirectory;
    QString branch;        // empty: the branch checked out
    ClockMode clock = ClockMode::Simulated;
    // A kubeconfig context: the workspace deploys to that real cluster instead
    // of the sandbox. Unset: the sandbox; empty: the kubeconfig's current-context.
    // (Both initialised explicitly: callers brace-initialise the fields above only.)
    std::optional<QString> context = std::nullopt;
    // The kubeconfig files to merge; empty: KUBECONFIG, else ~/.kube/config.
    QStringList kubeconfigFiles = {};
};

// A GitOps repository together with the cluster it deploys to (the embedded
// sandbox, or the real cluster of a kubeconfig context) and the durable record
// of what was done. Use from one thread at a time.
class Workspace final
{
public:
    static Result<std::unique_ptr<Workspace>> open(const WorkspaceConfig &config);
    ~Workspace();

    Reconciler &reconciler() { return *m_reconciler; }
    history::HistoryStore &history() { return *m_history; }
    cluster::Cluster &cluster() { return *m_cluster; }
    // nullptr when the workspace deploys to a real cluster.
    cluster::SandboxCluster *sandbox() { return m_sandbox.get(); }
    // The kubeconfig context in use; empty for the sandbox.
    const std::string &contextName() const { return m_contextName; }
    const WorkspaceConfig &config() const { return m_config; }
    QString dataDirectory() const { return m_dataDirectory; }

    // Lets time pass for the cluster: the sandbox's controllers run (simulated
    // clock), or the thread sleeps while they do (real time, and real clusters).
    void letTimePass(std::chrono::seconds duration);
    // The cluster's idea of now (the wall clock for a real cluster).
    std::chrono::system_clock::time_point now() const;
    // Brings a simulated sandbox up to the wall clock, by at most maxCatchUp;
    // nothing to do for a real cluster.
    void catchUp(std::chrono::seconds maxCatchUp = std::chrono::seconds(120));

private:
    Workspace() = default;

    WorkspaceConfig m_config;
    QString m_dataDirectory;
    std::shared_ptr<cluster::Cluster> m_cluster;
    std::shared_ptr<cluster::SandboxCluster> m_sandbox; // null for a real cluster
    std::string m_contextName;
    std::unique_ptr<history::HistoryStore> m_history;
    std::unique_ptr<Reconciler> m_reconciler;
};

// The person at the keyboard, as the operating system names them.
std::string currentUser();

} // namespace capstan::engine
