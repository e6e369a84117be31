// The kustomize conformance suite: every case under conformance/cases is
// rendered with Capstan and compared, byte for byte, with what
// `kubectl kustomize` printed when the case was recorded (regenerate.sh).
#include "conformance/conformancecase.h"
#include "kustomize/render.h"

#include <QTest>

using namespace capstan::conformance;

class TestConformance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_cases = loadCases(QStringLiteral(CAPSTAN_TEST_DATA "/conformance/cases"));
        // The issue asks for at least 60 trees; a shrinking corpus is a regression.
        QVERIFY2(m_cases.size() >= 60, qPrintable(QStringLiteral("only %1 cases").arg(m_cases.size())));
    }

    void renderMatchesKubectl_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < m_cases.size(); ++i)
            QTest::newRow(qPrintable(m_cases[i].data.name)) << i;
    }

    void renderMatchesKubectl()
    {
        QFETCH(int, index);
        const LoadedCase &loaded = m_cases[index];
        QVERIFY2(loaded.problem.isEmpty(), qPrintable(loaded.problem));
        const ConformanceCase &c = loaded.data;

        const auto result = capstan::kustomize::renderDirectory(c.renderDir.toStdString());
        if (c.expectError) {
            QVERIFY2(!result.ok(), "Capstan rendered a tree that kubectl kustomize refuses");
            const QString message = QString::fromStdString(result.error().toString());
            const QStringList missing = missingParts(message, c.expectedErrorParts, c.folder);
            if (!missing.isEmpty())
                QFAIL(qPrintable(QStringLiteral("error message \"%1\" does not mention: %2")
                                     .arg(message, missing.join(QStringLiteral(", ")))));
            return;
        }

        // QVERIFY2 evaluates its message even on success, so messages that
        // read the error or diff the texts are only built on failure.
        if (!result.ok())
            QFAIL(
                qPrintable(QStringLiteral("render failed: %1").arg(QString::fromStdString(result.error().toString()))));
        const QByteArray yaml = QByteArray::fromStdString(result.value().yaml);
        if (yaml != c.expectedYaml)
            QFAIL(qPrintable(
                QStringLiteral("stdout differs from expected.yaml:\n") + firstDifference(c.expectedYaml, yaml)));
        const QByteArray warnings = stderrText(result.value().warnings);
        if (warnings != c.expectedStderr)
            QFAIL(qPrintable(QStringLiteral("warnings differ from expected.stderr:\n")
                + firstDifference(c.expectedStderr, warnings)));
    }

    // The harness itself: a difference report must point at the first
    // differing line, or a failing case would be hard to read.
    void firstDifferenceNamesTheLine()
    {
        const QString report = firstDifference("a: 1\nb: 2\nc: 3\n", "a: 1\nb: 20\nc: 3\n");
        QVERIFY2(report.startsWith(QStringLiteral("first difference at line 2")), qPrintable(report));
        QVERIFY(report.contains(QStringLiteral(" - b: 2\n")));
        QVERIFY(report.contains(QStringLiteral(" + b: 20\n")));
        QVERIFY(firstDifference("x\n", "x\n").isEmpty());
        QVERIFY(firstDifference("x\n", "x").contains(QStringLiteral("final newline")));
    }

    // Error substrings must be found in the message, not in the case's path.
    void errorPartsIgnoreTheCaseFolder()
    {
        const QString folder = QStringLiteral("/cases/110-error-resource-without-kind");
        const QStringList parts { QStringLiteral("cm.yaml"), QStringLiteral("kind") };
        QCOMPARE(missingParts(folder + QStringLiteral("/cm.yaml:1:1: no such object"), parts, folder),
            QStringList { QStringLiteral("kind") });
        QVERIFY(missingParts(folder + QStringLiteral("/cm.yaml:1:1: missing kind"), parts, folder).isEmpty());
    }

private:
    QList<LoadedCase> m_cases;
};

QTEST_GUILESS_MAIN(TestConformance)
#include "tst_conformance.moc"
