// What the renderer parsed from a file is kept across renders in one process
// (a base shared by many overlays is parsed once), but a render never shows
// stale content: a changed, replaced or removed file is read again.
#include "cache_test_support.h"
#include "kustomize/parse_cache.h"
#include "kustomize/render.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan;
using namespace capstan::kustomize;
using namespace capstan::kustomize::testing;

class TestParseCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { clearParseCaches(); }

    void unchangedFilesAreParsedOnce()
    {
        QTemporaryDir tmp;
        write(tmp.filePath("base/kustomization.yaml"), "resources:\n- cm.yaml\n");
        write(tmp.filePath("base/cm.yaml"), configMap("one"));
        write(tmp.filePath("overlay/kustomization.yaml"), "resources:\n- ../base\nnamePrefix: a-\n");
        settle();
        const Rendered first = renderCounting(tmp.filePath("overlay"));
        QCOMPARE(first.reads, 3);
        const Rendered second = renderCounting(tmp.filePath("overlay"));
        QCOMPARE(second.yaml, first.yaml);
        QCOMPARE(second.reads, 0);
        QVERIFY(second.yaml.find("name: a-cm") != std::string::npos);
    }

    void changedFilesAreReadAgain_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("rewritten in place, same size") << "inPlace";
        QTest::newRow("replaced by rename") << "rename";
        QTest::newRow("rewritten within the clock tick of the last render") << "racy";
    }

    void changedFilesAreReadAgain()
    {
        QFETCH(QString, how);
        QTemporaryDir tmp;
        write(tmp.filePath("base/kustomization.yaml"), "resources:\n- cm.yaml\n");
        write(tmp.filePath("base/cm.yaml"), configMap("one"));
        write(tmp.filePath("overlay/kustomization.yaml"), "resources:\n- ../base\n");
        if (how != "racy")
            settle();
        const Rendered before = renderCounting(tmp.filePath("overlay"));
        QVERIFY2(before.yaml.find("key: one") != std::string::npos, before.yaml.c_str());

        if (how == "rename") {
            write(tmp.filePath("base/cm.yaml.new"), configMap("two"));
            QVERIFY(QFile::remove(tmp.filePath("base/cm.yaml")));
            QVERIFY(QFile::rename(tmp.filePath("base/cm.yaml.new"), tmp.filePath("base/cm.yaml")));
        } else {
            // Same size: only the metadata a write changes can tell the versions apart.
            write(tmp.filePath("base/cm.yaml"), configMap("two"));
        }
        const Rendered after = renderCounting(tmp.filePath("overlay"));
        QVERIFY2(after.yaml.find("key: two") != std::string::npos, after.yaml.c_str());
        QVERIFY(after.reads >= 1);
    }

    void removedFilesFailTheRender()
    {
        QTemporaryDir tmp;
        write(tmp.filePath("app/kustomization.yaml"), "resources:\n- cm.yaml\n");
        write(tmp.filePath("app/cm.yaml"), configMap("one"));
        settle();
        QVERIFY(renderCounting(tmp.filePath("app")).yaml.find("key: one") != std::string::npos);
        QVERIFY(QFile::remove(tmp.filePath("app/cm.yaml")));
        const Rendered after = renderCounting(tmp.filePath("app"));
        QVERIFY2(after.yaml.rfind("error: ", 0) == 0, after.yaml.c_str());
    }

    void patchesAndKustomizationsAreReadAgainWhenChanged()
    {
        QTemporaryDir tmp;
        write(tmp.filePath("app/cm.yaml"), configMap("one"));
        write(tmp.filePath("app/patch.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  extra: aa\n");
        write(tmp.filePath("app/kustomization.yaml"), "resources:\n- cm.yaml\npatches:\n- path: patch.yaml\n");
        settle();
        const Rendered before = renderCounting(tmp.filePath("app"));
        QVERIFY2(before.yaml.find("extra: aa") != std::string::npos, before.yaml.c_str());
        write(tmp.filePath("app/patch.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  extra: bb\n");
        write(tmp.filePath("app/kustomization.yaml"), "resources:\n- cm.yaml\npatches:\n- path: patch.yaml\nnamePrefix: x-\n");
        const Rendered after = renderCounting(tmp.filePath("app"));
        QVERIFY2(after.yaml.find("extra: bb") != std::string::npos, after.yaml.c_str());
        QVERIFY2(after.yaml.find("name: x-cm") != std::string::npos, after.yaml.c_str());
    }

    void newKustomizationFilesAreNoticed()
    {
        // The names a root does not use are remembered as missing only while its
        // directory is unchanged: a second kustomization file is an error.
        QTemporaryDir tmp;
        write(tmp.filePath("app/kustomization.yaml"), "resources:\n- cm.yaml\n");
        write(tmp.filePath("app/cm.yaml"), configMap("one"));
        settle();
        QVERIFY(renderCounting(tmp.filePath("app")).yaml.find("key: one") != std::string::npos);
        QVERIFY(renderCounting(tmp.filePath("app")).yaml.find("key: one") != std::string::npos);
        write(tmp.filePath("app/Kustomization"), "resources:\n- cm.yaml\n");
        settle(); // the directory's new identity is settled too
        const Rendered after = renderCounting(tmp.filePath("app"));
        QVERIFY2(after.yaml.find("Found multiple kustomization files") != std::string::npos, after.yaml.c_str());
    }

    void fileSystemsWithoutContentKeysAreNotCached()
    {
        // renderDirectory's disk keys its files; a file system that does not
        // (the default) is read on every render.
        QTemporaryDir tmp;
        write(tmp.filePath("app/kustomization.yaml"), "resources:\n- cm.yaml\n");
        write(tmp.filePath("app/cm.yaml"), configMap("one"));
        settle();
        for (int i = 0; i < 2; ++i) {
            const Rendered rendered = renderCounting(tmp.filePath("app"), CountingDisk::Keys::Hidden);
            QVERIFY2(rendered.yaml.find("key: one") != std::string::npos, rendered.yaml.c_str());
            QCOMPARE(rendered.reads, 2);
        }
    }
};

QTEST_GUILESS_MAIN(TestParseCache)
#include "tst_parse_cache.moc"
