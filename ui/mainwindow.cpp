#include "mainwindow.h"

#include "common/version.h"
#include "dialogs/calendardialog.h"
#include "dialogs/promotedialog.h"
#include "dialogs/rollbackdialog.h"
#include "dialogs/syncdialog.h"
#include "engine/engineclient.h"
#include "models/appidentity.h"
#include "remote/remotecontroller.h"
#include "views/applicationpage.h"
#include "views/apptreepanel.h"
#include "views/clusterpicker.h"
#include "views/matrixview.h"
#include "yamlview.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace capstan::ui {

namespace {

struct FileRead
{
    QString text;
    QString error;
};

FileRead readTextFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {QString(), file.errorString()};
    return {QString::fromUtf8(file.readAll()), QString()};
}

const QString kRecentKey = QStringLiteral("workspaces/recent");
constexpr int kRecentMax = 8;

// The engine as the user's settings ask: how often Git and the cluster are
// polled ("engine/pollIntervalSeconds", three minutes unless set, ten at least).
EngineSettings configuredEngineSettings()
{
    EngineSettings settings;
    const int seconds = QSettings().value(QStringLiteral("engine/pollIntervalSeconds"), 180).toInt();
    settings.pollIntervalMs = std::max(seconds, 10) * 1000;
    return settings;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : MainWindow(configuredEngineSettings(), parent)
{
}

MainWindow::MainWindow(EngineSettings settings, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(new EngineClient(std::move(settings), this))
    , m_stack(new QStackedWidget(this))
    , m_yamlView(new YamlView(this))
    , m_tree(new AppTreePanel(this))
    , m_matrix(new MatrixView(this))
    , m_page(new ApplicationPage(m_engine, this))
    , m_statusLabel(new QLabel(this))
    , m_snapshotLabel(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_remote(new RemoteController(m_engine, this))
{
    setWindowTitle(tr("Capstan"));
    setObjectName(QStringLiteral("MainWindow"));
    m_yamlView->setPlaceholderText(tr("Open a manifest with File → Open Manifest… (Ctrl+O)."));

    auto *centre = new QSplitter(Qt::Vertical, this);
    centre->setObjectName(QStringLiteral("centreSplitter"));
    centre->addWidget(m_matrix);
    centre->addWidget(m_page);
    centre->setStretchFactor(0, 2);
    centre->setStretchFactor(1, 3);
    centre->setSizes({380, 520}); // the matrix's five or so rows without scrolling
    m_stack->addWidget(centre);
    m_stack->addWidget(m_yamlView);
    m_stack->setCurrentWidget(m_yamlView);
    setCentralWidget(m_stack);

    auto *dock = new QDockWidget(tr("Applications"), this);
    dock->setObjectName(QStringLiteral("applicationsDock"));
    dock->setWidget(m_tree);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    resizeDocks({dock}, {360}, Qt::Horizontal);

    statusBar()->addWidget(m_statusLabel, 1);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(140);
    m_busy->setAccessibleName(tr("Working"));
    m_busy->hide();
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_remote->statusLabel());
    statusBar()->addPermanentWidget(m_snapshotLabel);
    m_statusLabel->setText(tr("Ready"));
    createMenus();
    connectEngine();

    connect(m_tree, &AppTreePanel::appSelected, this, &MainWindow::selectApp);
    connect(m_matrix, &MatrixView::appSelected, this, &MainWindow::selectApp);
    connect(m_page, &ApplicationPage::syncRequested, this, &MainWindow::openSyncDialog);
    connect(m_page, &ApplicationPage::calendarRequested, this, &MainWindow::openCalendar);
    connect(m_page, &ApplicationPage::rollbackRequested, this, &MainWindow::openRollbackDialog);
    connect(m_page, &ApplicationPage::promoteRequested, this, &MainWindow::openPromoteDialog);

    const QSettings stored;
    if (!restoreGeometry(stored.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(1400, 900);
    restoreState(stored.value(QStringLiteral("mainWindow/state")).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *openWs = file->addAction(tr("Open &Workspace…"), this, &MainWindow::chooseWorkspace);
    openWs->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    file->addAction(tr("Open &Demo Workspace"), this, &MainWindow::openDemo);
    m_recentMenu = file->addMenu(tr("&Recent Workspaces"));
    updateRecentMenu();
    QAction *open = file->addAction(tr("&Open Manifest…"), this, &MainWindow::chooseManifest);
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *find = view->addAction(tr("&Find Application"), m_tree, &AppTreePanel::focusFilter);
    find->setShortcut(QKeySequence::Find);
    view->addAction(tr("&Workspace"), this, [this] { m_stack->setCurrentIndex(0); });
    view->addAction(tr("&Manifest Viewer"), this, [this] { m_stack->setCurrentWidget(m_yamlView); });

    QMenu *app = menuBar()->addMenu(tr("&Application"));
    QAction *refresh = app->addAction(tr("&Refresh"), m_engine, &EngineClient::refresh);
    refresh->setShortcut(QKeySequence::Refresh);
    QAction *syncAction = app->addAction(tr("&Sync…"), this, [this] { openSyncDialog(m_selected); });
    syncAction->setShortcut(QKeySequence(tr("Ctrl+Shift+S")));
    app->addAction(tr("R&ollback…"), this, [this] { openRollbackDialog(m_selected); });
    app->addAction(tr("&Promote…"), this, [this] { openPromoteDialog(m_selected); });
    QAction *diff = app->addAction(tr("&Diff"), this, [this] {
        m_stack->setCurrentIndex(0);
        m_page->showTab(ApplicationPage::DiffTab);
    });
    diff->setShortcut(QKeySequence(tr("Ctrl+D")));
    QAction *historyAction = app->addAction(tr("&History"), this, [this] {
        m_stack->setCurrentIndex(0);
        m_page->showTab(ApplicationPage::HistoryTab);
    });
    historyAction->setShortcut(QKeySequence(tr("Ctrl+H")));
    app->addAction(tr("Sync &Windows…"), this, [this] { openCalendar(m_selected); });

    menuBar()->addMenu(m_remote->menu());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Capstan"), this, &MainWindow::showAbout);

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->addAction(refresh);
    toolbar->addAction(syncAction);
    toolbar->addAction(diff);
    toolbar->addAction(historyAction);
    toolbar->addSeparator();
    m_clusters = new ClusterPicker(m_engine, toolbar);
    toolbar->addWidget(m_clusters);
}

void MainWindow::connectEngine()
{
    EngineWorker *worker = m_engine->worker();
    connect(worker, &EngineWorker::busy, this, [this](const QString &message) {
        m_statusLabel->setText(message);
        m_busy->show();
    });
    connect(worker, &EngineWorker::failed, this, [this](const QString &message) {
        m_statusLabel->setText(message);
        m_busy->hide();
    });
    connect(worker, &EngineWorker::workspaceOpened, this, [this](const QString &path, const QString &branch) {
        m_workspace = path;
        m_branch = branch;
        // Until the first refresh of this workspace (or cluster) there is nothing to show.
        m_tree->setSnapshot(nullptr);
        m_matrix->setSnapshot(nullptr);
        m_page->setSnapshot(nullptr);
        m_snapshotLabel->setText(tr("Not refreshed yet"));
        setWindowTitle(tr("%1 — Capstan").arg(QFileInfo(path).fileName()));
        m_stack->setCurrentIndex(0);
        rememberWorkspace(path);
    });
    connect(worker, &EngineWorker::argoCdOpened, this, [this](const QString &context, const QString &ns) {
        // Argo CD's applications replace the workspace's in every view.
        m_tree->setSnapshot(nullptr);
        m_matrix->setSnapshot(nullptr);
        m_page->setSnapshot(nullptr);
        m_snapshotLabel->setText(tr("Not refreshed yet"));
        setWindowTitle(tr("Argo CD in %1 (namespace %2) — Capstan").arg(context, ns));
    });
    connect(m_engine, &EngineClient::snapshotChanged, this, &MainWindow::showSnapshot);
    connect(m_remote, &RemoteController::actionFinished, this,
            [this](const QString &, bool, const QString &message) {
                m_statusLabel->setText(message.section(QLatin1Char('\n'), 0, 0));
                m_busy->hide();
            });
    connect(worker, &EngineWorker::operationFinished, this,
            [this](const QString &app, const sync::OperationState &state) {
                m_statusLabel->setText(tr("%1: %2 — %3")
                                           .arg(app, QString::fromLatin1(sync::toString(state.phase)),
                                                QString::fromStdString(state.message)));
            });
}

void MainWindow::showSnapshot(SnapshotPtr snapshot)
{
    m_busy->hide();
    m_tree->setSnapshot(snapshot);
    m_matrix->setSnapshot(snapshot);
    m_page->setSnapshot(snapshot);
    m_snapshotLabel->setText(tr("Refreshed %1 · branch %2 · %3")
                                 .arg(QLocale().toString(snapshot->refreshedAt.toLocalTime().time(),
                                                         QLocale::ShortFormat),
                                      snapshot->branch.empty() ? m_branch
                                                               : QString::fromStdString(snapshot->branch),
                                      QString::fromStdString(snapshot->headRevision.substr(0, 7))));
    m_statusLabel->setText(snapshot->errors.empty()
                               ? tr("%n application(s)", nullptr, int(snapshot->apps.size()))
                               : QString::fromStdString(snapshot->errors.front().toString()));
    if (m_selected.isEmpty() && !snapshot->apps.empty()) {
        // Start where a release manager looks first: the first application waiting out of sync.
        QString first = QString::fromStdString(snapshot->roots.empty() ? snapshot->apps.front().name
                                                                       : snapshot->roots.front());
        for (const engine::AppState &app : snapshot->apps)
            if (app.sync == compare::SyncStatus::OutOfSync && !app.automated) {
                first = QString::fromStdString(app.name);
                break;
            }
        selectApp(first);
    }
}

void MainWindow::selectApp(const QString &app)
{
    if (app.isEmpty())
        return;
    m_selected = app;
    m_tree->selectApp(app);
    m_matrix->selectApp(app);
    m_page->setApp(app);
}

SyncDialog *MainWindow::openSyncDialog(const QString &app)
{
    const SnapshotPtr snapshot = m_engine->snapshot();
    const engine::AppState *state = snapshot ? snapshot->app(app.toStdString()) : nullptr;
    if (!state)
        return nullptr;
    auto *dialog = new SyncDialog(m_engine, *state, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

RollbackDialog *MainWindow::openRollbackDialog(const QString &app)
{
    const SnapshotPtr snapshot = m_engine->snapshot();
    if (!snapshot || !snapshot->app(app.toStdString()))
        return nullptr;
    auto *dialog = new RollbackDialog(m_engine, app, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

PromoteDialog *MainWindow::openPromoteDialog(const QString &app)
{
    const SnapshotPtr snapshot = m_engine->snapshot();
    if (!snapshot)
        return nullptr;
    const ServiceMatrix matrix = buildServiceMatrix(*snapshot);
    const auto place = matrix.placeOf.find(app.toStdString());
    if (place == matrix.placeOf.end())
        return nullptr;
    auto *dialog = new PromoteDialog(m_engine, QString::fromStdString(place->second.service),
                                     QString::fromStdString(place->second.environment), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

CalendarDialog *MainWindow::openCalendar(const QString &app)
{
    const SnapshotPtr snapshot = m_engine->snapshot();
    const engine::AppState *state = snapshot ? snapshot->app(app.toStdString()) : nullptr;
    if (!state || !m_engine->windows())
        return nullptr;
    auto *dialog = new CalendarDialog(*m_engine->windows(), *state, m_engine->now(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

QString MainWindow::demoDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo");
}

void MainWindow::openDemo()
{
    m_selected.clear();
    m_engine->openDemo(demoDirectory());
}

void MainWindow::openWorkspace(const QString &path)
{
    m_selected.clear();
    m_engine->openWorkspace(path);
}

void MainWindow::chooseWorkspace()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Workspace"), m_workspace);
    if (!dir.isEmpty())
        openWorkspace(dir);
}

void MainWindow::rememberWorkspace(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kRecentMax)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString &path : recent)
        m_recentMenu->addAction(path, this, [this, path] { openWorkspace(path); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::chooseManifest()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Manifest"), QString(),
                                                      tr("YAML files (*.yaml *.yml);;All files (*)"));
    if (!path.isEmpty())
        openManifest(path);
}

void MainWindow::openManifest(const QString &path)
{
    m_statusLabel->setText(tr("Reading %1…").arg(path));
    auto *watcher = new QFutureWatcher<FileRead>(this);
    connect(watcher, &QFutureWatcher<FileRead>::finished, this, [this, watcher, path] {
        const FileRead result = watcher->result();
        watcher->deleteLater();
        if (!result.error.isEmpty()) {
            m_statusLabel->setText(tr("Cannot open %1: %2").arg(path, result.error));
            Q_EMIT manifestFailed(path, result.error);
            return;
        }
        m_yamlView->setYaml(result.text);
        m_stack->setCurrentWidget(m_yamlView);
        setWindowTitle(tr("%1 — Capstan").arg(QFileInfo(path).fileName()));
        m_statusLabel->setText(path);
        Q_EMIT manifestShown(path);
    });
    watcher->setFuture(QtConcurrent::run(readTextFile, path));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Capstan"),
                       tr("<h3>Capstan %1</h3><p>A desktop console for GitOps deployments: "
                          "what Git wants, what the cluster runs, and the way between them.</p>")
                           .arg(QString::fromLatin1(capstan::kVersion)));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    event->accept();
}

} // namespace capstan::ui
