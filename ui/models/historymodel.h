#pragma once

#include "engine/enginetypes.h"

#include <QAbstractTableModel>

namespace capstan::ui {

// An application's sync history, newest first, with bad marks.
class HistoryModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { IdColumn, DeployedColumn, RevisionColumn, ResultColumn, ByColumn, NoteColumn, BadColumn, ColumnCount };
    enum Role { HistoryIdRole = Qt::UserRole + 1 }; // qlonglong

    explicit HistoryModel(QObject *parent = nullptr);
    ~HistoryModel() override;

    void setHistory(HistoryListPtr history);
    HistoryListPtr history() const { return m_history; }
    const history::HistoryEntry *entryAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    HistoryListPtr m_history;
};

} // namespace capstan::ui
