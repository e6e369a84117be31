#pragma once

#include "argocd/action_result.h"
#include "argocd/operation_request.h"
#include "argocd/snapshot.h"
#include "cluster/cluster.h"
#include "common/result.h"

#include <optional>
#include <string>

namespace capstan::argocd {

// An Argo CD running in a cluster, as Capstan's engine: Capstan reads its Applications (and
// AppProjects) and asks its controller to act, so Argo CD does the work under its own
// rules. Access is the Kubernetes RBAC of the cluster user, not Argo CD's own RBAC.
//
// Sync windows: argocd-server refuses a manual sync a window blocks; its controller, which
// is all an operation written through the Kubernetes API meets, instead holds it as Running
// ("Sync operation blocked by sync window") and runs it when the window opens. Capstan
// refuses such a sync and rollback itself (Refusal::SyncWindow) when it can read the
// AppProject; when it cannot, the controller's rule is the one that applies.
//
// How an action is written: Argo CD's CLI asks argocd-server, which reads the Application,
// refuses if `operation` is set, sets `operation` (and drops status.operationState), and
// writes the whole object back with an update (util/argo SetAppOperation; terminate sets
// status.operationState.phase the same way). The Application CRD has no status
// subresource, so one update carries both. Capstan does the same through Cluster::apply
// with `replace` (an HTTP PUT with field manager "capstan"). It is not server-side apply:
// an applied `operation` would stay owned by "capstan" after the controller clears it, and
// a later apply without it would fight the controller over status.
//
// Threading: as the Cluster given; calls block until the cluster answers.
class ArgoCdEngine final
{
public:
    struct Options
    {
        std::string ns = "argocd"; // where the Application resources live
        std::string fieldManager = "capstan";
    };

    ArgoCdEngine(cluster::Cluster &cluster, Options options);
    explicit ArgoCdEngine(cluster::Cluster &cluster)
        : ArgoCdEngine(cluster, Options())
    {
    }

    const Options &options() const { return m_options; }

    // Every Application in the namespace, mapped for the console's views.
    capstan::Result<Snapshot> snapshot();
    // One Application as the cluster holds it now.
    cluster::ApiResult<manifest::Object> application(const std::string &name);

    // An AppProject in the namespace.
    cluster::ApiResult<manifest::Object> project(const std::string &name);

    // Reports every later change to an Application (Argo CD updates status as it refreshes
    // and runs operations); map one with appStateOf()/operationsOf(). The callback runs on the
    // cluster's watch thread and must not call back into the cluster synchronously.
    cluster::WatchId watchApplications(cluster::WatchCallback callback);
    void unwatch(cluster::WatchId id);

    // `argocd app sync`, `argocd app rollback NAME ID`, `argocd app terminate-op`. The
    // Application is read fresh first, so refusals see its current state; errors from the
    // cluster keep their code and name the Application.
    ActionResult sync(const std::string &name, const SyncRequest &request);
    ActionResult rollback(const std::string &name, const RollbackRequest &request);
    ActionResult terminate(const std::string &name);

private:
    // Whether an action starts a sync, which the project's sync windows may block.
    enum class WindowCheck { Required, NotApplicable };
    template<typename Build> ActionResult act(const std::string &name, WindowCheck windows, Build build);
    std::optional<ActionError> checkSyncWindow(const manifest::Object &application);

    cluster::Cluster &m_cluster;
    Options m_options;
};

} // namespace capstan::argocd
