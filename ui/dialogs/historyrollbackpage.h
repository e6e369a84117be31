#pragma once

#include "engine/enginetypes.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;

namespace capstan::ui {

class ApprovalGate;
class EngineClient;
class ResourceDiffList;

// The Rollback dialog's history strategy: re-apply the manifests a history
// entry recorded, without touching Git. Shows the entries (bad ones flagged,
// the newest good earlier one preselected), what the rollback changes from the
// entry that runs now, the drift it leaves against Git, how automated sync
// treats it, and, for a gated application, the approval gate.
class HistoryRollbackPage final : public QWidget
{
    Q_OBJECT

public:
    HistoryRollbackPage(EngineClient *engine, const QString &app, QWidget *parent = nullptr);

    // What stops a confirm ("" when it can go).
    QString blockedReason() const;
    // Starts the rollback on the engine's thread; finished() reports.
    void confirm();

    QComboBox *entryCombo() const { return m_entries; }
    QComboBox *policyCombo() const { return m_policy; }
    QLabel *driftLabel() const { return m_drift; }
    ResourceDiffList *diffList() const { return m_diffs; }
    ApprovalGate *gate() const { return m_gate; }
    qint64 selectedEntry() const;

Q_SIGNALS:
    // The preview, the gate or the choice changed: blockedReason() may differ.
    void stateChanged();
    void previewShown();
    void finished(bool succeeded, const QString &message);

private:
    void showHistory(const HistoryListPtr &history);
    void requestPreview();
    void updateDrift();
    const history::HistoryEntry *entry(qint64 id) const;

    EngineClient *m_engine;
    QString m_app;
    std::optional<engine::AppState> m_state;
    HistoryListPtr m_history;
    qint64 m_current = 0; // the entry that runs now: the newest one that succeeded
    QComboBox *m_entries;
    QComboBox *m_policy = nullptr;
    QLabel *m_drift;
    ResourceDiffList *m_diffs;
    ApprovalGate *m_gate = nullptr;
    bool m_previewed = false;
    bool m_running = false;
    int m_pendingDiffs = 0; // diffs asked for and not answered; only the last answer counts
};

} // namespace capstan::ui
