#pragma once

#include "engine/enginetypes.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace capstan::ui {

class EngineClient;
class HistoryModel;
class ResourceDiffList;

// An application's sync history: select two entries to diff what each
// applied; mark an entry's revision bad.
class HistoryView final : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryView(EngineClient *engine, QWidget *parent = nullptr);

    void setApp(const QString &app);
    void reload();
    HistoryModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    ResourceDiffList *diffList() const { return m_diffs; }
    QPushButton *diffButton() const { return m_diffButton; }

    // Diffs the two selected entries, older on the left.
    void diffSelected();
    void markSelectedBad();

Q_SIGNALS:
    void historyShown();
    void diffShown();

private:
    std::vector<qint64> selectedIds() const;
    void updateButtons();

    EngineClient *m_engine;
    QString m_app;
    HistoryModel *m_model;
    QTableView *m_table;
    QPushButton *m_diffButton;
    QPushButton *m_badButton;
    QLabel *m_diffTitle;
    ResourceDiffList *m_diffs;
};

} // namespace capstan::ui
