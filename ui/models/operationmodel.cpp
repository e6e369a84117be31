#include "models/operationmodel.h"

namespace capstan::ui {

OperationModel::OperationModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

OperationModel::~OperationModel() = default;

void OperationModel::setState(const sync::OperationState &state)
{
    if (state.resources.size() == m_state.resources.size()) {
        // Same plan, new progress: update in place so the view keeps its scroll position.
        m_state = state;
        if (!m_state.resources.empty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_state = state;
    endResetModel();
}

int OperationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_state.resources.size());
}

int OperationModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OperationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::DisplayRole)
        return {};
    const sync::ResourceResult &r = m_state.resources[std::size_t(index.row())];
    switch (index.column()) {
    case WaveColumn:
        return tr("%1 / wave %2").arg(QString::fromLatin1(sync::toString(r.syncPhase))).arg(r.wave);
    case KindColumn:
        return QString::fromStdString(r.group.empty() ? r.kind : r.group + "/" + r.kind);
    case NameColumn:
        return QString::fromStdString(r.ns.empty() ? r.name : r.ns + "/" + r.name);
    case ResultColumn:
        return r.status ? QString::fromLatin1(sync::toString(*r.status)) : tr("Pending");
    case ProgressColumn:
        return r.status ? QString::fromLatin1(sync::toString(r.hookPhase)) : QString();
    case MessageColumn:
        return QString::fromStdString(r.message);
    }
    return {};
}

QVariant OperationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WaveColumn:
        return tr("Phase");
    case KindColumn:
        return tr("Kind");
    case NameColumn:
        return tr("Name");
    case ResultColumn:
        return tr("Result");
    case ProgressColumn:
        return tr("Progress");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

} // namespace capstan::ui
