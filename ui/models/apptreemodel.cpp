#include "models/apptreemodel.h"

#include "models/appidentity.h"
#include "models/statusstyle.h"

#include <QGuiApplication>
#include <QPalette>

#include <set>

namespace capstan::ui {

AppTreeModel::AppTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

AppTreeModel::~AppTreeModel() = default;

void AppTreeModel::setSnapshot(SnapshotPtr snapshot)
{
    std::vector<Node> nodes;
    std::vector<int> roots;
    std::map<std::string, std::string> environmentOf;
    if (snapshot) {
        for (const auto &[app, place] : buildServiceMatrix(*snapshot).placeOf)
            environmentOf[app] = place.environment;
        // Each application appears once, under the first parent that lists it;
        // nodes are added depth first, child lists rebuilt from the parent links.
        std::set<std::string> placed;
        const auto add = [&](const auto &self, const std::string &name, int parent) -> void {
            const engine::AppState *app = snapshot->app(name);
            if (!app || !placed.insert(name).second)
                return;
            const int id = int(nodes.size());
            nodes.push_back(Node{app, parent, 0, {}});
            for (const std::string &child : app->children)
                self(self, child, id);
        };
        for (const std::string &root : snapshot->roots)
            add(add, root, -1);
        for (const engine::AppState &app : snapshot->apps) // any not reachable from a root
            add(add, app.name, -1);
        for (int id = 0; id < int(nodes.size()); ++id) {
            Node &node = nodes[std::size_t(id)];
            std::vector<int> &siblings = node.parent < 0 ? roots : nodes[std::size_t(node.parent)].children;
            node.row = int(siblings.size());
            siblings.push_back(id);
        }
    }

    const bool sameShape = nodes.size() == m_nodes.size() && environmentOf == m_environmentOf
        && std::equal(nodes.begin(), nodes.end(), m_nodes.begin(), [](const Node &a, const Node &b) {
               return a.parent == b.parent && a.app->name == b.app->name;
           });
    if (!sameShape) {
        beginResetModel();
        m_snapshot = std::move(snapshot);
        m_nodes = std::move(nodes);
        m_roots = std::move(roots);
        m_environmentOf = std::move(environmentOf);
        endResetModel();
        return;
    }
    // Same tree: keep expansion, selection and scroll position; repaint only
    // the rows whose state changed (a refresh usually changes a few).
    std::vector<int> changed;
    for (std::size_t id = 0; id < nodes.size(); ++id)
        if (!sameOnScreen(*nodes[id].app, *m_nodes[id].app))
            changed.push_back(int(id));
    m_snapshot = std::move(snapshot);
    m_nodes = std::move(nodes);
    // One signal per group of siblings (a filter proxy handles each signal
    // on its own: a thousand single rows cost far more than one range).
    std::map<int, std::pair<int, int>> ranges; // parent → first and last changed id
    for (int id : changed) {
        auto [it, inserted] = ranges.try_emplace(m_nodes[std::size_t(id)].parent, id, id);
        if (!inserted) {
            const auto byRow = [this](int a, int b) { return m_nodes[std::size_t(a)].row < m_nodes[std::size_t(b)].row; };
            it->second.first = std::min(it->second.first, id, byRow);
            it->second.second = std::max(it->second.second, id, byRow);
        }
    }
    for (const auto &[parent, range] : ranges) {
        const Node &first = m_nodes[std::size_t(range.first)];
        const Node &last = m_nodes[std::size_t(range.second)];
        Q_EMIT dataChanged(createIndex(first.row, 0, quintptr(range.first)),
                           createIndex(last.row, ColumnCount - 1, quintptr(range.second)));
    }
}

const AppTreeModel::Node *AppTreeModel::nodeAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    const auto id = std::size_t(index.internalId());
    return id < m_nodes.size() ? &m_nodes[id] : nullptr;
}

QModelIndex AppTreeModel::indexOf(const QString &app) const
{
    const std::string name = app.toStdString();
    for (std::size_t id = 0; id < m_nodes.size(); ++id)
        if (m_nodes[id].app->name == name)
            return createIndex(m_nodes[id].row, 0, quintptr(id));
    return {};
}

QModelIndex AppTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    const std::vector<int> &list = parent.isValid() ? nodeAt(parent)->children : m_roots;
    if (row >= int(list.size()))
        return {};
    return createIndex(row, column, quintptr(list[std::size_t(row)]));
}

QModelIndex AppTreeModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeAt(child);
    if (!node || node->parent < 0)
        return {};
    return createIndex(m_nodes[std::size_t(node->parent)].row, 0, quintptr(node->parent));
}

int AppTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_roots.size());
    if (parent.column() != 0)
        return 0;
    return int(nodeAt(parent)->children.size());
}

int AppTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant AppTreeModel::data(const QModelIndex &index, int role) const
{
    const Node *node = nodeAt(index);
    if (!node)
        return {};
    const engine::AppState &app = *node->app;
    const QPalette palette = QGuiApplication::palette();
    const auto env = m_environmentOf.find(app.name);
    const QString environment = env == m_environmentOf.end() ? QString() : qs(env->second);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return qs(app.name);
        case SyncColumn:
            return syncText(app.sync);
        case HealthColumn:
            return healthText(app.health);
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == SyncColumn)
            return syncIcon(app.sync, palette);
        if (index.column() == HealthColumn)
            return healthIcon(app.health, palette);
        break;
    case Qt::ToolTipRole:
        return tr("%1 — project %2, %3, %4").arg(qs(app.name), qs(app.project), syncText(app.sync),
                                                   healthText(app.health));
    case AppNameRole:
        return qs(app.name);
    case ProjectRole:
        return qs(app.project);
    case EnvironmentRole:
        return environment;
    case SyncRole:
        return int(app.sync);
    case HealthRole:
        return int(app.health);
    case FilterTextRole:
        return QStringList{qs(app.name), qs(app.project), environment, syncText(app.sync), healthText(app.health),
                           qs(compare::toString(app.sync)), qs(health::toString(app.health))}
            .join(QLatin1Char(' '));
    }
    return {};
}

QVariant AppTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Application");
    case SyncColumn:
        return tr("Sync");
    case HealthColumn:
        return tr("Health");
    }
    return {};
}

AppFilterProxyModel::AppFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setFilterRole(AppTreeModel::FilterTextRole);
}

void AppFilterProxyModel::setFilterWords(const QString &text)
{
    m_words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

bool AppFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    const QString text =
        sourceModel()->index(sourceRow, 0, sourceParent).data(AppTreeModel::FilterTextRole).toString();
    // Every word must match somewhere: "prod outofsync" finds production apps out of sync.
    for (const QString &word : m_words)
        if (!text.contains(word, Qt::CaseInsensitive))
            return false;
    return true;
}

} // namespace capstan::ui
