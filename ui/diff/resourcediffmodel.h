#pragma once

#include "diff/resourcediffs.h"

#include <QAbstractListModel>

#include <vector>

namespace capstan::ui {

// The changed resources of a diff, one row each, with their status and line
// counts. Presents a finished list; it computes nothing.
class ResourceDiffModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        StatusRole = Qt::UserRole + 1, // QString: Argo CD's status, or Added / Removed / Modified
        AddedRole, // int: lines only the right side has
        RemovedRole, // int: lines only the left side has
        ChangedRole, // int: lines changed in place
        ChangeRole, // int: ResourceChange
    };

    explicit ResourceDiffModel(QObject *parent = nullptr);
    ~ResourceDiffModel() override;

    void setDiffs(std::vector<ResourceDiff> diffs);
    // The diff of a row, or nullptr outside the model.
    const ResourceDiff *diffAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    static QString changeText(ResourceChange change);

private:
    std::vector<ResourceDiff> m_diffs;
};

} // namespace capstan::ui
