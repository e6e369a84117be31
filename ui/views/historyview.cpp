#include "views/historyview.h"

#include "diff/resourcedifflist.h"
#include "engine/engineclient.h"
#include "models/gitlogmodel.h"
#include "models/historymodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace capstan::ui {

HistoryView::HistoryView(EngineClient *engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_model(new HistoryModel(this))
    , m_table(new QTableView(this))
    , m_gitLog(new GitLogModel(this))
    , m_gitLogTable(new QTableView(this))
    , m_sources(new QTabWidget(this))
    , m_diffButton(new QPushButton(tr("&Diff Selected"), this))
    , m_badButton(new QPushButton(tr("Mark &Bad…"), this))
    , m_diffTitle(new QLabel(this))
    , m_diffs(new ResourceDiffList(this))
{
    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Sync history"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_gitLogTable->setModel(m_gitLog);
    m_gitLogTable->setAccessibleName(tr("Git log"));
    m_gitLogTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_gitLogTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_gitLogTable->horizontalHeader()->setStretchLastSection(true);
    m_gitLogTable->verticalHeader()->hide();
    m_sources->addTab(m_table, tr("S&ync History"));
    m_sources->addTab(m_gitLogTable, tr("&Git Log"));
    m_sources->setAccessibleName(tr("History source"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_diffButton);
    buttons->addWidget(m_badButton);
    buttons->addStretch();
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_sources);
    topLayout->addLayout(buttons);
    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_diffTitle);
    bottomLayout->addWidget(m_diffs, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_diffButton, &QPushButton::clicked, this, &HistoryView::diffSelected);
    connect(m_badButton, &QPushButton::clicked, this, &HistoryView::markSelectedBad);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &HistoryView::updateButtons);
    connect(m_gitLogTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryView::updateButtons);
    connect(m_sources, &QTabWidget::currentChanged, this, &HistoryView::updateButtons);
    connect(m_engine->worker(), &EngineWorker::gitLogReady, this, [this](GitLogPtr log) {
        if (!log || QString::fromStdString(log->app) != m_app)
            return;
        m_gitLog->setLog(std::move(log));
        m_gitLogTable->resizeColumnsToContents();
        updateButtons();
        Q_EMIT gitLogShown();
    });
    connect(m_engine->worker(), &EngineWorker::historyReady, this, [this](HistoryListPtr history) {
        if (!history || QString::fromStdString(history->app) != m_app)
            return;
        m_model->setHistory(std::move(history));
        updateButtons();
        Q_EMIT historyShown();
    });
    connect(m_engine->worker(), &EngineWorker::historyDiffReady, this, [this](DiffSetPtr set) {
        if (set->requester != QStringLiteral("history-view"))
            return;
        m_diffTitle->setText(set->error.isEmpty() ? set->title : set->error);
        m_diffs->setDiffs(set->diffs);
        Q_EMIT diffShown();
    });
    updateButtons();
}

void HistoryView::setApp(const QString &app)
{
    if (app == m_app)
        return;
    m_app = app;
    m_model->setHistory(nullptr);
    m_gitLog->setLog(nullptr);
    m_diffs->setDiffs({});
    m_diffTitle->clear();
    reload();
}

void HistoryView::reload()
{
    if (m_app.isEmpty())
        return;
    m_engine->loadHistory(m_app);
    m_engine->loadGitLog(m_app);
}

std::vector<qint64> HistoryView::selectedIds() const
{
    std::vector<qint64> ids;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows())
        ids.push_back(row.data(HistoryModel::HistoryIdRole).toLongLong());
    std::sort(ids.begin(), ids.end());
    return ids;
}

QStringList HistoryView::selectedCommits() const
{
    QModelIndexList rows = m_gitLogTable->selectionModel()->selectedRows();
    // Newest first in the table: the higher row is the older commit.
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() > b.row(); });
    QStringList commits;
    for (const QModelIndex &row : rows)
        commits << row.data(GitLogModel::CommitIdRole).toString();
    return commits;
}

void HistoryView::updateButtons()
{
    const bool gitLog = m_sources->currentIndex() == GitLogSource;
    const auto ids = selectedIds();
    m_diffButton->setEnabled(gitLog ? selectedCommits().size() == 2 : ids.size() == 2);
    m_diffButton->setToolTip(gitLog ? tr("Select two commits to diff what the application renders at each.")
                                    : tr("Select two entries to diff the manifests each applied."));
    m_badButton->setEnabled(!gitLog && ids.size() == 1);
}

void HistoryView::diffSelected()
{
    const QString requester = QStringLiteral("history-view");
    if (m_sources->currentIndex() == GitLogSource) {
        const QStringList commits = selectedCommits();
        if (commits.size() == 2)
            m_engine->diffRevisions(m_app, commits[0], commits[1], requester);
        return;
    }
    const auto ids = selectedIds();
    if (ids.size() == 2)
        m_engine->diffHistoryEntries(m_app, ids[0], ids[1], requester);
}

void HistoryView::markSelectedBad()
{
    const auto ids = selectedIds();
    if (ids.size() != 1)
        return;
    bool ok = false;
    const QString reason = QInputDialog::getText(this, tr("Mark Bad"),
                                                 tr("Why is this revision bad? Automated syncs and rollbacks will "
                                                    "warn about it."),
                                                 QLineEdit::Normal, QString(), &ok);
    if (ok && !reason.trimmed().isEmpty())
        m_engine->markEntryBad(m_app, ids.front(), reason.trimmed());
}

} // namespace capstan::ui
