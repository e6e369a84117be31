#include "dialogs/syncdialog.h"

#include "dialogs/approvalgate.h"
#include "diff/resourcedifflist.h"
#include "engine/appdiffs.h"
#include "engine/engineclient.h"
#include "models/operationmodel.h"
#include "models/statusstyle.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace capstan::ui {

SyncDialog::SyncDialog(EngineClient *engine, const engine::AppState &app, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_app(app)
    , m_gated(ApprovalGate::isRequired(app))
    , m_windowLabel(new QLabel(this))
    , m_diffs(new ResourceDiffList(this))
    , m_prune(new QCheckBox(tr("&Prune resources no longer in Git"), this))
    , m_dryRun(new QCheckBox(tr("D&ry run (change nothing)"), this))
    , m_selectedOnly(new QCheckBox(tr("&Selected resources only"), this))
    , m_resources(new QListWidget(this))
    , m_message(new QLabel(this))
    , m_operation(new OperationModel(this))
    , m_progress(new QTableView(this))
    , m_syncButton(new QPushButton(tr("S&ync"), this))
    , m_terminateButton(new QPushButton(tr("&Terminate"), this))
{
    setWindowTitle(tr("Sync %1").arg(qs(app.name)));
    setObjectName(QStringLiteral("SyncDialog"));
    auto *layout = new QVBoxLayout(this);

    auto *summary = new QLabel(tr("<b>%1</b> → %2 (%3 %4) in %5")
                                   .arg(qs(app.name).toHtmlEscaped(), qs(app.destinationNamespace).toHtmlEscaped(),
                                        qs(app.revision.substr(0, 7)),
                                        qs(app.revisionSummary).toHtmlEscaped(), qs(app.project).toHtmlEscaped()),
                               this);
    summary->setWordWrap(true);
    layout->addWidget(summary);
    m_windowLabel->setText(tr("Sync window: %1").arg(qs(app.windowDescription)));
    m_windowLabel->setAccessibleName(tr("Sync window state"));
    layout->addWidget(m_windowLabel);
    // Why the diff may be incomplete (Git's side not rendered), or what the render warned of.
    for (const std::string &warning : app.warnings) {
        auto *label = new QLabel(tr("Warning: %1").arg(qs(warning)), this);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(label);
    }

    // What will change, resource by resource.
    m_diffs->setAccessibleName(tr("What the sync will change"));
    m_diffs->showTexts(outOfSyncTexts(app), tr("Live"), tr("Desired (Git)"));
    m_progress->setModel(m_operation);
    m_progress->setAccessibleName(tr("Sync progress"));
    m_progress->verticalHeader()->hide();
    m_progress->horizontalHeader()->setStretchLastSection(true);
    m_progress->hide();
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_diffs);
    splitter->addWidget(m_progress);
    layout->addWidget(splitter, 1);

    auto *options = new QGroupBox(tr("Options"), this);
    auto *optionsLayout = new QVBoxLayout(options);
    m_prune->setChecked(app.prune);
    optionsLayout->addWidget(m_prune);
    optionsLayout->addWidget(m_dryRun);
    optionsLayout->addWidget(m_selectedOnly);
    for (const engine::ResourceState &r : app.resources) {
        if (r.status == compare::ResourceStatus::Synced)
            continue;
        auto *item = new QListWidgetItem(qs(r.id.toString()), m_resources);
        item->setData(Qt::UserRole, qs(r.id.group + ":" + r.id.kind + ":" +
                                        (r.id.ns.empty() ? r.id.name : r.id.ns + "/" + r.id.name)));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    m_resources->setAccessibleName(tr("Resources to sync"));
    m_resources->setMaximumHeight(90);
    m_resources->setVisible(false);
    optionsLayout->addWidget(m_resources);
    layout->addWidget(options);
    connect(m_selectedOnly, &QCheckBox::toggled, m_resources, &QWidget::setVisible);
    connect(m_dryRun, &QCheckBox::toggled, this, &SyncDialog::updateSyncButton);

    if (m_gated) {
        m_gate = new ApprovalGate(app, this);
        connect(m_gate, &ApprovalGate::changed, this, &SyncDialog::updateSyncButton);
        layout->addWidget(m_gate);
    }

    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setAccessibleName(tr("Sync result"));
    layout->addWidget(m_message);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_syncButton, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_terminateButton, QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Close);
    m_syncButton->setDefault(false);
    m_syncButton->setAutoDefault(false);
    m_terminateButton->setEnabled(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_syncButton, &QPushButton::clicked, this, &SyncDialog::startSync);
    connect(m_terminateButton, &QPushButton::clicked, this, [this] {
        m_engine->terminate();
        m_message->setText(tr("Terminating…"));
    });

    const QString name = qs(app.name);
    EngineWorker *worker = m_engine->worker();
    connect(worker, &EngineWorker::syncRefused, this, [this, name](const QString &appName, const QString &message) {
        if (appName != name || !m_running)
            return;
        m_running = false;
        m_message->setText(message);
        m_message->setStyleSheet(QStringLiteral("color: %1").arg(windowColor(argo::SyncWindowState::Denied, palette()).name()));
        updateSyncButton();
        Q_EMIT refused(message);
    });
    connect(worker, &EngineWorker::operationStarted, this, [this, name](const QString &appName) {
        if (appName == name && m_running) {
            m_progress->show();
            m_terminateButton->setEnabled(true);
        }
    });
    connect(worker, &EngineWorker::operationProgress, this,
            [this, name](const QString &appName, const sync::OperationState &state) {
                if (appName == name && m_running)
                    showState(state);
            });
    connect(worker, &EngineWorker::operationFinished, this,
            [this, name](const QString &appName, const sync::OperationState &state) {
                if (appName != name || !m_running)
                    return;
                m_running = false;
                m_done = true;
                showState(state);
                m_terminateButton->setEnabled(false);
                updateSyncButton();
                Q_EMIT operationFinished(state);
            });
    resize(960, 720);
    updateSyncButton();
}

