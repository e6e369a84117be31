#include "models/environmentmatrixmodel.h"

#include "models/statusstyle.h"

#include <algorithm>

namespace capstan::ui {

EnvironmentMatrixModel::EnvironmentMatrixModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

EnvironmentMatrixModel::~EnvironmentMatrixModel() = default;

void EnvironmentMatrixModel::setSnapshot(SnapshotPtr snapshot)
{
    ServiceMatrix matrix = snapshot ? buildServiceMatrix(*snapshot) : ServiceMatrix{};
    if (matrix.services == m_matrix.services && matrix.environments == m_matrix.environments) {
        // Same shape: keep the selection and scroll position, repaint the cells that changed.
        const SnapshotPtr old = std::exchange(m_snapshot, std::move(snapshot));
        const ServiceMatrix oldMatrix = std::exchange(m_matrix, std::move(matrix));
        for (int row = 0; row < rowCount(); ++row) {
            for (int column = 0; column < columnCount(); ++column) {
                const QModelIndex cell = index(row, column);
                const engine::AppState *now = appAt(cell);
                const std::string *was = oldMatrix.app(m_matrix.services[std::size_t(row)],
                                                       m_matrix.environments[std::size_t(column)]);
                const engine::AppState *before = was && old ? old->app(*was) : nullptr;
                if (!now || !before || !sameOnScreen(*now, *before))
                    Q_EMIT dataChanged(cell, cell);
            }
        }
        return;
    }
    beginResetModel();
    m_snapshot = std::move(snapshot);
    m_matrix = std::move(matrix);
    endResetModel();
}

const engine::AppState *EnvironmentMatrixModel::appAt(const QModelIndex &index) const
{
    if (!m_snapshot || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return nullptr;
    const std::string *name =
        m_matrix.app(m_matrix.services[std::size_t(index.row())], m_matrix.environments[std::size_t(index.column())]);
    return name ? m_snapshot->app(*name) : nullptr;
}

QModelIndex EnvironmentMatrixModel::indexOf(const QString &app) const
{
    const auto place = m_matrix.placeOf.find(app.toStdString());
    if (place == m_matrix.placeOf.end())
        return {};
    const auto row = std::find(m_matrix.services.begin(), m_matrix.services.end(), place->second.service);
    const auto column =
        std::find(m_matrix.environments.begin(), m_matrix.environments.end(), place->second.environment);
    return index(int(row - m_matrix.services.begin()), int(column - m_matrix.environments.begin()));
}

int EnvironmentMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_matrix.services.size());
}

int EnvironmentMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_matrix.environments.size());
}

namespace {

// The distinct tags of a list of images, in order.
QString tagsOf(const std::vector<std::string> &images)
{
    QStringList tags;
    for (const std::string &image : images)
        if (!tags.contains(qs(imageTag(image))))
            tags << qs(imageTag(image));
    return tags.join(QLatin1Char(' '));
}

} // namespace

QVariant EnvironmentMatrixModel::data(const QModelIndex &index, int role) const
{
    const engine::AppState *app = appAt(index);
    if (!app)
        return role == AppNameRole ? QVariant(QString()) : QVariant();
    // What runs, and — where Git wants something else — what it will become.
    const QString running = tagsOf(app->liveImages);
    const QString wanted = tagsOf(app->images);
    const QString tag = running == wanted ? wanted : running + QStringLiteral(" → ") + wanted;
    const QString revision = qs(app->revision.substr(0, 7));
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1, %2, %3 @ %4, %5")
            .arg(syncText(app->sync), healthText(app->health), tag, revision,
                 windowText(app->window.state));
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return tr("%1: %2, %3; images %4; revision %5 (%6); sync window %7")
            .arg(qs(app->name), syncText(app->sync), healthText(app->health), tag,
                 revision, qs(app->revisionSummary), qs(app->windowDescription));
    case AppNameRole:
        return qs(app->name);
    case SyncRole:
        return int(app->sync);
    case HealthRole:
        return int(app->health);
    case ImageTagRole:
        return tag;
    case RevisionRole:
        return revision;
    case WindowRole:
        return int(app->window.state);
    case WindowTextRole:
        return qs(app->windowDescription);
    }
    return {};
}

QVariant EnvironmentMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || section < 0)
        return {};
    if (orientation == Qt::Horizontal)
        return section < columnCount() ? QVariant(qs(m_matrix.environments[std::size_t(section)])) : QVariant();
    return section < rowCount() ? QVariant(qs(m_matrix.services[std::size_t(section)])) : QVariant();
}

} // namespace capstan::ui
