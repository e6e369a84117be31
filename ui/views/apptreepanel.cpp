#include "views/apptreepanel.h"

#include "models/apptreemodel.h"
#include "models/statusstyle.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

namespace capstan::ui {

AppTreePanel::AppTreePanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new AppTreeModel(this))
    , m_proxy(new AppFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_counts(new QLabel(this))
    , m_view(new QTreeView(this))
{
    m_proxy->setSourceModel(m_model);
    m_filter->setPlaceholderText(tr("Filter by name, project, environment, status (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Application filter"));
    m_counts->setWordWrap(true);
    m_counts->setAccessibleName(tr("Applications per status"));
    m_view->setModel(m_proxy);
    m_view->setAccessibleName(tr("Applications"));
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(AppTreeModel::NameColumn, QHeaderView::Stretch);
    // Fixed widths that fit every status word: sizing to contents would measure
    // every row of a thousand-application tree on each refresh.
    const int iconAndMargins = m_view->style()->pixelMetric(QStyle::PM_SmallIconSize)
        + 4 * m_view->style()->pixelMetric(QStyle::PM_HeaderMargin) + 6;
    const QFontMetrics metrics(m_view->font());
    int syncWidth = metrics.horizontalAdvance(m_model->headerData(AppTreeModel::SyncColumn, Qt::Horizontal).toString());
    for (auto status : {compare::SyncStatus::Synced, compare::SyncStatus::OutOfSync, compare::SyncStatus::Unknown})
        syncWidth = std::max(syncWidth, metrics.horizontalAdvance(syncText(status)));
    int healthWidth = metrics.horizontalAdvance(m_model->headerData(AppTreeModel::HealthColumn, Qt::Horizontal).toString());
    for (auto status : {health::HealthStatus::Healthy, health::HealthStatus::Progressing, health::HealthStatus::Degraded,
                        health::HealthStatus::Suspended, health::HealthStatus::Missing, health::HealthStatus::Unknown})
        healthWidth = std::max(healthWidth, metrics.horizontalAdvance(healthText(status)));
    m_view->header()->setSectionResizeMode(AppTreeModel::SyncColumn, QHeaderView::Fixed);
    m_view->header()->setSectionResizeMode(AppTreeModel::HealthColumn, QHeaderView::Fixed);
    m_view->header()->resizeSection(AppTreeModel::SyncColumn, syncWidth + iconAndMargins);
    m_view->header()->resizeSection(AppTreeModel::HealthColumn, healthWidth + iconAndMargins);
    connect(m_proxy, &QAbstractItemModel::modelReset, m_view, &QTreeView::expandAll);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_counts);
    layout->addWidget(m_view, 1);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterWords(text);
        m_view->expandAll();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    Q_EMIT appSelected(current.data(AppTreeModel::AppNameRole).toString());
            });
}

void AppTreePanel::setSnapshot(SnapshotPtr snapshot)
{
    const QString selected = selectedApp();
    m_model->setSnapshot(std::move(snapshot)); // a new tree is expanded on its reset
    updateCounts();
    if (!selected.isEmpty()) {
        const QSignalBlocker blocker(m_view->selectionModel());
        selectApp(selected);
    }
}

QString AppTreePanel::selectedApp() const
{
    return m_view->currentIndex().data(AppTreeModel::AppNameRole).toString();
}

void AppTreePanel::selectApp(const QString &app)
{
    if (app == selectedApp())
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexOf(app));
    if (index.isValid())
        m_view->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void AppTreePanel::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void AppTreePanel::updateCounts()
{
    const SnapshotPtr snapshot = m_model->snapshot();
    if (!snapshot) {
        m_counts->clear();
        return;
    }
    std::map<compare::SyncStatus, int> sync;
    std::map<health::HealthStatus, int> health;
    for (const engine::AppState &app : snapshot->apps) {
        ++sync[app.sync];
        ++health[app.health];
    }
    QStringList parts;
    for (const auto &[status, count] : sync)
        parts << tr("%1 %2").arg(count).arg(syncText(status));
    for (const auto &[status, count] : health)
        parts << tr("%1 %2").arg(count).arg(healthText(status));
    m_counts->setText(tr("%n application(s): ", nullptr, int(snapshot->apps.size())) +
                      parts.join(QStringLiteral(" · ")));
}

} // namespace capstan::ui
