#pragma once

#include "argocd/argocd_engine.h"
#include "argocd/snapshot.h"
#include "common/result.h"
#include "engine/enginetypes.h"
#include "git/repository.h"
#include "kube/kube_cluster.h"
#include "reconcile/engine/sync_controller.h"
#include "reconcile/render/application_source.h"

#include <QDateTime>
#include <QString>

#include <functional>
#include <memory>

namespace capstan::ui {

// The console with an Argo CD as its engine: the Argo CD running in a kubeconfig
// context's cluster, reached through the Kubernetes API. Argo CD decides sync and
// health and runs operations; Capstan shows its Applications in the same views and
// asks it to sync, roll back and terminate, behind Capstan's own gates. Git's side
// of a diff is rendered by Capstan from the workspace's clone, when it has the
// revision Argo CD compared.
//
// Lives on the engine thread; every call blocks until the cluster answers.
class ArgoCdSession final
{
public:
    static capstan::Result<std::unique_ptr<ArgoCdSession>> open(const QString &context, const QString &ns);
    ~ArgoCdSession();

    const QString &context() const { return m_context; }
    QString ns() const { return QString::fromStdString(m_engine->options().ns); }

    // Reads every Application and AppProject. With a clone, the resources of
    // applications out of sync get Git's YAML and the diff; an application whose
    // revision the clone lacks says so in a warning.
    capstan::Result<std::shared_ptr<const argocd::Snapshot>> refresh(const QDateTime &now, const git::Repository *clone);
    // The last refresh's snapshot; null before the first.
    const std::shared_ptr<const argocd::Snapshot> &snapshot() const { return m_snapshot; }

    // Calls `changed` (on the cluster's watch thread) whenever an Application changes.
    void watch(std::function<void()> changed);

    // What Argo CD was asked; the message when it was refused or failed. Capstan's
    // gate (the project's approval note and approvers) comes first.
    capstan::Result<void> sync(const engine::SyncCommand &command);
    capstan::Result<void> rollback(const QString &app, qint64 historyId, const engine::SyncCommand &approval);
    capstan::Result<void> terminate(const QString &app);

    // The application's history as Argo CD keeps it (status.history), newest first.
    HistoryList history(const QString &app) const;
    // The application's source rendered from the clone at two history entries, older on the left.
    DiffSet diffEntries(const QString &app, qint64 left, qint64 right, const git::Repository *clone);
    // Deployment → ReplicaSet → Pods of the application, from its status.resources.
    AppResourceTree resourceTree(const QString &app);

private:
    ArgoCdSession() = default;
    capstan::Result<void> checkGate(const std::string &app, const engine::SyncCommand &command, bool dryRun,
        const char *action) const;
    capstan::Result<std::vector<manifest::Object>> renderAt(const std::string &app, const std::string &revision,
        const std::string &path, const git::Repository *clone);

    QString m_context;
    std::unique_ptr<kube::KubeCluster> m_cluster;
    std::unique_ptr<argocd::ArgoCdEngine> m_engine;
    cluster::WatchId m_watch = 0;
    std::shared_ptr<const argocd::Snapshot> m_snapshot;
    render::SourceCache m_renders;
};

// Argo CD's operationState as the console's operation views show a running sync.
sync::OperationState operationStateOf(const history::Operation &operation);

} // namespace capstan::ui
