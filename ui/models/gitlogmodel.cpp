#include "models/gitlogmodel.h"

#include <QLocale>

namespace capstan::ui {

GitLogModel::GitLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

GitLogModel::~GitLogModel() = default;

void GitLogModel::setLog(GitLogPtr log)
{
    beginResetModel();
    m_log = std::move(log);
    endResetModel();
}

const gitops::RevertCandidate *GitLogModel::commitAt(int row) const
{
    if (!m_log || row < 0 || row >= int(m_log->commits.size()))
        return nullptr;
    return &m_log->commits[std::size_t(row)];
}

int GitLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_log ? 0 : int(m_log->commits.size());
}

int GitLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GitLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const gitops::RevertCandidate &c = *commitAt(index.row());
    if (role == CommitIdRole)
        return c.commit.id;
    if (role == Qt::ToolTipRole && index.column() == SubjectColumn)
        return c.commit.message;
    if (role == Qt::ToolTipRole && index.column() == FlagsColumn && c.badMark)
        return tr("Marked bad by %1: %2")
            .arg(QString::fromStdString(c.badMark->markedBy), QString::fromStdString(c.badMark->reason));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case CommitColumn:
        return c.commit.shortId;
    case DateColumn:
        return QLocale().toString(c.commit.author.when.toLocalTime(), QLocale::ShortFormat);
    case AuthorColumn:
        return c.commit.author.name;
    case SubjectColumn:
        return c.commit.summary;
    case PathsColumn: {
        QStringList paths(c.paths.begin(), c.paths.end());
        return paths.join(QStringLiteral(", "));
    }
    case FlagsColumn: {
        QStringList flags;
        if (c.badMark)
            flags << tr("bad");
        if (c.isRevert)
            flags << tr("a revert");
        if (c.reverted)
            flags << tr("reverted");
        return flags.join(QStringLiteral(", "));
    }
    }
    return {};
}

QVariant GitLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CommitColumn:
        return tr("Commit");
    case DateColumn:
        return tr("Date");
    case AuthorColumn:
        return tr("Author");
    case SubjectColumn:
        return tr("Subject");
    case PathsColumn:
        return tr("Changed");
    case FlagsColumn:
        return tr("Flags");
    }
    return {};
}

} // namespace capstan::ui
