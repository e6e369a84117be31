#pragma once

#include "engine/enginetypes.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;

namespace capstan::ui {

class EngineClient;
class GitLogModel;
class HistoryModel;
class ResourceDiffList;

// An application's sync history and the Git log of what it renders, on two
// tabs: select two entries (or two commits) to diff them; mark an entry's
// revision bad.
class HistoryView final : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryView(EngineClient *engine, QWidget *parent = nullptr);

    void setApp(const QString &app);
    void reload();
    HistoryModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    GitLogModel *gitLogModel() const { return m_gitLog; }
    QTableView *gitLogTable() const { return m_gitLogTable; }
    QTabWidget *sources() const { return m_sources; }
    enum Source { SyncHistorySource, GitLogSource };
    ResourceDiffList *diffList() const { return m_diffs; }
    QPushButton *diffButton() const { return m_diffButton; }

    // Diffs the two selected entries (or commits), older on the left.
    void diffSelected();
    void markSelectedBad();

Q_SIGNALS:
    void historyShown();
    void gitLogShown();
    void diffShown();

private:
    std::vector<qint64> selectedIds() const;
    QStringList selectedCommits() const; // older first
    void updateButtons();

    EngineClient *m_engine;
    QString m_app;
    HistoryModel *m_model;
    QTableView *m_table;
    GitLogModel *m_gitLog;
    QTableView *m_gitLogTable;
    QTabWidget *m_sources;
    QPushButton *m_diffButton;
    QPushButton *m_badButton;
    QLabel *m_diffTitle;
    ResourceDiffList *m_diffs;
};

} // namespace capstan::ui
