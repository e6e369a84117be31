#pragma once

#include "reconcile/sync/operation_state.h"

#include <QAbstractTableModel>

namespace capstan::ui {

// The per-resource results of a running or finished sync, in plan order.
class OperationModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { WaveColumn, KindColumn, NameColumn, ResultColumn, ProgressColumn, MessageColumn, ColumnCount };

    explicit OperationModel(QObject *parent = nullptr);
    ~OperationModel() override;

    void setState(const sync::OperationState &state);
    const sync::OperationState &state() const { return m_state; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    sync::OperationState m_state;
};

} // namespace capstan::ui
