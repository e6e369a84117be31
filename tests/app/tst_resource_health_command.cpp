// capstanctl resource health: the engine's health checks on objects in files,
// here the project's own health fixtures.

#include "ctlrun.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan;
using test::capstanctl;
using test::lines;
using test::parseJson;
using test::Run;

class TestResourceHealthCommand : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void resourceHealth_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("health");
        QTest::newRow("rolled out") << "deployments.yaml"
                                    << "rolled-out"
                                    << "Healthy";
        QTest::newRow("not yet observed") << "deployments.yaml"
                                          << "not-yet-observed"
                                          << "Progressing";
        QTest::newRow("no health check") << "no-health.yaml"
                                         << "@first"
                                         << "";
    }

    void resourceHealth()
    {
        QFETCH(QString, file);
        QFETCH(QString, name);
        QFETCH(QString, health);
        const QString path = QStringLiteral(CAPSTAN_SOURCE_DIR "/tests/core/health/fixtures/") + file;
        const Run table = capstanctl({ QStringLiteral("resource"), QStringLiteral("health"), path });
        QVERIFY2(table.code == 0, table.describe());
        const Run run = capstanctl({ QStringLiteral("resource"), QStringLiteral("health"), path, QStringLiteral("-o"),
            QStringLiteral("json") });
        QCOMPARE(run.code, 0);
        const QJsonArray objects = parseJson(run.out).array();
        QVERIFY(!objects.isEmpty());
        QCOMPARE(lines(table.out).size(), 1 + objects.size());
        QJsonObject found;
        for (const QJsonValue &v : objects)
            if (name == QLatin1String("@first") || v.toObject().value(QStringLiteral("name")).toString() == name) {
                found = v.toObject();
                break;
            }
        QVERIFY2(!found.isEmpty(), run.out.c_str());
        if (health.isEmpty())
            QVERIFY(found.value(QStringLiteral("health")).isNull());
        else
            QCOMPARE(found.value(QStringLiteral("health")).toString(), health);
    }

    void resourceHealthOfEveryFixture()
    {
        QStringList args { QStringLiteral("resource"), QStringLiteral("health") };
        const QDir fixtures(QStringLiteral(CAPSTAN_SOURCE_DIR "/tests/core/health/fixtures"));
        for (const QString &file : fixtures.entryList({ QStringLiteral("*.yaml") }, QDir::Files))
            args << fixtures.filePath(file);
        const Run run = capstanctl(args);
        QVERIFY2(run.code == 0, run.describe());
        QVERIFY(run.has("Degraded"));
        QVERIFY(run.has("Progressing"));
        const Run bad = capstanctl(
            { QStringLiteral("resource"), QStringLiteral("health"), m_dir.filePath(QStringLiteral("missing.yaml")) });
        QCOMPARE(bad.code, 1);
        QVERIFY(bad.errHas("missing.yaml"));
    }
};

QTEST_GUILESS_MAIN(TestResourceHealthCommand)
#include "tst_resource_health_command.moc"
