#pragma once

#include "engine/enginetypes.h"

#include <QMainWindow>

class QLabel;
class QMenu;
class QProgressBar;
class QStackedWidget;

namespace capstan::ui {

class AppTreePanel;
class ApplicationPage;
class CalendarDialog;
class EngineClient;
class MatrixView;
class SyncDialog;
class RollbackDialog;
class PromoteDialog;
class ClusterPicker;
class RemoteController;
class YamlView;

// The console's main window: the app-of-apps tree on the left, the
// environment matrix and the selected application's page in the centre, the
// engine on its own thread behind them.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    explicit MainWindow(EngineSettings settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Reads the file off the GUI thread and shows it; errors go to the status bar.
    void openManifest(const QString &path);
    // Opens a GitOps repository (remembered among the recent workspaces).
    void openWorkspace(const QString &path);
    // Opens the demo workspace, creating it in the application data folder first.
    void openDemo();
    static QString demoDirectory();

    void selectApp(const QString &app);
    QString selectedApp() const { return m_selected; }
    // Opens the Sync dialog of an application (non-modal); nullptr when it is unknown.
    SyncDialog *openSyncDialog(const QString &app);
    CalendarDialog *openCalendar(const QString &app);
    RollbackDialog *openRollbackDialog(const QString &app);
    // Promotes the application's service from its environment (to the next one by default).
    PromoteDialog *openPromoteDialog(const QString &app);

    YamlView *yamlView() const { return m_yamlView; }
    EngineClient *engine() const { return m_engine; }
    AppTreePanel *treePanel() const { return m_tree; }
    MatrixView *matrixView() const { return m_matrix; }
    ApplicationPage *applicationPage() const { return m_page; }
    RemoteController *remote() const { return m_remote; }
    ClusterPicker *clusterPicker() const { return m_clusters; }

Q_SIGNALS:
    void manifestShown(const QString &path);
    void manifestFailed(const QString &path, const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void connectEngine();
    void chooseManifest();
    void chooseWorkspace();
    void rememberWorkspace(const QString &path);
    void updateRecentMenu();
    void showSnapshot(SnapshotPtr snapshot);
    void showAbout();

    EngineClient *m_engine;
    QStackedWidget *m_stack;
    YamlView *m_yamlView;
    AppTreePanel *m_tree;
    MatrixView *m_matrix;
    ApplicationPage *m_page;
    QLabel *m_statusLabel;
    QLabel *m_snapshotLabel;
    QProgressBar *m_busy;
    RemoteController *m_remote;
    ClusterPicker *m_clusters = nullptr;
    QMenu *m_recentMenu = nullptr;
    QString m_selected;
    QString m_workspace;
    QString m_branch;
};

} // namespace capstan::ui
