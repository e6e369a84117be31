// `kustomize edit set image` in the library: only the images entry changes.
#include "kustomize/set_image.h"

#include <QTemporaryDir>
#include <QFile>
#include <QTest>

using namespace capstan::kustomize;

namespace {

const char *const kOverlay = "# overlay for prod\n"
                             "resources:\n"
                             "  - ../base   # the base\n"
                             "\n"
                             "images:\n"
                             "  # main app\n"
                             "  - name: nginx\n"
                             "    newTag: \"1.25\"  # pinned\n"
                             "    digest: sha256:abc\n"
                             "  - name: redis\n"
                             "    newName: my/redis\n"
                             "\n"
                             "namePrefix: prod-\n";

std::optional<std::string> opt(const QString &s)
{
    if (s == "-")
        return std::nullopt;
    return s.toStdString();
}

} // namespace

class TestSetImage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void edit_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("newName");
        QTest::addColumn<QString>("newTag");
        QTest::addColumn<QString>("digest");
        QTest::addColumn<QString>("expected");
        QString overlay = kOverlay;
        QTest::newRow("new tag keeps comments and drops the digest")
            << overlay << "nginx" << "-" << "1.26" << "-"
            << QString(overlay).replace("newTag: \"1.25\"  # pinned\n    digest: sha256:abc\n", "newTag: \"1.26\"  # pinned\n");
        QTest::newRow("digest added to an entry") << overlay << "redis" << "-" << "-" << "sha256:fff"
                                                  << QString(overlay).replace("newName: my/redis\n", "newName: my/redis\n    digest: sha256:fff\n");
        QTest::newRow("new entry appended with the list's indentation")
            << overlay << "postgres" << "pg/pg" << "16" << "-"
            << QString(overlay).replace("newName: my/redis\n", "newName: my/redis\n  - name: postgres\n    newName: pg/pg\n    newTag: \"16\"\n");
        QTest::newRow("images field created") << "resources:\n- a.yaml\n" << "app" << "-" << "v2" << "-"
                                              << "resources:\n- a.yaml\nimages:\n- name: app\n  newTag: v2\n";
        QTest::newRow("empty flow list becomes a block list") << "images: []\nresources:\n- a.yaml\n" << "app" << "-" << "1.0" << "-"
                                                              << "images:\n- name: app\n  newTag: \"1.0\"\nresources:\n- a.yaml\n";
        QTest::newRow("unchanged value is a no-op") << overlay << "redis" << "my/redis" << "-" << "-" << overlay;
    }

    void edit()
    {
        QFETCH(QString, text);
        QFETCH(QString, name);
        QFETCH(QString, newName);
        QFETCH(QString, newTag);
        QFETCH(QString, digest);
        QFETCH(QString, expected);
        auto edited = setImageInText(text.toStdString(), ImageOverride{name.toStdString(), opt(newName), opt(newTag), opt(digest)});
        QVERIFY2(edited.ok(), edited.ok() ? "" : edited.error().toString().c_str());
        QCOMPARE(QString::fromStdString(*edited), expected);
    }

    void editsTheFileOnDisk()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath("kustomization.yaml"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kOverlay);
        file.close();
        QVERIFY(setImage(dir.path().toStdString(), "nginx", std::nullopt, std::string("1.27")).ok());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("newTag: \"1.27\"  # pinned\n"));
        QVERIFY(!setImage(dir.filePath("missing").toStdString(), "nginx").ok());
    }
};

QTEST_GUILESS_MAIN(TestSetImage)
#include "tst_set_image.moc"
