// The worker's choice of cluster: the embedded sandbox or a kubeconfig
// context, read and opened on the engine's thread.

#include "engine/engineworker.h"

#include "engine/argocdsession.h"
#include "kube/kubeconfig.h"

namespace capstan::ui {

void EngineWorker::loadContexts()
{
    QStringList names;
    auto kubeconfig = kube::Kubeconfig::loadDefault();
    if (kubeconfig)
        for (const kube::ContextEntry &context : kubeconfig->contexts())
            names << QString::fromStdString(context.name);
    Q_EMIT contextsReady(names, m_context.value_or(QString()), m_argo ? m_argo->context() : QString(),
                         kubeconfig ? QString() : QString::fromStdString(kubeconfig.error().toString()));
}

void EngineWorker::useCluster(const std::optional<QString> &context)
{
    const std::optional<QString> previous = m_context;
    m_context = context;
    // Capstan's own engine again, on the cluster chosen.
    m_argo.reset();
    m_argoOperation.reset();
    if (!m_path.isEmpty()) {
        const engine::Workspace *before = m_workspace.get();
        open(m_path);
        if (m_workspace.get() == before)
            m_context = previous; // it did not open (failed says why): the cluster in use stays
    }
    loadContexts();
}

} // namespace capstan::ui
