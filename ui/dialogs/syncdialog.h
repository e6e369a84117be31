#pragma once

#include "engine/enginetypes.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableView;

namespace capstan::ui {

class ApprovalGate;
class EngineClient;
class OperationModel;
class ResourceDiffList;

// Syncs one application: shows what will change, the options and the sync
// window; for an application whose project requires approval and that does
// not sync by itself, the person types its name and writes an approval note
// (and a second, different approver where the project asks for two). The
// engine checks every gate again; its refusals are shown as it words them.
class SyncDialog final : public QDialog
{
    Q_OBJECT

public:
    SyncDialog(EngineClient *engine, const engine::AppState &app, QWidget *parent = nullptr);
    ~SyncDialog() override;

    bool isGated() const { return m_gated; }
    // Why Sync is disabled ("" when it is enabled).
    QString blockedReason() const;

    // The approval gate; null unless isGated().
    ApprovalGate *gate() const { return m_gate; }
    QCheckBox *pruneBox() const { return m_prune; }
    QCheckBox *dryRunBox() const { return m_dryRun; }
    QCheckBox *selectedOnlyBox() const { return m_selectedOnly; }
    QPushButton *syncButton() const { return m_syncButton; }
    QPushButton *terminateButton() const { return m_terminateButton; }
    QLabel *windowLabel() const { return m_windowLabel; }
    QLabel *messageLabel() const { return m_message; }
    ResourceDiffList *diffList() const { return m_diffs; }
    OperationModel *operationModel() const { return m_operation; }

    engine::SyncCommand command() const;

Q_SIGNALS:
    void refused(const QString &message);
    void operationFinished(const capstan::sync::OperationState &state);

private:
    void updateSyncButton();
    void startSync();
    void showState(const sync::OperationState &state);

    EngineClient *m_engine;
    engine::AppState m_app;
    bool m_gated = false;
    bool m_running = false;
    bool m_done = false;

    QLabel *m_windowLabel;
    ResourceDiffList *m_diffs;
    QCheckBox *m_prune;
    QCheckBox *m_dryRun;
    QCheckBox *m_selectedOnly;
    QListWidget *m_resources;
    ApprovalGate *m_gate = nullptr;
    QLabel *m_message;
    OperationModel *m_operation;
    QTableView *m_progress;
    QPushButton *m_syncButton;
    QPushButton *m_terminateButton;
};

} // namespace capstan::ui