SyncDialog::~SyncDialog() = default;

QString SyncDialog::blockedReason() const
{
    if (m_running)
        return tr("The sync is running.");
    if (!m_app.canSync())
        return tr("The application has errors that stop a sync.");
    if (!m_app.window.canSync(argo::SyncTrigger::Manual))
        return tr("Sync window: %1").arg(qs(m_app.windowDescription));
    if (!m_gated || m_dryRun->isChecked())
        return {};
    return m_gate->missing();
}

void SyncDialog::updateSyncButton()
{
    const QString reason = blockedReason();
    m_syncButton->setEnabled(reason.isEmpty());
    m_syncButton->setToolTip(reason);
    const bool denied = !m_app.window.canSync(argo::SyncTrigger::Manual);
    m_windowLabel->setText(denied ? tr("Sync is blocked — sync window: %1").arg(qs(m_app.windowDescription))
                                  : tr("Sync window: %1").arg(qs(m_app.windowDescription)));
    m_windowLabel->setStyleSheet(
        QStringLiteral("color: %1").arg(windowColor(m_app.window.state, palette()).name()));
    if (!m_running && !m_done && !reason.isEmpty() && m_message->styleSheet().isEmpty())
        m_message->setText(reason);
    else if (!m_running && !m_done && reason.isEmpty() && m_message->styleSheet().isEmpty())
        m_message->clear();
}

engine::SyncCommand SyncDialog::command() const
{
    engine::SyncCommand command;
    command.app = m_app.name;
    command.trigger = argo::SyncTrigger::Manual;
    command.initiatedBy = m_gate ? m_gate->initiator().toStdString() : engine::currentUser();
    command.request.prune = m_prune->isChecked();
    command.request.dryRun = m_dryRun->isChecked();
    if (m_selectedOnly->isChecked()) {
        for (int row = 0; row < m_resources->count(); ++row) {
            const QListWidgetItem *item = m_resources->item(row);
            if (item->checkState() != Qt::Checked)
                continue;
            if (auto selector = sync::ResourceSelector::parse(item->data(Qt::UserRole).toString().toStdString()))
                command.request.resources.push_back(*selector);
        }
    }
    if (m_gate)
        m_gate->fill(command);
    return command;
}

void SyncDialog::startSync()
{
    if (!blockedReason().isEmpty())
        return;
    m_running = true;
    m_done = false;
    m_message->setStyleSheet(QString());
    m_message->setText(tr("Starting the sync…"));
    updateSyncButton();
    m_engine->startSync(command());
}

void SyncDialog::showState(const sync::OperationState &state)
{
    m_operation->setState(state);
    m_progress->show();
    m_message->setStyleSheet(QString());
    m_message->setText(tr("%1: %2").arg(QString::fromLatin1(sync::toString(state.phase)), qs(state.message)));
}

} // namespace capstan::ui
