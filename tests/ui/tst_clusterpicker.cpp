#include "demofixture.h"
#include "workerspy.h"
#include "views/clusterpicker.h"

#include <QComboBox>
#include <QFile>

using namespace capstan;
using namespace capstan::ui;

// The console's choice of cluster: the sandbox, or a kubeconfig context. The
// contexts here point at a closed port on 127.0.0.1, so choosing one shows
// the cluster's failure, and choosing the sandbox again brings it back.
class TestClusterPicker : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;
    test::DemoEngine m_engine;

private Q_SLOTS:
    void initTestCase()
    {
        QFile kubeconfig(m_config.filePath(QStringLiteral("config")));
        QVERIFY(kubeconfig.open(QIODevice::WriteOnly));
        kubeconfig.write("apiVersion: v1\nkind: Config\ncurrent-context: alpha\n"
                         "clusters:\n"
                         "- name: closed\n  cluster:\n    server: https://127.0.0.1:1\n"
                         "users:\n- name: ops\n  user:\n    token: not-a-real-token\n"
                         "contexts:\n"
                         "- name: alpha\n  context:\n    cluster: closed\n    user: ops\n"
                         "- name: beta\n  context:\n    cluster: closed\n    user: ops\n    namespace: shop\n");
        kubeconfig.close();
        qputenv("KUBECONFIG", kubeconfig.fileName().toLocal8Bit());
        QVERIFY(m_engine.start());
    }

    void listsTheSandboxAndEveryContext()
    {
        ClusterPicker picker(m_engine.client.get());
        QSignalSpy shown(&picker, &ClusterPicker::contextsShown);
        QVERIFY(shown.wait(60000));
        QCOMPARE(picker.combo()->count(), 6); // with a separator before the Argo CD entries
        QCOMPARE(picker.combo()->itemText(1), QStringLiteral("alpha"));
        QCOMPARE(picker.combo()->itemText(2), QStringLiteral("beta"));
        QCOMPARE(picker.combo()->itemText(4), QStringLiteral("Argo CD in alpha"));
        QCOMPARE(picker.combo()->itemText(5), QStringLiteral("Argo CD in beta"));
        QCOMPARE(picker.combo()->currentIndex(), 0); // the sandbox, whatever current-context says
        QCOMPARE(picker.currentContext(), QString());
    }

    void aContextThatCannotBeReachedSaysSoAndTheSandboxComesBack()
    {
        ClusterPicker picker(m_engine.client.get());
        QSignalSpy shown(&picker, &ClusterPicker::contextsShown);
        QVERIFY(shown.wait(60000));
        shown.clear();

        test::WorkerSpy failed(m_engine.client->worker(), &EngineWorker::failed);
        picker.combo()->setFocus();
        QTest::keyClick(picker.combo(), Qt::Key_Down); // to "alpha"
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 60000);
        const QString message = failed.last().first().toString();
        QVERIFY2(message.contains(QStringLiteral("127.0.0.1:1")), qPrintable(message));
        // Nothing of the sandbox is shown as the state of the cluster chosen.
        QVERIFY(m_engine.client->snapshot() == nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 60000);
        QCOMPARE(picker.currentContext(), QStringLiteral("alpha"));

        // Argo CD in a cluster that cannot be reached: the same, and its name says which.
        failed.clear();
        shown.clear();
        picker.combo()->setCurrentIndex(4);
        Q_EMIT picker.combo()->activated(4);
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 60000);
        QVERIFY2(failed.last().first().toString().contains(QStringLiteral("Argo CD")),
                 qPrintable(failed.last().first().toString()));
        QVERIFY(m_engine.client->snapshot() == nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 60000);
        QVERIFY(picker.argoCdIsEngine());

        QSignalSpy snapshots(m_engine.client.get(), &EngineClient::snapshotChanged);
        picker.combo()->setCurrentIndex(1);
        QTest::keyClick(picker.combo(), Qt::Key_Up); // back to the sandbox
        QVERIFY(snapshots.wait(60000));
        QVERIFY(m_engine.client->snapshot()->app("order-service-prod") != nullptr);
        QTRY_COMPARE_WITH_TIMEOUT(picker.currentContext(), QString(), 60000);
    }
};

QTEST_MAIN(TestClusterPicker)
#include "tst_clusterpicker.moc"
