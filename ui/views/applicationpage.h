#pragma once

#include "engine/enginetypes.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTabWidget;
class QTableView;

namespace capstan::ui {

class EngineClient;
class HistoryView;
class OperationModel;
class ResourceDiffList;
class ResourceModel;

// One application: summary, conditions, resources, the diff a sync would
// apply, its history and the last operation's progress.
class ApplicationPage final : public QWidget
{
    Q_OBJECT

public:
    enum Tab { SummaryTab, ResourcesTab, DiffTab, HistoryTab, OperationTab };

    explicit ApplicationPage(EngineClient *engine, QWidget *parent = nullptr);

    void setSnapshot(SnapshotPtr snapshot);
    void setApp(const QString &app);
    QString app() const { return m_app; }
    const engine::AppState *appState() const;
    void showTab(Tab tab);

    ResourceModel *resourceModel() const { return m_resources; }
    ResourceDiffList *diffList() const { return m_diffs; }
    HistoryView *historyView() const { return m_history; }
    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    void syncRequested(const QString &app);
    void calendarRequested(const QString &app);
    void rollbackRequested(const QString &app);
    void promoteRequested(const QString &app);

private:
    void showApp();
    void showSummary(const engine::AppState &app);

    EngineClient *m_engine;
    SnapshotPtr m_snapshot;
    QString m_app;
    std::vector<std::string> m_shownDiffs; // the diff texts on screen, to rebuild only on change
    QLabel *m_title;
    QPushButton *m_syncButton;
    QPushButton *m_calendarButton;
    QPushButton *m_rollbackButton = nullptr;
    QPushButton *m_promoteButton = nullptr;
    QTabWidget *m_tabs;
    QLabel *m_summary;
    QListWidget *m_conditions;
    ResourceModel *m_resources;
    QTableView *m_resourceTable;
    ResourceDiffList *m_diffs;
    HistoryView *m_history;
    OperationModel *m_operation;
    QLabel *m_operationLabel;
};

} // namespace capstan::ui
