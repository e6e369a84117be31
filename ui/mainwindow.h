#pragma once

#include <QMainWindow>

class QLabel;

namespace capstan::ui {

class YamlView;

// The console's main window: menus, status bar and the central area the
// application views grow into.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Reads the file off the GUI thread and shows it; errors go to the status bar.
    void openManifest(const QString &path);
    YamlView *yamlView() const { return m_yamlView; }

Q_SIGNALS:
    void manifestShown(const QString &path);
    void manifestFailed(const QString &path, const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void chooseManifest();
    void showAbout();

    YamlView *m_yamlView;
    QLabel *m_statusLabel;
};

} // namespace capstan::ui
