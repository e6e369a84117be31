#pragma once

#include "engine/enginetypes.h"

#include <QAbstractItemModel>
#include <QSortFilterProxyModel>

#include <vector>

namespace capstan::ui {

// The app-of-apps tree of a snapshot: each root application, its children
// under it, any depth. Columns: name, sync status, health.
class AppTreeModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, SyncColumn, HealthColumn, ColumnCount };
    enum Role {
        AppNameRole = Qt::UserRole + 1, // QString
        ProjectRole,                    // QString
        EnvironmentRole,                // QString
        SyncRole,                       // int: compare::SyncStatus
        HealthRole,                     // int: health::HealthStatus
        FilterTextRole,                 // QString: everything the filter matches
    };

    explicit AppTreeModel(QObject *parent = nullptr);
    ~AppTreeModel() override;

    void setSnapshot(SnapshotPtr snapshot);
    SnapshotPtr snapshot() const { return m_snapshot; }
    QModelIndex indexOf(const QString &app) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        const engine::AppState *app = nullptr;
        int parent = -1; // index into m_nodes
        int row = 0;
        std::vector<int> children;
    };

    const Node *nodeAt(const QModelIndex &index) const;

    SnapshotPtr m_snapshot;
    std::vector<Node> m_nodes;
    std::vector<int> m_roots;
    std::map<std::string, std::string> m_environmentOf;
};

// Filters the tree by words matched against name, project, environment and
// status; a parent stays visible while any descendant matches.
class AppFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit AppFilterProxyModel(QObject *parent = nullptr);

    // Words separated by spaces; each must match (case-insensitively).
    void setFilterWords(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QStringList m_words;
};

} // namespace capstan::ui
