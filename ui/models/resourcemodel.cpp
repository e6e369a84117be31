#include "models/resourcemodel.h"

#include "models/statusstyle.h"

#include <QGuiApplication>
#include <QPalette>

namespace capstan::ui {

ResourceModel::ResourceModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

ResourceModel::~ResourceModel() = default;

void ResourceModel::setResources(std::vector<engine::ResourceState> resources)
{
    beginResetModel();
    m_resources = std::move(resources);
    endResetModel();
}

const engine::ResourceState *ResourceModel::resourceAt(int row) const
{
    return row >= 0 && row < int(m_resources.size()) ? &m_resources[std::size_t(row)] : nullptr;
}

int ResourceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_resources.size());
}

int ResourceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ResourceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const engine::ResourceState &r = m_resources[std::size_t(index.row())];
    const QPalette palette = QGuiApplication::palette();
    if (role == ResourceIdRole)
        return qs(r.id.toString());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case KindColumn:
            return r.id.group.empty() ? qs(r.id.kind) : qs(r.id.group + "/" + r.id.kind);
        case NamespaceColumn:
            return qs(r.id.ns);
        case NameColumn:
            return qs(r.id.name);
        case StatusColumn:
            return resourceStatusText(r.status);
        case HealthColumn:
            return r.health ? healthText(r.health->status) : QString();
        case MessageColumn:
            return r.health ? qs(r.health->message) : QString();
        }
    }
    if (role == Qt::DecorationRole) {
        if (index.column() == StatusColumn)
            return syncIcon(r.status == compare::ResourceStatus::Synced ? compare::SyncStatus::Synced
                                                                        : compare::SyncStatus::OutOfSync,
                            palette);
        if (index.column() == HealthColumn && r.health)
            return healthIcon(r.health->status, palette);
    }
    return {};
}

QVariant ResourceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KindColumn:
        return tr("Kind");
    case NamespaceColumn:
        return tr("Namespace");
    case NameColumn:
        return tr("Name");
    case StatusColumn:
        return tr("Status");
    case HealthColumn:
        return tr("Health");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

} // namespace capstan::ui
