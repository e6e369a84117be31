#include "kube/kubeconfig.h"

#include <QUrl>

namespace capstan::kube {

namespace {

// Argo CD compares server URLs as written; only a trailing slash and the case of scheme
// and host are forgiven here, since people paste both spellings.
std::string normalisedServer(const std::string &server)
{
    QUrl url(QString::fromStdString(server));
    if (!url.isValid() || url.host().isEmpty())
        return server;
    std::string text = url.toString(QUrl::NormalizePathSegments).toStdString(); // lower-cases scheme and host
    while (!text.empty() && text.back() == '/')
        text.pop_back();
    return text;
}

std::string describeContexts(const Kubeconfig &config)
{
    std::string out;
    for (const ContextEntry &c : config.contexts()) {
        const ClusterEntry *cluster = config.cluster(c.cluster);
        out += "\n  " + c.name + " (cluster " + c.cluster + ", server "
            + (cluster ? cluster->server : std::string("<undefined>")) + ")";
    }
    return out.empty() ? " none" : out;
}

} // namespace

capstan::Result<std::string> contextForDestination(const Kubeconfig &config, const Destination &destination)
{
    if (!destination.server.empty()) {
        const std::string wanted = normalisedServer(destination.server);
        std::string first;
        for (const ContextEntry &c : config.contexts()) {
            const ClusterEntry *cluster = config.cluster(c.cluster);
            if (!cluster || normalisedServer(cluster->server) != wanted)
                continue;
            if (c.name == config.currentContext())
                return c.name;
            if (first.empty())
                first = c.name;
        }
        if (!first.empty())
            return first;
        std::string hint;
        if (wanted == "https://kubernetes.default.svc")
            hint = " (Argo CD's name for the cluster it runs in: pick that cluster's context explicitly)";
        return makeError("no kubeconfig context reaches destination server " + destination.server + hint
            + "; contexts:" + describeContexts(config));
    }
    if (!destination.name.empty()) {
        if (config.context(destination.name))
            return destination.name;
        std::string first;
        for (const ContextEntry &c : config.contexts()) {
            if (c.cluster != destination.name)
                continue;
            if (c.name == config.currentContext())
                return c.name;
            if (first.empty())
                first = c.name;
        }
        if (!first.empty())
            return first;
        return makeError("no kubeconfig context or cluster is named \"" + destination.name
            + "\" (the Application's destination.name); contexts:" + describeContexts(config));
    }
    return makeError("the destination names neither a server nor a cluster name");
}

} // namespace capstan::kube
