#include "demofixture.h"
#include "engine/engineclient.h"
#include "mainwindow.h"
#include "models/apptreemodel.h"
#include "models/environmentmatrixmodel.h"
#include "views/applicationpage.h"
#include "views/apptreepanel.h"
#include "views/matrixview.h"
#include "yamlview.h"

#include <QLineEdit>
#include <QTreeView>

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
        QVERIFY(shown.wait(60000));
        QVERIFY(window.yamlView()->toPlainText().contains(QStringLiteral("name: frontend")));
        QVERIFY(window.windowTitle().contains(QStringLiteral("service.yaml")));
    }

    void reportsAMissingFile()
    {
        MainWindow window;
        window.yamlView()->setYaml(QStringLiteral("kept: true\n"));
        QSignalSpy failed(&window, &MainWindow::manifestFailed);
        window.openManifest(QStringLiteral("/nonexistent/capstan/app.yaml"));
        QVERIFY(failed.wait(60000));
        QCOMPARE(failed.first().at(0).toString(), QStringLiteral("/nonexistent/capstan/app.yaml"));
        QCOMPARE(window.yamlView()->toPlainText(), QStringLiteral("kept: true\n"));
    }

    void showsTheDemoWorkspaceAndFollowsTheSelection()
    {
        QTemporaryDir dir;
        capstan::ui::EngineSettings settings;
        settings.clock = capstan::engine::ClockMode::Simulated;
        settings.now = [] { return capstan::test::kWednesday; };
        settings.pollIntervalMs = 24 * 3600 * 1000;
        MainWindow window(settings);
        QSignalSpy snapshots(window.engine(), &capstan::ui::EngineClient::snapshotChanged);
        window.engine()->openDemo(dir.filePath(QStringLiteral("demo")));
        QVERIFY(snapshots.wait(120000));
        // The first application waiting for a person is selected.
        QCOMPARE(window.selectedApp(), QStringLiteral("order-service-prod"));
        QCOMPARE(window.applicationPage()->app(), QStringLiteral("order-service-prod"));

        auto *matrix = window.matrixView();
        QCOMPARE(matrix->model()->rowCount(), 5);
        const QModelIndex cell = matrix->matrixModel()->indexOf(QStringLiteral("frontend-staging"));
        matrix->setCurrentIndex(cell);
        QCOMPARE(window.selectedApp(), QStringLiteral("frontend-staging"));
        QCOMPARE(window.treePanel()->selectedApp(), QStringLiteral("frontend-staging"));
        QCOMPARE(window.applicationPage()->app(), QStringLiteral("frontend-staging"));

        // Ctrl+F focuses the filter; typing filters the tree.
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QVERIFY(window.treePanel()->filter()->hasFocus());
        QTest::keyClicks(window.treePanel()->filter(), QStringLiteral("payment-service-prod"));
        QCOMPARE(window.treePanel()->proxy()->rowCount(), 1);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
