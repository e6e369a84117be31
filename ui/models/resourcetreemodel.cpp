#include "models/resourcetreemodel.h"

#include "models/statusstyle.h"

#include <QGuiApplication>
#include <QPalette>

namespace capstan::ui {

ResourceTreeModel::ResourceTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_children(1)
{
}

ResourceTreeModel::~ResourceTreeModel() = default;

void ResourceTreeModel::setTree(engine::ResourceTree tree)
{
    beginResetModel();
    m_tree = std::move(tree);
    m_children.assign(m_tree.nodes.size() + 1, {});
    m_row.assign(m_tree.nodes.size(), 0);
    for (int i = 0; i < int(m_tree.nodes.size()); ++i) {
        auto &siblings = m_children[std::size_t(m_tree.nodes[std::size_t(i)].parent + 1)];
        m_row[std::size_t(i)] = int(siblings.size());
        siblings.push_back(i);
    }
    endResetModel();
}

const engine::TreeNode *ResourceTreeModel::nodeAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == 0 || index.internalId() > m_tree.nodes.size())
        return nullptr;
    return &m_tree.nodes[index.internalId() - 1];
}

QModelIndex ResourceTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const std::size_t slot = parent.isValid() ? parent.internalId() : 0;
    return createIndex(row, column, quintptr(m_children[slot][std::size_t(row)] + 1));
}

QModelIndex ResourceTreeModel::parent(const QModelIndex &child) const
{
    const engine::TreeNode *node = nodeAt(child);
    if (!node || node->parent < 0)
        return {};
    return createIndex(m_row[std::size_t(node->parent)], 0, quintptr(node->parent + 1));
}

int ResourceTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    const std::size_t slot = parent.isValid() ? parent.internalId() : 0;
    return slot < m_children.size() ? int(m_children[slot].size()) : 0;
}

int ResourceTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ResourceTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const engine::TreeNode &node = *nodeAt(index);
    const QPalette palette = QGuiApplication::palette();
    if (role == ResourceIdRole)
        return qs(node.id.toString());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case KindColumn:
            return node.id.group.empty() ? qs(node.id.kind) : qs(node.id.group + "/" + node.id.kind);
        case NamespaceColumn:
            return qs(node.id.ns);
        case NameColumn:
            return qs(node.id.name);
        case StatusColumn:
            return node.status ? resourceStatusText(*node.status) : QString();
        case HealthColumn:
            return node.health ? healthText(node.health->status) : QString();
        case InfoColumn: {
            QString text = qs(node.info);
            if (node.health && !node.health->message.empty())
                text += (text.isEmpty() ? QString() : QStringLiteral(" — ")) + qs(node.health->message);
            return text;
        }
        }
    }
    if (role == Qt::DecorationRole) {
        if (index.column() == StatusColumn && node.status)
            return syncIcon(*node.status == compare::ResourceStatus::Synced ? compare::SyncStatus::Synced
                                                                            : compare::SyncStatus::OutOfSync,
                            palette);
        if (index.column() == HealthColumn && node.health)
            return healthIcon(node.health->status, palette);
    }
    return {};
}

QVariant ResourceTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
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
    case InfoColumn:
        return tr("Details");
    }
    return {};
}

} // namespace capstan::ui
