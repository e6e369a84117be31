#include "ctlrun.h"
#include "demo/demo_repository.h"
#include "kustomize/render.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan;
using test::capstanctl;
using test::Run;

namespace {

void write(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

} // namespace

class TestRenderCommand : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    demo::DemoRepository m_demo;

private Q_SLOTS:
    void initTestCase()
    {
        auto demo = demo::createDemoRepository(m_dir.filePath(QStringLiteral("shop")));
        QVERIFY(demo.ok());
        m_demo = *demo;
    }

    void printsTheRenderAndWarnings()
    {
        const QString dir = m_dir.filePath(QStringLiteral("plain"));
        write(dir + QStringLiteral("/kustomization.yaml"), "commonLabels:\n  team: shop\nresources:\n- cm.yaml\n");
        write(dir + QStringLiteral("/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n");
        const Run run = capstanctl({QStringLiteral("render"), dir});
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out, std::string("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    team: shop\n"
                                      "  name: settings\n"));
        QVERIFY2(run.err.find("commonLabels") != std::string::npos, run.err.c_str());
    }

    void anErrorPrintsOneMessageAndNoOutput()
    {
        const QString dir = m_dir.filePath(QStringLiteral("broken"));
        write(dir + QStringLiteral("/kustomization.yaml"), "resources:\n- missing.yaml\n");
        const Run run = capstanctl({QStringLiteral("render"), dir});
        QCOMPARE(run.code, 1);
        QVERIFY(run.out.empty());
        QVERIFY2(run.err.find("missing.yaml") != std::string::npos, run.err.c_str());
        QCOMPARE(std::count(run.err.begin(), run.err.end(), '\n'), 1L);
    }

    void warningsComeBeforeAnErrorAsKubectlPrintsThem()
    {
        // The deprecations of what was read before the failure, then the one error
        // (kubectl kustomize prints the same two warnings for this tree).
        const QString dir = m_dir.filePath(QStringLiteral("deprecated-and-broken"));
        write(dir + QStringLiteral("/base/kustomization.yaml"), "resources:\n- cm.yaml\n");
        write(dir + QStringLiteral("/base/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n");
        write(dir + QStringLiteral("/kustomization.yaml"),
              "bases:\n- base\ncommonLabels:\n  team: shop\nresources:\n- missing.yaml\n");
        const Run run = capstanctl({QStringLiteral("render"), dir});
        QCOMPARE(run.code, 1);
        QVERIFY(run.out.empty());
        const QList<QByteArray> lines = QByteArray::fromStdString(run.err).trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines[0].startsWith("# Warning: 'bases' is deprecated."), lines[0].constData());
        QVERIFY2(lines[1].startsWith("# Warning: 'commonLabels' is deprecated."), lines[1].constData());
        QVERIFY2(lines[2].contains("missing.yaml"), lines[2].constData());
    }

    void rendersAGitRevision()
    {
        const QString overlay = m_demo.path + QStringLiteral("/k8s/overlays/prod/order-service");
        const Run old = capstanctl({QStringLiteral("render"), QStringLiteral("--revision"), m_demo.prodRevision, overlay});
        QCOMPARE(old.code, 0);
        QVERIFY(old.out.find("order-service:v1.1.0") != std::string::npos);
        const Run byRepo = capstanctl({QStringLiteral("render"), QStringLiteral("--revision"), QStringLiteral("HEAD"),
                                       QStringLiteral("--repo"), m_demo.path,
                                       QStringLiteral("k8s/overlays/prod/order-service")});
        QCOMPARE(byRepo.code, 0);
        auto onDisk = kustomize::renderDirectory(overlay.toStdString());
        QVERIFY(onDisk.ok());
        QCOMPARE(byRepo.out, onDisk->yaml);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no directory") << QStringList{QStringLiteral("render")};
        QTest::newRow("two directories") << QStringList{QStringLiteral("render"), QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("render"), QStringLiteral("--frobnicate"), QStringLiteral("a")};
        QTest::newRow("repo without revision")
            << QStringList{QStringLiteral("render"), QStringLiteral("--repo"), QStringLiteral("x"), QStringLiteral("a")};
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        const Run run = capstanctl(args);
        QCOMPARE(run.code, 2);
        QVERIFY(run.out.empty());
        QVERIFY(!run.err.empty());
    }

    void unknownRevisionIsNamed()
    {
        const Run run = capstanctl({QStringLiteral("render"), QStringLiteral("--revision"), QStringLiteral("nope123"),
                                    QStringLiteral("--repo"), m_demo.path, QStringLiteral("k8s")});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.find("nope123") != std::string::npos, run.err.c_str());
    }
};

QTEST_GUILESS_MAIN(TestRenderCommand)
#include "tst_render_command.moc"
