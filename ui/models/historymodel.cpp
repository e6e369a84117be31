#include "models/historymodel.h"

#include "models/statusstyle.h"

#include <QLocale>

namespace capstan::ui {

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

HistoryModel::~HistoryModel() = default;

void HistoryModel::setHistory(HistoryListPtr history)
{
    beginResetModel();
    m_history = std::move(history);
    endResetModel();
}

const history::HistoryEntry *HistoryModel::entryAt(int row) const
{
    if (!m_history || row < 0 || row >= int(m_history->entries.size()))
        return nullptr;
    return &m_history->entries[std::size_t(row)];
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_history ? 0 : int(m_history->entries.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const history::HistoryEntry &entry = *entryAt(index.row());
    const history::Operation &op = entry.operation;
    if (role == HistoryIdRole)
        return qlonglong(entry.id());
    if (role == Qt::ToolTipRole && entry.badMark)
        return tr("Marked bad by %1: %2").arg(qs(entry.badMark->markedBy), qs(entry.badMark->reason));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case IdColumn:
        return qlonglong(entry.id());
    case DeployedColumn:
        return QLocale().toString(entry.deployedAt().toLocalTime(), QLocale::ShortFormat);
    case RevisionColumn:
        return qs(op.revision.substr(0, 7));
    case ResultColumn:
        return tr("%1 (%2)").arg(qs(std::string(history::toString(op.phase))),
                                 qs(std::string(history::toString(op.kind))));
    case ByColumn:
        return op.approvers.empty() ? qs(op.initiatedBy)
                                    : tr("%1, approved by %2")
                                          .arg(qs(op.initiatedBy),
                                               QStringList([&] {
                                                   QStringList l;
                                                   for (const std::string &a : op.approvers)
                                                       l << qs(a);
                                                   return l;
                                               }())
                                                   .join(QStringLiteral(", ")));
    case NoteColumn:
        return qs(op.approvalNote);
    case BadColumn:
        return entry.badMark ? tr("bad") : QString();
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("Entry");
    case DeployedColumn:
        return tr("Deployed");
    case RevisionColumn:
        return tr("Revision");
    case ResultColumn:
        return tr("Result");
    case ByColumn:
        return tr("By");
    case NoteColumn:
        return tr("Approval note");
    case BadColumn:
        return tr("Bad");
    }
    return {};
}

} // namespace capstan::ui
