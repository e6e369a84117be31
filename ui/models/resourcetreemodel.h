#pragma once

#include "reconcile/engine/resource_tree.h"

#include <QAbstractItemModel>

#include <vector>

namespace capstan::ui {

// An application's resources as a tree: what Git defines at the top, and
// under each what the cluster made for it (ReplicaSets, Pods, Jobs), each
// with its sync status (Git's resources), health and a short status line.
class ResourceTreeModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { KindColumn, NamespaceColumn, NameColumn, StatusColumn, HealthColumn, InfoColumn, ColumnCount };
    enum Role { ResourceIdRole = Qt::UserRole + 1 }; // QString: "apps/Deployment:ns/name"

    explicit ResourceTreeModel(QObject *parent = nullptr);
    ~ResourceTreeModel() override;

    void setTree(engine::ResourceTree tree);
    const engine::ResourceTree &tree() const { return m_tree; }
    const engine::TreeNode *nodeAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    engine::ResourceTree m_tree;
    std::vector<std::vector<int>> m_children; // by node index + 1 (0: the top level)
    std::vector<int> m_row;                   // each node's row under its parent
};

} // namespace capstan::ui
