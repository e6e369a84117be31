// Live re-check of the conformance corpus: when kubectl is on PATH, every
// case is rendered again by `kubectl kustomize` and by Capstan, in the same
// run, so that a stale expected.yaml cannot hide a difference.
#include "conformance/conformancecase.h"
#include "kustomize/render.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace capstan::conformance;

namespace {

struct KubectlRun
{
    bool ok = false;
    QByteArray out;
    QByteArray err;
};

KubectlRun runKubectl(const QString &kubectl, const ConformanceCase &c)
{
    QProcess process;
    // From inside the case, as regenerate.sh does, so printed paths are relative.
    process.setWorkingDirectory(c.folder);
    process.start(kubectl, { QStringLiteral("kustomize"), c.renderPath });
    KubectlRun run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace

class TestConformanceLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
        if (m_kubectl.isEmpty())
            QSKIP("kubectl is not on PATH; the stored expectations are checked by tst_conformance");
        m_cases = loadCases(QStringLiteral(CAPSTAN_TEST_DATA "/conformance/cases"));
        QVERIFY(!m_cases.isEmpty());
    }

    void capstanMatchesLiveKubectl_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < m_cases.size(); ++i)
            QTest::newRow(qPrintable(m_cases[i].data.name)) << i;
    }

    void capstanMatchesLiveKubectl()
    {
        QFETCH(int, index);
        const ConformanceCase &c = m_cases[index].data;
        const KubectlRun kubectl = runKubectl(m_kubectl, c);
        const auto capstan = capstan::kustomize::renderDirectory(c.renderDir.toStdString());

        if (!kubectl.ok) {
            if (capstan.ok())
                QFAIL(qPrintable(QStringLiteral("kubectl failed (%1) but Capstan rendered the tree")
                                     .arg(QString::fromUtf8(kubectl.err.trimmed()))));
            // The stored case must agree that this tree is an error.
            QVERIFY2(c.expectError, "kubectl now refuses a case recorded as valid; run regenerate.sh");
            return;
        }
        QVERIFY2(!c.expectError, "kubectl now accepts a case recorded as an error");
        // Messages are built only on failure: QVERIFY2 would evaluate them always.
        if (!capstan.ok())
            QFAIL(qPrintable(
                QStringLiteral("render failed: %1").arg(QString::fromStdString(capstan.error().toString()))));
        const QByteArray yaml = QByteArray::fromStdString(capstan.value().yaml);
        if (yaml != kubectl.out)
            QFAIL(qPrintable(QStringLiteral("stdout differs from kubectl:\n") + firstDifference(kubectl.out, yaml)));
        const QByteArray warnings = stderrText(capstan.value().warnings);
        if (warnings != kubectl.err)
            QFAIL(qPrintable(
                QStringLiteral("warnings differ from kubectl's stderr:\n") + firstDifference(kubectl.err, warnings)));
    }

private:
    QString m_kubectl;
    QList<LoadedCase> m_cases;
};

QTEST_GUILESS_MAIN(TestConformanceLive)
#include "tst_conformance_live.moc"
