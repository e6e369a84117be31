#pragma once

#include "engine/enginetypes.h"
#include "models/appidentity.h"

#include <QAbstractTableModel>

namespace capstan::ui {

// Services × environments: one row per service, one column per environment,
// each cell the application deploying that service there.
class EnvironmentMatrixModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        AppNameRole = Qt::UserRole + 1, // QString; empty where no application deploys the service
        SyncRole,                       // int: compare::SyncStatus
        HealthRole,                     // int: health::HealthStatus
        ImageTagRole,                   // QString: the tags of the images Git wants
        RevisionRole,                   // QString: the short commit id rendered
        WindowRole,                     // int: argo::SyncWindowState
        WindowTextRole,                 // QString: "denied until Mon 06:00"
    };

    explicit EnvironmentMatrixModel(QObject *parent = nullptr);
    ~EnvironmentMatrixModel() override;

    void setSnapshot(SnapshotPtr snapshot);
    // The cell of an application, invalid when it has none.
    QModelIndex indexOf(const QString &app) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const engine::AppState *appAt(const QModelIndex &index) const;

    SnapshotPtr m_snapshot;
    ServiceMatrix m_matrix;
};

} // namespace capstan::ui
