// kustomize's default load restrictor: nothing outside the kustomization root
// is read, whether through "../" or a symbolic link; the refusal names the file.
#include "kustomize/render.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan::kustomize;

namespace {

void write(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(content);
}

const QByteArray kConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n";

} // namespace

class TestLoadRestrictor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusesFilesOutsideTheRoot_data()
    {
        QTest::addColumn<QByteArray>("kustomization");
        QTest::addColumn<bool>("viaSymlink");
        QTest::newRow("dot-dot file") << QByteArray("resources:\n- ../outside/cm.yaml\n") << false;
        QTest::newRow("symlinked file") << QByteArray("resources:\n- link.yaml\n") << true;
        QTest::newRow("patch file") << QByteArray("resources:\n- own.yaml\npatches:\n- path: ../outside/cm.yaml\n") << false;
        QTest::newRow("generator file") << QByteArray("configMapGenerator:\n- name: x\n  files:\n  - ../outside/cm.yaml\n") << false;
    }

    void refusesFilesOutsideTheRoot()
    {
        QFETCH(QByteArray, kustomization);
        QFETCH(bool, viaSymlink);
        QTemporaryDir tmp;
        write(tmp.filePath("outside/cm.yaml"), kConfigMap);
        write(tmp.filePath("root/own.yaml"), kConfigMap);
        write(tmp.filePath("root/kustomization.yaml"), kustomization);
        if (viaSymlink)
            QVERIFY(QFile::link(tmp.filePath("outside/cm.yaml"), tmp.filePath("root/link.yaml")));
        const auto result = renderDirectory(tmp.filePath("root").toStdString());
        QVERIFY(!result.ok());
        QVERIFY2(result.error().toString().find("outside/cm.yaml") != std::string::npos, result.error().toString().c_str());
    }

    // A directory inside the root that is a link counts where it leads: out of
    // the root is refused, to another place inside the root is fine.
    void linkedDirectoriesInsideTheRootCountWhereTheyLead()
    {
        QTemporaryDir tmp;
        write(tmp.filePath("outside/cm.yaml"), kConfigMap);
        write(tmp.filePath("root/real/cm.yaml"), kConfigMap);
        QVERIFY(QFile::link(tmp.filePath("outside"), tmp.filePath("root/away")));
        QVERIFY(QFile::link(tmp.filePath("root/real"), tmp.filePath("root/alias")));
        write(tmp.filePath("root/kustomization.yaml"), "resources:\n- away/cm.yaml\n");
        const auto refused = renderDirectory(tmp.filePath("root").toStdString());
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().toString().find("outside/cm.yaml") != std::string::npos,
                 refused.error().toString().c_str());
        write(tmp.filePath("root/kustomization.yaml"), "resources:\n- alias/cm.yaml\n");
        const auto inside = renderDirectory(tmp.filePath("root").toStdString());
        QVERIFY2(inside.ok(), inside.ok() ? "" : inside.error().toString().c_str());
        QCOMPARE(QString::fromStdString(inside->yaml), QString::fromUtf8(kConfigMap));
    }

    void basesOutsideTheRootAreAllowed()
    {
        QTemporaryDir tmp;
        write(tmp.filePath("base/cm.yaml"), kConfigMap);
        write(tmp.filePath("base/kustomization.yaml"), "resources:\n- cm.yaml\n");
        write(tmp.filePath("overlay/kustomization.yaml"), "resources:\n- ../base\nnamePrefix: p-\n");
        const auto result = renderDirectory(tmp.filePath("overlay").toStdString());
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().toString().c_str());
        QCOMPARE(QString::fromStdString(result->yaml),
                 QStringLiteral("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: p-cm\n"));
    }

    void rootsBelowASymlinkedDirectoryResolveThroughIt()
    {
        // The root and its files are compared once every link is resolved, also a
        // link in a directory above the root: "../" from the root leaves it.
        QTemporaryDir tmp;
        write(tmp.filePath("real/app/cm.yaml"), kConfigMap);
        write(tmp.filePath("real/outside.yaml"), kConfigMap);
        write(tmp.filePath("real/app/kustomization.yaml"), "resources:\n- cm.yaml\n");
        write(tmp.filePath("real/bad/kustomization.yaml"), "resources:\n- ../outside.yaml\n");
        QVERIFY(QFile::link(tmp.filePath("real"), tmp.filePath("link")));
        const auto viaLink = renderDirectory(tmp.filePath("link/app").toStdString());
        QVERIFY2(viaLink.ok(), viaLink.ok() ? "" : viaLink.error().toString().c_str());
        QCOMPARE(QString::fromStdString(viaLink->yaml), QString::fromUtf8(kConfigMap));
        const auto refused = renderDirectory(tmp.filePath("link/bad").toStdString());
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().toString().find("real/outside.yaml") != std::string::npos,
                 refused.error().toString().c_str());
    }

    void refusesUnsupportedFieldsByName_data()
    {
        QTest::addColumn<QByteArray>("kustomization");
        QTest::addColumn<QString>("field");
        QTest::newRow("helmCharts") << QByteArray("helmCharts:\n- name: x\n") << "helmCharts";
        QTest::newRow("remote resource") << QByteArray("resources:\n- https://github.com/org/repo//base?ref=v1\n")
                                         << "https://github.com/org/repo";
        QTest::newRow("generator plugin") << QByteArray("generators:\n- gen.yaml\n") << "generators";
        QTest::newRow("unknown field") << QByteArray("resourcez:\n- a.yaml\n") << "resourcez";
    }

    void refusesUnsupportedFieldsByName()
    {
        QFETCH(QByteArray, kustomization);
        QFETCH(QString, field);
        QTemporaryDir tmp;
        write(tmp.filePath("kustomization.yaml"), kustomization);
        const auto result = renderDirectory(tmp.path().toStdString());
        QVERIFY(!result.ok());
        QVERIFY2(result.error().toString().find(field.toStdString()) != std::string::npos, result.error().toString().c_str());
    }
};

QTEST_GUILESS_MAIN(TestLoadRestrictor)
#include "tst_load_restrictor.moc"
