// Renders every case under render_cases/ and compares with the output captured
// from `kubectl kustomize` (render_cases/regenerate.sh): stdout byte for byte,
// the deprecation warnings line for line, and refusals where kubectl refuses.
#include "kustomize/render.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace capstan::kustomize;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestRender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesKubectl_data()
    {
        QTest::addColumn<QString>("dir");
        const QString root = QStringLiteral(CAPSTAN_TEST_DATA "/render_cases");
        QDirIterator it(root, {QStringLiteral("kustomization.yaml")}, QDir::Files, QDirIterator::Subdirectories);
        QStringList dirs;
        while (it.hasNext()) {
            const QString dir = QFileInfo(it.next()).path();
            if (QFile::exists(dir + "/expected.out") || QFile::exists(dir + "/expected.fail"))
                dirs << dir;
        }
        dirs.sort();
        QVERIFY(dirs.size() >= 10);
        for (const QString &dir : dirs)
            QTest::newRow(qPrintable(dir.mid(root.size() + 1))) << dir;
    }

    void matchesKubectl()
    {
        QFETCH(QString, dir);
        const auto result = renderDirectory(dir.toStdString());
        if (QFile::exists(dir + "/expected.fail")) {
            QVERIFY2(!result.ok(), "kubectl refuses this kustomization");
            const QByteArray mustName = readAll(dir + "/expected.fail").trimmed();
            const std::string message = result.error().toString();
            QVERIFY2(mustName.isEmpty() || message.find(mustName.toStdString()) != std::string::npos, message.c_str());
            return;
        }
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().toString().c_str());
        QCOMPARE(QString::fromStdString(result->yaml), QString::fromUtf8(readAll(dir + "/expected.out")));
        std::string warnings;
        for (const std::string &w : result->warnings)
            warnings += w + "\n";
        QCOMPARE(QString::fromStdString(warnings), QString::fromUtf8(readAll(dir + "/expected.err")));
        QCOMPARE(result->objects.size(), static_cast<std::size_t>(QString::fromStdString(result->yaml).count("\n---\n") + 1));
    }
};

QTEST_GUILESS_MAIN(TestRender)
#include "tst_render.moc"
