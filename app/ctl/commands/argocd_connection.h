#pragma once

#include "argocd/argocd_engine.h"
#include "common/result.h"
#include "kube/kube_cluster.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <iosfwd>
#include <memory>
#include <string>

namespace capstan::ctl {

// An Argo CD reached through the Kubernetes API of a kubeconfig context.
struct ArgoCdConnection
{
    std::unique_ptr<kube::KubeCluster> cluster;
    std::unique_ptr<argocd::ArgoCdEngine> engine; // works on *cluster
    // The options to repeat in a follow-up command ("--context prod"), empty when none were given.
    QString followUpOptions;
};

// The options every `capstanctl argocd` command shares: which kubeconfig, which context,
// and the namespace Argo CD keeps its Applications in.
class ArgoCdOptions final
{
public:
    void addTo(QCommandLineParser &parser) const;
    static QString usage();

    // Loads the kubeconfig (--kubeconfig files merged, else $KUBECONFIG, else ~/.kube/config)
    // and prepares the context's connection; contacts nothing yet. An unknown context fails
    // with the contexts the kubeconfig defines.
    capstan::Result<ArgoCdConnection> open(const QCommandLineParser &parser) const;

private:
    QCommandLineOption m_context { QStringLiteral("context"), QString(), QStringLiteral("NAME") };
    QCommandLineOption m_kubeconfig { QStringLiteral("kubeconfig"), QString(), QStringLiteral("PATH") };
    QCommandLineOption m_namespace { QStringLiteral("argocd-namespace"), QString(), QStringLiteral("NS") };
};

// One Application, in a snapshot of every Application taken just now.
struct ArgoCdApp
{
    ArgoCdConnection connection;
    argocd::Snapshot snapshot;
    std::string name;

    const engine::AppState &state() const { return *snapshot.workspace.app(name); }
    const argocd::ApplicationOperations &operations() const { return *snapshot.operationsOf(name); }
};

// Opens the connection and reads the snapshot; fails when `name` is not among the
// Applications (naming those that are).
capstan::Result<ArgoCdApp> openArgoCdApp(
    const ArgoCdOptions &options, const QCommandLineParser &parser, const std::string &name);

// Prints the snapshot's problems that concern no single Application (AppProjects that
// could not be read) as warnings on `err`.
void printSnapshotWarnings(std::ostream &err, const argocd::Snapshot &snapshot);

} // namespace capstan::ctl
