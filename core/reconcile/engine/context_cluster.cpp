#include "reconcile/engine/context_cluster_p.h"

#include "kube/kube_cluster.h"
#include "kube/kubeconfig.h"

#include <string>
#include <utility>

namespace capstan::engine {

namespace {

// A condition's message is one line: the contexts contextForDestination lists
// one to a line go on it one after another.
std::string oneLine(std::string text)
{
    for (const auto &[from, to] :
        { std::pair<std::string, std::string> { ":\n  ", ": " }, { "\n  ", "; " }, { "\n", " " } }) {
        for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
            text.replace(at, from.size(), to);
    }
    return text;
}

std::string describe(const argo::ApplicationDestination &d)
{
    return d.server.empty() ? "destination name \"" + d.name + "\"" : "destination server " + d.server;
}

// Whether the chosen context's cluster is the one `destination` names. Another
// context may be the one contextForDestination prefers (the current-context,
// when several reach the same server) while the chosen one reaches it too.
std::optional<std::string> checkDestination(const kube::Kubeconfig &config, const kube::Kubeconfig::Resolved &chosen,
    const argo::ApplicationDestination &destination)
{
    auto found = kube::contextForDestination(config, { destination.server, destination.name });
    if (!found)
        return oneLine(found.error().message) + " (this workspace uses context " + chosen.context.name + ")";
    if (*found == chosen.context.name)
        return std::nullopt;
    const kube::ContextEntry *other = config.context(*found);
    const kube::ClusterEntry *otherCluster = other ? config.cluster(other->cluster) : nullptr;
    if (!destination.server.empty() && otherCluster && otherCluster->server == chosen.cluster.server)
        return std::nullopt;
    if (destination.server.empty() && chosen.cluster.name == destination.name)
        return std::nullopt;
    return describe(destination) + " is the cluster of kubeconfig context " + *found + ", not of context "
        + chosen.context.name + " that this workspace uses (" + chosen.cluster.server
        + "); open the workspace with context " + *found + " to compare or sync it";
}

} // namespace

Result<ContextCluster> openContextCluster(const QString &context, const QStringList &files)
{
    std::vector<std::string> paths;
    for (const QString &file : files)
        paths.push_back(file.toStdString());
    auto config = paths.empty() ? kube::Kubeconfig::loadDefault() : kube::Kubeconfig::load(paths);
    if (!config)
        return config.error();
    auto resolved = config->resolve(context.toStdString());
    if (!resolved)
        return resolved.error();
    auto cluster = kube::KubeCluster::open(*config, resolved->context.name);
    if (!cluster)
        return cluster.error();

    ContextCluster out;
    out.cluster = std::move(*cluster);
    out.context = resolved->context.name;
    out.destinationCheck = [kubeconfig = std::move(*config), chosen = std::move(*resolved)](
                               const argo::ApplicationDestination &destination) {
        return checkDestination(kubeconfig, chosen, destination);
    };
    return out;
}

} // namespace capstan::engine
