#include "views/matrixview.h"

#include "models/appidentity.h"
#include "models/environmentmatrixmodel.h"
#include "models/statusstyle.h"

#include <QApplication>
#include <QHeaderView>
#include <QPainter>

namespace capstan::ui {

void MatrixCellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
    if (index.data(EnvironmentMatrixModel::AppNameRole).toString().isEmpty())
        return;

    const QPalette &palette = option.palette;
    const auto sync = compare::SyncStatus(index.data(EnvironmentMatrixModel::SyncRole).toInt());
    const auto health = health::HealthStatus(index.data(EnvironmentMatrixModel::HealthRole).toInt());
    const auto window = argo::SyncWindowState(index.data(EnvironmentMatrixModel::WindowRole).toInt());
    const QColor text = palette.color(option.state & QStyle::State_Selected ? QPalette::HighlightedText
                                                                            : QPalette::Text);
    const QFontMetrics metrics(option.font);
    const int line = metrics.height() + 2;
    const int icon = metrics.height();
    QRect r = option.rect.adjusted(6, 4, -6, -4);

    painter->save();
    painter->setFont(option.font);
    painter->setPen(text);
    // Line 1: sync and health, each with its icon in Argo CD's colour.
    int x = r.left();
    syncIcon(sync, palette).paint(painter, QRect(x, r.top(), icon, icon));
    x += icon + 3;
    const QString syncWords = syncText(sync);
    painter->drawText(QRect(x, r.top(), r.right() - x, line), Qt::AlignLeft | Qt::AlignTop, syncWords);
    x += metrics.horizontalAdvance(syncWords) + 10;
    healthIcon(health, palette).paint(painter, QRect(x, r.top(), icon, icon));
    x += icon + 3;
    painter->drawText(QRect(x, r.top(), r.right() - x, line), Qt::AlignLeft | Qt::AlignTop, healthText(health));
    // Line 2: image tag @ revision.
    const QString tags = index.data(EnvironmentMatrixModel::ImageTagRole).toString();
    const QString revision = index.data(EnvironmentMatrixModel::RevisionRole).toString();
    const QString version = tags.isEmpty() ? revision : tr("%1 @ %2").arg(tags, revision);
    painter->drawText(QRect(r.left(), r.top() + line, r.width(), line), Qt::AlignLeft | Qt::AlignTop,
                      metrics.elidedText(version, Qt::ElideMiddle, r.width()));
    // Line 3: the sync-window state as a coloured tag.
    const QString windowWords = windowText(window);
    const QRect tag(r.left(), r.top() + 2 * line, metrics.horizontalAdvance(windowWords) + 10, line - 1);
    QColor fill = windowColor(window, palette);
    fill.setAlpha(60);
    painter->setPen(windowColor(window, palette));
    painter->setBrush(fill);
    painter->drawRoundedRect(tag, 3, 3);
    painter->setPen(text);
    painter->drawText(tag, Qt::AlignCenter, windowWords);
    painter->restore();
}

QSize MatrixCellDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return cellSize(option.font);
}

QSize MatrixCellDelegate::cellSize(const QFont &font)
{
    const QFontMetrics metrics(font);
    return {metrics.horizontalAdvance(QStringLiteral("OutOfSync  Progressing ")) + 3 * metrics.height(),
            3 * (metrics.height() + 2) + 10};
}

MatrixView::MatrixView(QWidget *parent)
    : QTableView(parent)
    , m_model(new EnvironmentMatrixModel(this))
{
    setModel(m_model);
    setItemDelegate(new MatrixCellDelegate(this));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setAccessibleName(tr("Environment matrix"));
    setWordWrap(false);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    // Every cell has the same height; sizing rows to contents would measure
    // every cell on each refresh.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(MatrixCellDelegate::cellSize(font()).height());
    connect(selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        const QString app = current.data(EnvironmentMatrixModel::AppNameRole).toString();
        if (!app.isEmpty())
            Q_EMIT appSelected(app);
    });
}

void MatrixView::setSnapshot(SnapshotPtr snapshot)
{
    m_model->setSnapshot(std::move(snapshot));
}

void MatrixView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    if (m_model->rowCount() > 0 || m_model->columnCount() > 0)
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::Disabled, QPalette::Text));
    painter.drawText(viewport()->rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap,
                     tr("No application names its service and environment. The matrix places those labelled "
                        "%1 and %2, or named SERVICE-ENVIRONMENT.")
                         .arg(QLatin1String(kServiceLabel), QLatin1String(kEnvironmentLabel)));
}

void MatrixView::selectApp(const QString &app)
{
    const QModelIndex index = m_model->indexOf(app);
    if (index == currentIndex())
        return;
    const QSignalBlocker blocker(selectionModel());
    if (index.isValid())
        selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    else
        selectionModel()->clearSelection();
    viewport()->update();
}

} // namespace capstan::ui
