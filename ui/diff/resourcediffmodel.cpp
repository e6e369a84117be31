#include "diff/resourcediffmodel.h"

namespace capstan::ui {

ResourceDiffModel::ResourceDiffModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

ResourceDiffModel::~ResourceDiffModel() = default;

void ResourceDiffModel::setDiffs(std::vector<ResourceDiff> diffs)
{
    beginResetModel();
    m_diffs = std::move(diffs);
    endResetModel();
}

const ResourceDiff *ResourceDiffModel::diffAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_diffs.size()))
        return nullptr;
    return &m_diffs[static_cast<std::size_t>(row)];
}

int ResourceDiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_diffs.size());
}

QString ResourceDiffModel::changeText(ResourceChange change)
{
    switch (change) {
    case ResourceChange::Modified:
        return tr("Modified");
    case ResourceChange::Added:
        return tr("Added");
    case ResourceChange::Removed:
        return tr("Removed");
    }
    return {};
}

QVariant ResourceDiffModel::data(const QModelIndex &index, int role) const
{
    const ResourceDiff *diff = index.isValid() ? diffAt(index.row()) : nullptr;
    if (!diff)
        return {};
    const textdiff::SideBySide &sides = diff->document->diff;
    const QString status = diff->status.isEmpty() ? changeText(diff->change) : diff->status;
    switch (role) {
    case Qt::DisplayRole:
        return diff->resource;
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return tr("%1: %2, %3 added, %4 removed, %5 changed")
            .arg(diff->resource, status)
            .arg(sides.addedLines)
            .arg(sides.removedLines)
            .arg(sides.changedLines);
    case StatusRole:
        return status;
    case AddedRole:
        return sides.addedLines;
    case RemovedRole:
        return sides.removedLines;
    case ChangedRole:
        return sides.changedLines;
    case ChangeRole:
        return static_cast<int>(diff->change);
    default:
        return {};
    }
}

QHash<int, QByteArray> ResourceDiffModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(StatusRole, "status");
    names.insert(AddedRole, "added");
    names.insert(RemovedRole, "removed");
    names.insert(ChangedRole, "changed");
    names.insert(ChangeRole, "change");
    return names;
}

} // namespace capstan::ui
