#pragma once

#include "engine/enginetypes.h"

#include <QAbstractTableModel>

namespace capstan::ui {

// The commits that changed what an application renders, newest first, with
// what each changed and whether it is marked bad, a revert or reverted.
class GitLogModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { CommitColumn, DateColumn, AuthorColumn, SubjectColumn, PathsColumn, FlagsColumn, ColumnCount };
    enum Role { CommitIdRole = Qt::UserRole + 1 }; // the full id

    explicit GitLogModel(QObject *parent = nullptr);
    ~GitLogModel() override;

    void setLog(GitLogPtr log);
    GitLogPtr log() const { return m_log; }
    const gitops::RevertCandidate *commitAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    GitLogPtr m_log;
};

} // namespace capstan::ui
