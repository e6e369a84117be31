// The worker's Git changes: image rollbacks and promotions, previewed by a dry
// run and committed on confirmation, always on the engine's thread.

#include "engine/engineworker.h"

#include "engine/argocdsession.h"
#include "reconcile/gitops/images.h"
#include "reconcile/gitops/promote.h"
#include "reconcile/gitops/revert.h"
#include "reconcile/gitops/rollback.h"

namespace capstan::ui {

namespace {

QString qtext(const std::string &s)
{
    return QString::fromStdString(s);
}

// The argument setImage takes back: the images entry is found by the last
// path segment of the repository ("registry/shop/order-service" → "order-service").
QString imageArgument(const history::DeployedImage &image)
{
    const auto slash = image.repository.rfind('/');
    const std::string name = slash == std::string::npos ? image.repository : image.repository.substr(slash + 1);
    return qtext(name + "=" + image.tag);
}

} // namespace

void EngineWorker::loadImageHistory(const QString &app)
{
    if (!m_workspace)
        return;
    auto runs = gitops::imageHistory(*m_workspace, app.toStdString());
    if (!runs) {
        Q_EMIT gitChangeRefused(QStringLiteral("rollback"), qtext(runs.error().toString()));
        return;
    }
    QStringList images;
    QStringList bad;
    for (const auto &run : *runs) {
        if (run.app != app.toStdString() || run.image.tag.empty())
            continue;
        const QString argument = imageArgument(run.image);
        if (images.contains(argument))
            continue;
        images.append(argument);
        if (run.badMark)
            bad.append(argument);
    }
    const gitops::ImageRun *suggested = gitops::suggestedRollbackImage(*runs, app.toStdString());
    Q_EMIT imageHistoryReady(app, images, bad, suggested ? imageArgument(suggested->image) : QString());
}

void EngineWorker::setImage(const QString &app, const QString &argument, bool dryRun)
{
    if (!m_workspace)
        return;
    const QString action = QStringLiteral("rollback");
    auto image = gitops::parseImageArgument(argument.toStdString());
    if (!image) {
        Q_EMIT gitChangeRefused(action, qtext(image.error().toString()));
        return;
    }
    gitops::CommitOptions options;
    options.dryRun = dryRun;
    auto result = gitops::setImage(*m_workspace, app.toStdString(), *image, gitops::MessageKind::Rollback, options);
    if (!result) {
        Q_EMIT gitChangeRefused(action, qtext(result.error().toString()));
        return;
    }
    Q_EMIT gitChangeReady(action, qtext(result->preview.text()), result->preview.message, result->commit);
    if (!dryRun)
        refresh();
}

void EngineWorker::promote(const QString &service, const QString &fromEnv, const QString &toEnv, const QString &note,
                           bool dryRun)
{
    if (!m_workspace)
        return;
    const QString action = QStringLiteral("promote");
    gitops::PromoteOptions options;
    options.approvalNote = note.toStdString();
    options.commit.dryRun = dryRun;
    auto result = gitops::promote(*m_workspace, service.toStdString(), fromEnv.toStdString(), toEnv.toStdString(),
                                  options);
    if (!result) {
        Q_EMIT gitChangeRefused(action, qtext(result.error().toString()));
        return;
    }
    Q_EMIT gitChangeReady(action, qtext(result->change.preview.text()), result->change.preview.message,
                          result->change.commit);
    if (!dryRun)
        refresh();
}

void EngineWorker::loadRevertCandidates(const QString &app)
{
    if (!m_workspace)
        return;
    auto candidates = gitops::revertCandidates(*m_workspace, app.toStdString());
    if (!candidates) {
        Q_EMIT gitChangeRefused(QStringLiteral("rollback"), qtext(candidates.error().toString()));
        return;
    }
    QStringList commits;
    QStringList labels;
    QStringList flagged;
    for (const auto &candidate : *candidates) {
        commits.append(candidate.commit.id);
        QString label = candidate.commit.shortId + QLatin1Char(' ') + candidate.commit.summary;
        if (candidate.badMark)
            label += tr(" (marked bad)");
        if (candidate.isRevert)
            label += tr(" (a revert)");
        if (candidate.reverted)
            label += tr(" (already reverted)");
        labels.append(label);
        if (candidate.badMark || candidate.isRevert || candidate.reverted)
            flagged.append(candidate.commit.id);
    }
    const gitops::RevertCandidate *suggested = gitops::suggestedRevert(*candidates);
    Q_EMIT revertCandidatesReady(app, commits, labels, flagged, suggested ? suggested->commit.id : QString());
}

void EngineWorker::revertCommit(const QString &app, const QString &commit, bool dryRun)
{
    if (!m_workspace)
        return;
    gitops::CommitOptions options;
    options.dryRun = dryRun;
    auto result = gitops::revertCommit(*m_workspace, app.toStdString(), commit, options);
    if (!result) {
        Q_EMIT gitChangeRefused(QStringLiteral("rollback"), qtext(result.error().toString()));
        return;
    }
    Q_EMIT gitChangeReady(QStringLiteral("rollback"), qtext(result->preview.text()), result->preview.message,
                          result->commit);
    if (!dryRun)
        refresh();
}

void EngineWorker::rollbackToHistory(const QString &app, qint64 historyId, int policy,
                                     const engine::SyncCommand &approval)
{
    if (m_argo) {
        // Argo CD's rollback leaves automated sync alone: it refuses while it is on.
        startArgoCdOperation(app, m_argo->rollback(app, historyId, approval), true);
        return;
    }
    if (!m_workspace)
        return;
    if (m_operation) {
        Q_EMIT historyRollbackFinished(app, false, tr("Another operation is still running."));
        return;
    }
    gitops::RollbackOptions options;
    options.policy = static_cast<gitops::AutoSyncPolicy>(policy);
    options.initiatedBy = approval.initiatedBy;
    options.approvalNote = approval.approvalNote;
    options.approvers = approval.approvers;
    Q_EMIT busy(tr("Rolling %1 back to history entry %2…").arg(app).arg(historyId));
    auto result = gitops::rollbackToHistory(*m_workspace, app.toStdString(), historyId, options, now());
    if (!result) {
        Q_EMIT historyRollbackFinished(app, false, qtext(result.error().toString()));
        return;
    }
    const bool succeeded = result->state.phase == sync::OperationPhase::Succeeded;
    QString message = qtext(result->message);
    if (!succeeded)
        message = tr("%1: %2").arg(QString::fromLatin1(sync::toString(result->state.phase)),
                                   qtext(result->state.message))
            + QLatin1Char('\n') + message;
    Q_EMIT historyRollbackFinished(app, succeeded, message);
    refresh();
}

} // namespace capstan::ui
