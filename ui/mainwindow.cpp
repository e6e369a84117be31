#include "mainwindow.h"

#include "common/version.h"
#include "yamlview.h"

#include <QApplication>
#include <QCloseEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

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

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_yamlView(new YamlView(this))
    , m_statusLabel(new QLabel(this))
{
    setWindowTitle(tr("Capstan"));
    setObjectName(QStringLiteral("MainWindow"));
    m_yamlView->setPlaceholderText(tr("Open a manifest with File → Open Manifest… (Ctrl+O)."));
    setCentralWidget(m_yamlView);
    statusBar()->addWidget(m_statusLabel, 1);
    m_statusLabel->setText(tr("Ready"));
    createMenus();

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(1200, 800);
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Manifest…"), this, &MainWindow::chooseManifest);
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Capstan"), this, &MainWindow::showAbout);
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
