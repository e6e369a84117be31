#pragma once

#include "engine/enginetypes.h"

#include <QSet>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTabWidget;
class QTableView;
class QTreeView;

namespace capstan::ui {

class EngineClient;
class HistoryView;
class OperationModel;
class ResourceDiffList;
class ResourceTreeModel;

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

    ResourceTreeModel *resourceModel() const { return m_resources; }
    QTreeView *resourceView() const { return m_resourceView; }
    ResourceDiffList *diffList() const { return m_diffs; }
    HistoryView *historyView() const { return m_history; }
    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    void resourceTreeShown();
    void syncRequested(const QString &app);
    void calendarRequested(const QString &app);
    void rollbackRequested(const QString &app);
    void promoteRequested(const QString &app);

private:
    void showApp();
    void showSummary(const engine::AppState &app);
    void showResourceTree(const ResourceTreePtr &tree);

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
    ResourceTreeModel *m_resources;
    QTreeView *m_resourceView;
    QString m_treeApp;              // whose tree the model holds
    bool m_sizeColumns = false;     // fit the columns to the first full tree of an application
    QSet<QString> m_collapsed;      // resources the person collapsed, kept across refreshes
    ResourceDiffList *m_diffs;
    HistoryView *m_history;
    OperationModel *m_operation;
    QLabel *m_operationLabel;
};

} // namespace capstan::ui
