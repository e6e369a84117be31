#include "mainwindow.h"
#include "yamlview.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using capstan::ui::MainWindow;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void opensAManifestWithoutBlocking()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("service.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("apiVersion: v1\nkind: Service\nmetadata:\n  name: frontend\n");
        file.close();

        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::manifestShown);
        window.openManifest(path);
        QVERIFY(shown.wait());
        QVERIFY(window.yamlView()->toPlainText().contains(QStringLiteral("name: frontend")));
        QVERIFY(window.windowTitle().contains(QStringLiteral("service.yaml")));
    }

    void reportsAMissingFile()
    {
        MainWindow window;
        window.yamlView()->setYaml(QStringLiteral("kept: true\n"));
        QSignalSpy failed(&window, &MainWindow::manifestFailed);
        window.openManifest(QStringLiteral("/nonexistent/capstan/app.yaml"));
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().at(0).toString(), QStringLiteral("/nonexistent/capstan/app.yaml"));
        QCOMPARE(window.yamlView()->toPlainText(), QStringLiteral("kept: true\n"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
