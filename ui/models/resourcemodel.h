#pragma once

#include "reconcile/engine/app_state.h"

#include <QAbstractTableModel>

#include <vector>

namespace capstan::ui {

// An application's resources as the last refresh saw them.
class ResourceModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { KindColumn, NamespaceColumn, NameColumn, StatusColumn, HealthColumn, MessageColumn, ColumnCount };
    enum Role { ResourceIdRole = Qt::UserRole + 1 }; // QString: "apps/Deployment:ns/name"

    explicit ResourceModel(QObject *parent = nullptr);
    ~ResourceModel() override;

    void setResources(std::vector<engine::ResourceState> resources);
    const engine::ResourceState *resourceAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<engine::ResourceState> m_resources;
};

} // namespace capstan::ui
