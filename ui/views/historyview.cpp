#include "views/historyview.h"

#include "diff/resourcedifflist.h"
#include "engine/engineclient.h"
#include "models/historymodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace capstan::ui {

HistoryView::HistoryView(EngineClient *engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_model(new HistoryModel(this))
    , m_table(new QTableView(this))
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
    m_diffButton->setToolTip(tr("Select two entries to diff the manifests each applied."));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_diffButton);
    buttons->addWidget(m_badButton);
    buttons->addStretch();
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_table);
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
    connect(m_engine->worker(), &EngineWorker::historyReady, this, [this](HistoryListPtr history) {
        if (!history || QString::fromStdString(history->app) != m_app)
            return;
        m_model->setHistory(std::move(history));
        updateButtons();
        Q_EMIT historyShown();
    });
    connect(m_engine->worker(), &EngineWorker::historyDiffReady, this, [this](DiffSetPtr set) {
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
    m_diffs->setDiffs({});
    m_diffTitle->clear();
    reload();
}

void HistoryView::reload()
{
    if (!m_app.isEmpty())
        m_engine->loadHistory(m_app);
}

std::vector<qint64> HistoryView::selectedIds() const
{
    std::vector<qint64> ids;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows())
        ids.push_back(row.data(HistoryModel::HistoryIdRole).toLongLong());
    std::sort(ids.begin(), ids.end());
    return ids;
}

void HistoryView::updateButtons()
{
    const auto ids = selectedIds();
    m_diffButton->setEnabled(ids.size() == 2);
    m_badButton->setEnabled(ids.size() == 1);
}

void HistoryView::diffSelected()
{
    const auto ids = selectedIds();
    if (ids.size() == 2)
        m_engine->diffHistoryEntries(ids[0], ids[1]);
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
