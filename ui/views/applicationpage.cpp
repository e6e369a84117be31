#include "views/applicationpage.h"

#include "diff/resourcedifflist.h"
#include "engine/appdiffs.h"
#include "engine/engineclient.h"
#include "models/operationmodel.h"
#include "models/resourcetreemodel.h"
#include "models/statusstyle.h"
#include "views/historyview.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace capstan::ui {

ApplicationPage::ApplicationPage(EngineClient *engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_title(new QLabel(this))
    , m_syncButton(new QPushButton(tr("S&ync…"), this))
    , m_calendarButton(new QPushButton(tr("Sync &Windows…"), this))
    , m_tabs(new QTabWidget(this))
    , m_summary(new QLabel(this))
    , m_conditions(new QListWidget(this))
    , m_resources(new ResourceTreeModel(this))
    , m_resourceView(new QTreeView(this))
    , m_diffs(new ResourceDiffList(this))
    , m_history(new HistoryView(engine, this))
    , m_operation(new OperationModel(this))
    , m_operationLabel(new QLabel(this))
{
    m_title->setTextFormat(Qt::RichText);
    m_syncButton->setAccessibleName(tr("Sync the application"));
    m_calendarButton->setAccessibleName(tr("Show the sync-window calendar"));
    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_calendarButton);
    header->addWidget(m_syncButton);
    m_rollbackButton = new QPushButton(tr("&Rollback…"), this);
    m_rollbackButton->setAccessibleName(tr("Roll the application back"));
    m_promoteButton = new QPushButton(tr("&Promote…"), this);
    m_promoteButton->setAccessibleName(tr("Promote the service to another environment"));
    header->addWidget(m_rollbackButton);
    header->addWidget(m_promoteButton);
    connect(m_rollbackButton, &QPushButton::clicked, this, [this] { Q_EMIT rollbackRequested(m_app); });
    connect(m_promoteButton, &QPushButton::clicked, this, [this] { Q_EMIT promoteRequested(m_app); });

    // Summary and conditions.
    auto *summaryPage = new QWidget(this);
    auto *summaryLayout = new QVBoxLayout(summaryPage);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(tr("Application summary"));
    m_conditions->setAccessibleName(tr("Conditions"));
    summaryLayout->addWidget(m_summary);
    summaryLayout->addWidget(new QLabel(tr("Conditions and warnings:"), summaryPage));
    summaryLayout->addWidget(m_conditions, 1);

    m_resourceView->setModel(m_resources);
    m_resourceView->setAccessibleName(tr("Resources"));
    m_resourceView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_resourceView->setUniformRowHeights(true);
    m_resourceView->header()->setStretchLastSection(true);
    connect(m_resourceView, &QTreeView::collapsed, this,
            [this](const QModelIndex &index) { m_collapsed.insert(index.data(ResourceTreeModel::ResourceIdRole).toString()); });
    connect(m_resourceView, &QTreeView::expanded, this,
            [this](const QModelIndex &index) { m_collapsed.remove(index.data(ResourceTreeModel::ResourceIdRole).toString()); });
    connect(engine->worker(), &EngineWorker::resourceTreeReady, this, &ApplicationPage::showResourceTree);

    auto *operationPage = new QWidget(this);
    auto *operationLayout = new QVBoxLayout(operationPage);
    auto *operationTable = new QTableView(operationPage);
    operationTable->setModel(m_operation);
    operationTable->setAccessibleName(tr("Operation progress"));
    operationTable->verticalHeader()->hide();
    operationTable->horizontalHeader()->setStretchLastSection(true);
    m_operationLabel->setWordWrap(true);
    m_operationLabel->setText(tr("No operation in this session."));
    operationLayout->addWidget(m_operationLabel);
    operationLayout->addWidget(operationTable, 1);

    m_tabs->addTab(summaryPage, tr("Summary"));
    m_tabs->addTab(m_resourceView, tr("Resources"));
    m_tabs->addTab(m_diffs, tr("Diff"));
    m_tabs->addTab(m_history, tr("History"));
    m_tabs->addTab(operationPage, tr("Operation"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_tabs, 1);

    connect(m_syncButton, &QPushButton::clicked, this, [this] { Q_EMIT syncRequested(m_app); });
    connect(m_calendarButton, &QPushButton::clicked, this, [this] { Q_EMIT calendarRequested(m_app); });
    const auto showOperation = [this](const QString &app, const sync::OperationState &state) {
        if (app != m_app)
            return;
        m_operation->setState(state);
        m_operationLabel->setText(tr("%1: %2").arg(QString::fromLatin1(sync::toString(state.phase)),
                                                   qs(state.message)));
    };
    connect(engine->worker(), &EngineWorker::operationProgress, this, showOperation);
    connect(engine->worker(), &EngineWorker::operationFinished, this,
            [this, showOperation](const QString &app, const sync::OperationState &state) {
                showOperation(app, state);
                if (app == m_app)
                    m_history->reload();
            });
    setApp(QString());
}

const engine::AppState *ApplicationPage::appState() const
{
    return m_snapshot ? m_snapshot->app(m_app.toStdString()) : nullptr;
}

void ApplicationPage::setSnapshot(SnapshotPtr snapshot)
{
    m_snapshot = std::move(snapshot);
    showApp();
}

void ApplicationPage::setApp(const QString &app)
{
    if (app == m_app && !app.isEmpty())
        return;
    m_app = app;
    m_shownDiffs.clear();
    m_operation->setState({});
    m_operationLabel->setText(tr("No operation in this session."));
    m_history->setApp(app);
    showApp();
}

void ApplicationPage::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

void ApplicationPage::showApp()
{
    const engine::AppState *app = appState();
    m_syncButton->setEnabled(app != nullptr);
    m_calendarButton->setEnabled(app != nullptr);
    m_rollbackButton->setEnabled(app != nullptr);
    m_promoteButton->setEnabled(app != nullptr);
    m_tabs->setEnabled(app != nullptr);
    if (!app) {
        m_title->setText(tr("<i>Select an application in the tree or the matrix.</i>"));
        m_summary->clear();
        m_conditions->clear();
        m_resources->setTree({});
        m_treeApp.clear();
        return;
    }
    const QPalette pal = palette();
    m_title->setText(tr("<b style='font-size:large'>%1</b> &nbsp; <span style='color:%2'>%3</span> &nbsp; "
                        "<span style='color:%4'>%5</span>")
                         .arg(qs(app->name).toHtmlEscaped(), syncColor(app->sync, pal).name(), syncText(app->sync),
                              healthColor(app->health, pal).name(), healthText(app->health)));
    showSummary(*app);
    if (m_treeApp != m_app) {
        // Git's resources at once; the cluster's part of the tree follows from the worker.
        engine::TreeInput defined;
        for (const engine::ResourceState &r : app->resources)
            defined.defined.emplace_back(r.id, r.status);
        m_resources->setTree(engine::buildResourceTree(defined, {}));
        m_treeApp = m_app;
        m_collapsed.clear();
        m_sizeColumns = true;
    }
    m_engine->loadResourceTree(m_app);

    std::vector<std::string> diffs;
    for (const engine::ResourceState &r : app->resources)
        diffs.push_back(r.diff);
    if (diffs != m_shownDiffs) {
        m_shownDiffs = std::move(diffs);
        m_diffs->showTexts(outOfSyncTexts(*app), tr("Live"), tr("Desired (Git)"));
    }
}

void ApplicationPage::showResourceTree(const ResourceTreePtr &tree)
{
    if (!tree || qs(tree->app) != m_app || !tree->error.isEmpty())
        return; // an error keeps the last tree; the summary shows the application's conditions
    m_resources->setTree(tree->tree);
    m_resourceView->expandAll();
    for (int row = 0; row < m_resources->rowCount(); ++row) {
        // Collapse again what the person collapsed (the model was reset).
        std::vector<QModelIndex> stack{m_resources->index(row, 0)};
        while (!stack.empty()) {
            const QModelIndex index = stack.back();
            stack.pop_back();
            if (m_collapsed.contains(index.data(ResourceTreeModel::ResourceIdRole).toString()))
                m_resourceView->collapse(index);
            for (int child = 0; child < m_resources->rowCount(index); ++child)
                stack.push_back(m_resources->index(child, 0, index));
        }
    }
    if (std::exchange(m_sizeColumns, false))
        for (int column = 0; column < ResourceTreeModel::InfoColumn; ++column)
            m_resourceView->resizeColumnToContents(column);
    Q_EMIT resourceTreeShown();
}

void ApplicationPage::showSummary(const engine::AppState &app)
{
    const auto row = [](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(label, value.toHtmlEscaped());
    };
    QString policy = app.automated ? tr("automated") : tr("manual");
    if (app.automated && app.prune)
        policy += tr(", prune");
    if (app.automated && app.selfHeal)
        policy += tr(", self-heal");
    QString approval = tr("none");
    if (app.requiresApproval)
        approval = app.automated ? tr("required for manual syncs (this application syncs by itself)")
                                 : tr("required: %n approver(s), typed name and note", nullptr,
                                      std::max(1, app.requiredApprovers));
    QString html = QStringLiteral("<table cellspacing='4'>");
    html += row(tr("Project"), qs(app.project));
    html += row(tr("Defined in"), qs(app.file));
    html += row(tr("Parent"), app.parent.empty() ? tr("(root)") : qs(app.parent));
    html += row(tr("Source"), tr("%1, path %2, target %3").arg(qs(app.repoURL), qs(app.path), qs(app.targetRevision)));
    html += row(tr("Revision"), tr("%1 — %2").arg(qs(app.revision.substr(0, 10)), qs(app.revisionSummary)));
    html += row(tr("Destination"), tr("%1, namespace %2").arg(qs(app.destinationServer), qs(app.destinationNamespace)));
    html += row(tr("Sync policy"), policy);
    html += row(tr("Sync window"), tr("%1 (%2)").arg(windowText(app.window.state), qs(app.windowDescription)));
    html += row(tr("Approval"), approval);
    QStringList images, running;
    for (const std::string &image : app.images)
        images << qs(image);
    for (const std::string &image : app.liveImages)
        running << qs(image);
    html += row(tr("Images in Git"), images.join(QStringLiteral(", ")));
    html += row(tr("Images running"), running.isEmpty() ? tr("none") : running.join(QStringLiteral(", ")));
    html += row(tr("Health"), app.healthMessage.empty() ? healthText(app.health)
                                                        : tr("%1 — %2").arg(healthText(app.health),
                                                                             qs(app.healthMessage)));
    html += row(tr("Resources"), tr("%1 in total, %2 out of sync, %3 missing")
                                     .arg(app.resources.size())
                                     .arg(app.count(compare::ResourceStatus::OutOfSync))
                                     .arg(app.count(compare::ResourceStatus::Missing)));
    html += QStringLiteral("</table>");
    m_summary->setText(html);

    m_conditions->clear();
    for (const argo::Condition &c : app.conditions)
        m_conditions->addItem(tr("%1: %2").arg(qs(argo::conditionTypeName(c.type)), qs(c.toString())));
    for (const std::string &w : app.warnings)
        m_conditions->addItem(tr("Warning: %1").arg(qs(w)));
    if (m_conditions->count() == 0)
        m_conditions->addItem(tr("No conditions."));
}

} // namespace capstan::ui
