// The worker with an Argo CD as the engine: Argo CD's Applications are the
// snapshot, and the console's actions are operations Argo CD's controller runs.

#include "engine/engineworker.h"

#include "engine/argocdsession.h"

#include <QSettings>
#include <QTimer>

namespace capstan::ui {

namespace {

QString text(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

void EngineWorker::useArgoCd(const QString &context)
{
    // Where Argo CD keeps its Applications: "argocd" unless the settings say otherwise.
    const QString ns = QSettings().value(QStringLiteral("argocd/namespace"), QStringLiteral("argocd")).toString();
    Q_EMIT busy(tr("Connecting to Argo CD in %1…").arg(context));
    auto session = ArgoCdSession::open(context, ns);
    if (!session) {
        Q_EMIT failed(tr("Cannot use the Argo CD in %1: %2").arg(context, text(session.error().toString())));
        loadContexts();
        return;
    }
    {
        std::lock_guard lock(m_operationMutex);
        m_operation.reset(); // a sync of Capstan's own engine does not carry over
    }
    m_stepTimer->stop();
    m_argoOperation.reset();
    m_argo = std::move(*session);
    // Argo CD updates an Application as it refreshes and runs operations: each burst
    // of changes becomes one refresh. The watch thread only posts to this thread.
    m_argo->watch([this] { QMetaObject::invokeMethod(m_argoChangeTimer, qOverload<>(&QTimer::start)); });
    Q_EMIT argoCdOpened(context, m_argo->ns());
    refresh();
    loadContexts();
}

void EngineWorker::refreshArgoCd()
{
    m_pollTimer->stop();
    Q_EMIT busy(tr("Reading Argo CD's applications…"));
    const git::Repository *clone = m_workspace ? &m_workspace->reconciler().repository() : nullptr;
    auto snapshot = m_argo->refresh(now(), clone);
    if (!snapshot) {
        Q_EMIT failed(tr("Cannot read Argo CD's applications in %1: %2")
                          .arg(m_argo->context(), text(snapshot.error().toString())));
    } else {
        // Argo CD's own AppProjects decide here, so the calendar shows their windows.
        auto windows = std::make_shared<ProjectWindows>();
        windows->byProject = (*snapshot)->windowsByProject;
        Q_EMIT windowsReady(std::move(windows));
        Q_EMIT snapshotReady(std::make_shared<const engine::WorkspaceSnapshot>((*snapshot)->workspace));
        reportArgoCdOperation();
    }
    // Often while an operation this console asked for runs: the watch may miss its end.
    const bool fast = m_fastPollsLeft > 0 || m_argoOperation.has_value();
    m_pollTimer->start(fast ? m_settings.fastPollIntervalMs : m_settings.pollIntervalMs);
}

void EngineWorker::startArgoCdOperation(const QString &app, const capstan::Result<void> &requested, bool rollback)
{
    if (!requested) {
        const QString message = text(requested.error().toString());
        if (rollback)
            Q_EMIT historyRollbackFinished(app, false, message);
        else
            Q_EMIT syncRefused(app, message);
        return;
    }
    m_argoOperation = ArgoCdOperation { app, rollback };
    m_fastPollsLeft = m_settings.fastPolls;
    sync::OperationState waiting;
    waiting.message = tr("Waiting for Argo CD's controller to start the operation").toStdString();
    Q_EMIT operationStarted(app, 0);
    Q_EMIT operationProgress(app, waiting);
    refresh();
}

void EngineWorker::reportArgoCdOperation()
{
    if (!m_argoOperation || !m_argo->snapshot())
        return;
    const QString app = m_argoOperation->app;
    const argocd::ApplicationOperations *ops = m_argo->snapshot()->operationsOf(app.toStdString());
    if (!ops) {
        const bool rollback = m_argoOperation->rollback;
        m_argoOperation.reset();
        sync::OperationState gone;
        gone.phase = sync::OperationPhase::Error;
        gone.message = tr("The application is no longer in Argo CD").toStdString();
        Q_EMIT operationFinished(app, gone);
        if (rollback)
            Q_EMIT historyRollbackFinished(app, false, text(gone.message));
        return;
    }
    // The request cleared status.operationState, so any state read since is the
    // controller's report on this request (it keeps `operation` set until it ends).
    if (!ops->operation)
        return;
    const sync::OperationState state = operationStateOf(*ops->operation);
    if (!sync::isCompleted(state.phase)) {
        Q_EMIT operationProgress(app, state);
        return;
    }
    const bool rollback = m_argoOperation->rollback;
    m_argoOperation.reset();
    Q_EMIT operationFinished(app, state);
    if (rollback) {
        const bool succeeded = state.phase == sync::OperationPhase::Succeeded;
        Q_EMIT historyRollbackFinished(app, succeeded,
            succeeded ? tr("Argo CD rolled %1 back to revision %2. Git still wants its target revision: update Git "
                           "before turning automated sync on again.")
                            .arg(app, text(state.revision.substr(0, 7)))
                      : tr("Argo CD's rollback of %1 ended %2: %3")
                            .arg(app, text(sync::toString(state.phase)), text(state.message)));
    }
    loadHistory(app);
}

void EngineWorker::terminateArgoCdOperation()
{
    if (!m_argo || !m_argoOperation)
        return;
    auto terminated = m_argo->terminate(m_argoOperation->app);
    if (!terminated)
        Q_EMIT failed(tr("Cannot terminate: %1").arg(text(terminated.error().toString())));
    refresh();
}

} // namespace capstan::ui
