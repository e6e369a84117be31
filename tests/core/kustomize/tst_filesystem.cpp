// The renderer reads only through the FileSystem it is given (a Git tree will be
// one), so a render is a pure function of the files it read.
#include "kustomize/render.h"

#include <QTest>

#include <map>

using namespace capstan;
using namespace capstan::kustomize;

namespace {

// Files held in memory; directories are implied by the paths below them.
class MemoryFileSystem final : public FileSystem
{
public:
    explicit MemoryFileSystem(std::map<std::string, std::string> files) : m_files(std::move(files)) {}

    Result<std::string> readFile(const std::string &path) const override
    {
        auto it = m_files.find(path);
        if (it == m_files.end())
            return makeError("no such file", path);
        return it->second;
    }
    bool exists(const std::string &path) const override { return m_files.count(path) || isDirectory(path); }
    bool isDirectory(const std::string &path) const override
    {
        const std::string prefix = path == "/" ? path : path + "/";
        auto it = m_files.lower_bound(prefix);
        return it != m_files.end() && it->first.compare(0, prefix.size(), prefix) == 0;
    }
    Result<std::vector<std::string>> listDirectory(const std::string &) const override
    {
        return makeError("not needed");
    }
    Result<std::string> canonicalPath(const std::string &path) const override { return path; }

private:
    std::map<std::string, std::string> m_files;
};

const std::map<std::string, std::string> kTree = {
    {"/repo/base/kustomization.yaml", "resources:\n- cm.yaml\nconfigMapGenerator:\n- name: gen\n  literals: [a=1]\n"},
    {"/repo/base/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n"},
    {"/repo/overlay/kustomization.yaml", "resources:\n- ../base\nnamePrefix: p-\n"},
    {"/repo/unrelated.yaml", "not: read\n"},
};

} // namespace

class TestFileSystem : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rendersFromAnyFileSystem()
    {
        MemoryFileSystem memory(kTree);
        RecordingFileSystem recording(memory);
        const auto result = render(recording, "/repo/overlay");
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().toString().c_str());
        QCOMPARE(QString::fromStdString(result->yaml),
                 QStringLiteral("apiVersion: v1\ndata:\n  a: \"1\"\nkind: ConfigMap\nmetadata:\n  name: p-gen-h29d89cmmt\n"
                                "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: p-plain\n"));
        const std::vector<std::string> used = recording.pathsUsed();
        for (const char *path : {"/repo/base/kustomization.yaml", "/repo/base/cm.yaml", "/repo/overlay/kustomization.yaml"})
            QVERIFY2(std::find(used.begin(), used.end(), path) != used.end(), path);
        QVERIFY(std::find(used.begin(), used.end(), "/repo/unrelated.yaml") == used.end());
    }

    // Loaders join entries to their (clean) root with joinToCleanDir, which
    // looks only at the entry: it must give what joinPath gives.
    void joinToCleanDirAgreesWithJoinPath_data()
    {
        QTest::addColumn<QString>("dir");
        QTest::addColumn<QString>("relative");
        QTest::addColumn<QString>("expected");
        QTest::newRow("file") << "/repo/overlays/prod" << "kustomization.yaml" << "/repo/overlays/prod/kustomization.yaml";
        QTest::newRow("nested") << "/repo/app" << "patches/deployment.yaml" << "/repo/app/patches/deployment.yaml";
        QTest::newRow("up") << "/repo/overlays/prod" << "../../base" << "/repo/base";
        QTest::newRow("up inside") << "/repo/app" << "patches/../cm.yaml" << "/repo/app/cm.yaml";
        QTest::newRow("dot") << "/repo/app" << "./cm.yaml" << "/repo/app/cm.yaml";
        QTest::newRow("itself") << "/repo/app" << "." << "/repo/app";
        QTest::newRow("empty") << "/repo/app" << "" << "/repo/app";
        QTest::newRow("double slash") << "/repo/app" << "patches//a.yaml" << "/repo/app/patches/a.yaml";
        QTest::newRow("trailing slash") << "/repo/app" << "base/" << "/repo/app/base";
        QTest::newRow("absolute") << "/repo/app" << "/etc/passwd" << "/etc/passwd";
        QTest::newRow("from the root") << "/" << "repo/cm.yaml" << "/repo/cm.yaml";
        QTest::newRow("above the root") << "/" << "../cm.yaml" << "/cm.yaml";
        QTest::newRow("relative dir") << "repo" << "cm.yaml" << "repo/cm.yaml";
        QTest::newRow("current dir") << "." << "cm.yaml" << "cm.yaml";
        QTest::newRow("dotted names") << "/repo/app" << "..cm/.yaml.../x" << "/repo/app/..cm/.yaml.../x";
    }

    void joinToCleanDirAgreesWithJoinPath()
    {
        QFETCH(QString, dir);
        QFETCH(QString, relative);
        QFETCH(QString, expected);
        const std::string d = dir.toStdString(), r = relative.toStdString();
        QCOMPARE(QString::fromStdString(joinPath(d, r)), expected);
        QCOMPARE(QString::fromStdString(joinToCleanDir(d, r)), expected);
    }

    void sameFilesSameOutput()
    {
        MemoryFileSystem memory(kTree);
        const auto first = render(memory, "/repo/overlay");
        const auto second = render(memory, "/repo/overlay");
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(first->yaml, second->yaml);
    }
};

QTEST_GUILESS_MAIN(TestFileSystem)
#include "tst_filesystem.moc"
