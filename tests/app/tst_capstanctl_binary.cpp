#include "kustomize/render.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// The capstanctl executable itself: `render DIR` takes its own fast path, every
// other command is loaded from capstanctl_commands; both must behave as one
// program.
class TestCapstanctlBinary : public QObject
{
    Q_OBJECT

    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };

    static Run capstanctl(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(CAPSTANCTL), arguments);
        process.waitForFinished(60000);
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
                process.readAllStandardError()};
    }

    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QDir().mkpath(QFileInfo(path).path());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return path;
    }

private Q_SLOTS:
    void renderPrintsWhatTheRendererRenders()
    {
        write(QStringLiteral("app/kustomization.yaml"),
              "resources:\n- deploy.yaml\nnamePrefix: dev-\ncommonLabels:\n  team: shop\n");
        write(QStringLiteral("app/deploy.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"
                                                 "spec:\n  template:\n    spec:\n      containers:\n"
                                                 "      - name: web\n        image: web:1\n");
        const QString dir = m_dir.filePath(QStringLiteral("app"));
        const Run run = capstanctl({QStringLiteral("render"), dir});
        QCOMPARE(run.code, 0);
        auto expected = capstan::kustomize::renderDirectory(dir.toStdString());
        QVERIFY(expected.ok());
        QCOMPARE(run.out, QByteArray::fromStdString(expected->yaml));
        QVERIFY(run.out.contains("name: dev-web"));
        // commonLabels is deprecated: kustomize's warning goes to stderr.
        QVERIFY2(run.err.contains("commonLabels"), run.err.constData());
    }

    void aBrokenKustomizationIsOneLineAndNoOutput()
    {
        write(QStringLiteral("broken/kustomization.yaml"), "resources:\n- missing.yaml\n");
        const Run run = capstanctl({QStringLiteral("render"), m_dir.filePath(QStringLiteral("broken"))});
        QCOMPARE(run.code, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.startsWith("capstanctl render: ") && run.err.count('\n') == 1, run.err.constData());
        QVERIFY(run.err.contains("missing.yaml"));
    }

    // `capstanctl render DIR` runs once per overlay, like `kubectl kustomize`:
    // its start-up is most of its time, and loading QtCore (with ICU and the
    // rest) would double it; libstdc++ and yaml-cpp are linked in. The dynamic
    // loader lists what it would load.
    void theRenderPathLoadsOnlyTheCLibraryAndMimalloc()
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("LD_TRACE_LOADED_OBJECTS"), QStringLiteral("1"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(CAPSTANCTL), {QStringLiteral("render"), m_dir.path()});
        QVERIFY(process.waitForFinished(60000));
        const QByteArray libraries = process.readAllStandardOutput();
        QVERIFY2(libraries.contains("libc.so"), libraries.constData()); // the list was printed
        QVERIFY2(!libraries.contains("libQt6"), libraries.constData());
        QVERIFY2(!libraries.contains("libicu"), libraries.constData());
        QVERIFY2(!libraries.contains("libstdc++"), libraries.constData());
        QVERIFY2(!libraries.contains("libyaml-cpp"), libraries.constData());
        QVERIFY2(libraries.contains("libmimalloc"), libraries.constData());
    }

    void otherCommandsComeFromTheCommandLibrary()
    {
        const Run version = capstanctl({QStringLiteral("--version")});
        QCOMPARE(version.code, 0);
        QVERIFY2(version.out.startsWith("capstanctl "), version.out.constData());
        const Run help = capstanctl({QStringLiteral("render"), QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QVERIFY2(help.out.contains("--revision REV"), help.out.constData());
        const Run usage = capstanctl({QStringLiteral("render")});
        QCOMPARE(usage.code, 2);
        QVERIFY(usage.err.contains("expected one directory"));
    }
};

QTEST_GUILESS_MAIN(TestCapstanctlBinary)
#include "tst_capstanctl_binary.moc"
