#include "diff/resourcedifflist.h"

#include "diff/diffview.h"
#include "diff/resourcediffmodel.h"
#include "manifest/object.h"
#include "reconcile/compare/compare.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QListView>
#include <QPainter>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QtConcurrent/QtConcurrentRun>

namespace capstan::ui {

namespace {

// Draws a row as its resource, then its status and "+N −M" in the diff's colours on the right.
class ResourceDiffDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QString counts = countsText(index);
        const QString status = index.data(ResourceDiffModel::StatusRole).toString();
        const QFontMetrics metrics(option.font);
        const int countsWidth = metrics.horizontalAdvance(counts) + 8;
        const int statusWidth = metrics.horizontalAdvance(status) + 12;

        QStyleOptionViewItem text = option;
        initStyleOption(&text, index);
        text.rect.setRight(option.rect.right() - countsWidth - statusWidth);
        QStyledItemDelegate::paint(painter, text, index);

        const bool selected = option.state & QStyle::State_Selected;
        painter->save();
        if (selected)
            painter->fillRect(
                option.rect.adjusted(text.rect.width(), 0, 0, 0), option.palette.brush(QPalette::Highlight));
        const QColor textColor = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
        QRect right = option.rect.adjusted(0, 0, -4, 0);
        painter->setPen(textColor);
        painter->drawText(right, Qt::AlignRight | Qt::AlignVCenter, counts);
        right.setRight(right.right() - countsWidth);
        painter->setPen(selected ? textColor : option.palette.color(QPalette::PlaceholderText));
        painter->drawText(right, Qt::AlignRight | Qt::AlignVCenter, status);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        const QFontMetrics metrics(option.font);
        size.rwidth()
            += metrics.horizontalAdvance(countsText(index) + index.data(ResourceDiffModel::StatusRole).toString()) + 24;
        return size;
    }

private:
    static QString countsText(const QModelIndex &index)
    {
        return QStringLiteral("+%1 −%2 ~%3")
            .arg(index.data(ResourceDiffModel::AddedRole).toInt())
            .arg(index.data(ResourceDiffModel::RemovedRole).toInt())
            .arg(index.data(ResourceDiffModel::ChangedRole).toInt());
    }
};

} // namespace

ResourceDiffList::ResourceDiffList(QWidget *parent)
    : QWidget(parent)
    , m_model(new ResourceDiffModel(this))
    , m_list(new QListView(this))
    , m_diffView(new DiffView(this))
    , m_watcher(new QFutureWatcher<std::vector<ResourceDiff>>(this))
{
    m_list->setModel(m_model);
    m_list->setItemDelegate(new ResourceDiffDelegate(m_list));
    m_list->setAccessibleName(tr("Changed resources"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(true);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex &current) { showRow(current.row()); });

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_diffView);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_watcher, &QFutureWatcher<std::vector<ResourceDiff>>::finished, this, [this] {
        if (m_watcher->isCanceled() || m_watcher->future().resultCount() == 0)
            return;
        setDiffs(m_watcher->result());
        Q_EMIT diffsShown();
    });
}

ResourceDiffList::~ResourceDiffList()
{
    m_watcher->waitForFinished();
}

void ResourceDiffList::setDiffs(std::vector<ResourceDiff> diffs)
{
    m_model->setDiffs(std::move(diffs));
    if (m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0));
    else
        showRow(-1);
}

void ResourceDiffList::showComparison(const compare::CompareResult &result)
{
    const QString live = tr("Live");
    const QString desired = tr("Desired (Git)");
    m_watcher->setFuture(
        QtConcurrent::run([result, live, desired] { return buildResourceDiffs(result, live, desired); }));
}

void ResourceDiffList::showRevisions(const QString &leftLabel, std::vector<manifest::Object> left,
    const QString &rightLabel, std::vector<manifest::Object> right)
{
    m_watcher->setFuture(QtConcurrent::run([leftLabel, left = std::move(left), rightLabel, right = std::move(right)] {
        return buildResourceDiffs(pairObjects(left, right), leftLabel, rightLabel);
    }));
}

void ResourceDiffList::showTexts(
    std::vector<ResourceTexts> texts, const QString &leftLabel, const QString &rightLabel)
{
    m_watcher->setFuture(QtConcurrent::run([texts = std::move(texts), leftLabel, rightLabel] {
        return buildResourceDiffs(texts, leftLabel, rightLabel);
    }));
}

void ResourceDiffList::showRow(int row)
{
    const ResourceDiff *diff = m_model->diffAt(row);
    m_diffView->setDocument(diff ? diff->document : nullptr);
}

} // namespace capstan::ui
