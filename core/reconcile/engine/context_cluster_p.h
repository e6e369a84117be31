#pragma once

// The one place the engine knows about kubeconfig: opening a workspace on the
// real cluster of a kubeconfig context, and telling which applications'
// destinations that cluster is.

#include "cluster/cluster.h"
#include "common/result.h"
#include "reconcile/engine/reconciler.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <string>

namespace capstan::engine {

struct ContextCluster
{
    std::shared_ptr<cluster::Cluster> cluster;
    std::string context; // its name, current-context resolved
    DestinationCheck destinationCheck;
};

// Reads the kubeconfig (`files` merged, or KUBECONFIG / ~/.kube/config when
// empty) and prepares the connection to `context` (empty: current-context).
// Contacts nothing yet. An unknown context fails listing the contexts there are.
Result<ContextCluster> openContextCluster(const QString &context, const QStringList &files);

} // namespace capstan::engine
