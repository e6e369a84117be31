#include "dialogs/historyrollbackpage.h"

#include "dialogs/approvalgate.h"
#include "diff/resourcedifflist.h"
#include "engine/engineclient.h"
#include "models/statusstyle.h"
#include "reconcile/gitops/rollback.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace capstan::ui {

namespace {

const QString kRequester = QStringLiteral("rollback-dialog");

QString entryLabel(const history::HistoryEntry &entry)
{
    const history::Operation &op = entry.operation;
    QString label = QStringLiteral("#%1  %2  %3  %4  %5")
                        .arg(entry.id())
                        .arg(qs(op.revision.substr(0, 7)),
                             op.finishedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                             qs(history::toString(op.phase)), qs(op.initiatedBy));
    if (entry.badMark)
        label += HistoryRollbackPage::tr("  (marked bad: %1)").arg(qs(entry.badMark->reason));
    return label;
}

bool succeeded(const history::HistoryEntry &entry)
{
    return entry.result() == history::OperationPhase::Succeeded;
}

} // namespace

HistoryRollbackPage::HistoryRollbackPage(EngineClient *engine, const QString &app, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_app(app)
    , m_entries(new QComboBox(this))
    , m_drift(new QLabel(this))
    , m_diffs(new ResourceDiffList(this))
{
    if (SnapshotPtr snapshot = engine->snapshot())
        if (const engine::AppState *state = snapshot->app(app.toStdString()))
            m_state = *state;
    m_entries->setAccessibleName(tr("History entry to roll back to"));
    m_drift->setWordWrap(true);
    m_drift->setAccessibleName(tr("Drift warning"));
    m_diffs->setAccessibleName(tr("What the rollback changes"));

    auto *form = new QFormLayout;
    form->addRow(new QLabel(tr("Applies the manifests a history entry recorded. Git is not changed."), this));
    form->addRow(tr("&Roll back to:"), m_entries);
    if (m_state && m_state->automated) {
        m_policy = new QComboBox(this);
        m_policy->setAccessibleName(tr("Automated sync after the rollback"));
        m_policy->addItem(tr("Keep automated sync; skip this revision until Git changes"),
                          int(gitops::AutoSyncPolicy::RollbackAware));
        m_policy->addItem(tr("Suspend automated sync until resumed"), int(gitops::AutoSyncPolicy::Suspend));
        form->addRow(tr("&Automated sync:"), m_policy);
        connect(m_policy, &QComboBox::currentIndexChanged, this, &HistoryRollbackPage::updateDrift);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_drift);
    layout->addWidget(m_diffs, 1);
    if (m_state && ApprovalGate::isRequired(*m_state)) {
        m_gate = new ApprovalGate(*m_state, this);
        connect(m_gate, &ApprovalGate::changed, this, &HistoryRollbackPage::stateChanged);
        layout->addWidget(m_gate);
    }

    connect(m_entries, &QComboBox::currentIndexChanged, this, &HistoryRollbackPage::requestPreview);
    EngineWorker *worker = engine->worker();
    connect(worker, &EngineWorker::historyReady, this, &HistoryRollbackPage::showHistory);
    connect(worker, &EngineWorker::historyDiffReady, this, [this](DiffSetPtr set) {
        if (set->requester != kRequester || m_pendingDiffs == 0 || --m_pendingDiffs > 0)
            return; // not ours, or a newer request is on its way
        m_diffs->setDiffs(set->diffs);
        m_previewed = set->error.isEmpty();
        if (!set->error.isEmpty())
            m_drift->setText(set->error);
        Q_EMIT stateChanged();
        Q_EMIT previewShown();
    });
    connect(worker, &EngineWorker::historyRollbackFinished, this,
            [this](const QString &appName, bool ok, const QString &message) {
                if (appName != m_app || !m_running)
                    return;
                m_running = false;
                Q_EMIT stateChanged();
                Q_EMIT finished(ok, message);
            });
    engine->loadHistory(app);
}

const history::HistoryEntry *HistoryRollbackPage::entry(qint64 id) const
{
    if (!m_history)
        return nullptr;
    for (const history::HistoryEntry &e : m_history->entries)
        if (e.id() == id)
            return &e;
    return nullptr;
}

qint64 HistoryRollbackPage::selectedEntry() const
{
    return m_entries->currentData().toLongLong();
}

void HistoryRollbackPage::showHistory(const HistoryListPtr &history)
{
    if (!history || QString::fromStdString(history->app) != m_app)
        return;
    m_history = history;
    m_current = 0;
    int suggested = -1;
    const QSignalBlocker block(m_entries);
    m_entries->clear();
    for (const history::HistoryEntry &e : history->entries) {
        m_entries->addItem(entryLabel(e), qlonglong(e.id()));
        if (!succeeded(e))
            continue;
        if (m_current == 0)
            m_current = e.id(); // newest first: the first that succeeded runs now
        else if (suggested < 0 && !e.badMark && e.operation.revision != entry(m_current)->operation.revision)
            suggested = m_entries->count() - 1;
    }
    m_entries->setCurrentIndex(suggested);
    requestPreview();
}

void HistoryRollbackPage::requestPreview()
{
    m_previewed = false;
    m_diffs->setDiffs({});
    updateDrift();
    const qint64 id = selectedEntry();
    if (id != 0 && m_current != 0 && id != m_current) {
        ++m_pendingDiffs;
        m_engine->diffHistoryEntries(m_app, m_current, id, kRequester);
    }
    Q_EMIT stateChanged();
}

void HistoryRollbackPage::updateDrift()
{
    const history::HistoryEntry *target = entry(selectedEntry());
    if (!target || !m_state) {
        m_drift->clear();
        return;
    }
    QString text;
    if (target->badMark)
        text += tr("<b>Warning:</b> entry #%1 is marked bad (%2).<br>")
                    .arg(target->id())
                    .arg(qs(target->badMark->reason).toHtmlEscaped());
    text += tr("After the rollback the cluster runs entry #%1 (revision %2) while Git wants %3: %4 shows "
               "<b>OutOfSync</b> until Git is updated by a revert or an image override.")
                .arg(target->id())
                .arg(qs(target->operation.revision.substr(0, 7)), qs(m_state->revision.substr(0, 7)),
                     m_app.toHtmlEscaped());
    if (m_policy)
        text += QStringLiteral("<br>")
            + (m_policy->currentData().toInt() == int(gitops::AutoSyncPolicy::Suspend)
                   ? tr("Automated sync is suspended for %1 until someone resumes it.").arg(m_app.toHtmlEscaped())
                   : tr("Automated sync stays on and skips revision %1 until a newer commit changes %2.")
                         .arg(qs(m_state->revision.substr(0, 7)), m_app.toHtmlEscaped()));
    m_drift->setText(text);
}

QString HistoryRollbackPage::blockedReason() const
{
    if (m_running)
        return tr("The rollback is running.");
    if (!m_state)
        return tr("%1 is not in the workspace.").arg(m_app);
    if (!m_history)
        return tr("Loading the history of %1…").arg(m_app);
    if (m_history->entries.empty())
        return tr("%1 has no history to roll back to.").arg(m_app);
    const qint64 id = selectedEntry();
    if (id == 0)
        return tr("Choose a history entry.");
    if (id == m_current)
        return tr("Entry #%1 is what runs now.").arg(id);
    if (!m_state->window.canSync(argo::SyncTrigger::Manual))
        return tr("Sync window: %1").arg(qs(m_state->windowDescription));
    if (!m_previewed)
        return tr("Previewing…");
    if (m_gate)
        return m_gate->missing();
    return {};
}

void HistoryRollbackPage::confirm()
{
    if (!blockedReason().isEmpty())
        return;
    engine::SyncCommand approval;
    if (m_gate)
        m_gate->fill(approval);
    else
        approval.initiatedBy = engine::currentUser();
    const int policy = m_policy ? m_policy->currentData().toInt() : int(gitops::AutoSyncPolicy::Refuse);
    m_running = true;
    Q_EMIT stateChanged();
    m_engine->rollbackToHistory(m_app, selectedEntry(), policy, approval);
}

} // namespace capstan::ui
