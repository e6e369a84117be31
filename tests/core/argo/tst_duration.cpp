#include "argo/duration.h"

#include <QTest>

using namespace capstan::argo;

class TestDuration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("millis");
        QTest::newRow("seconds") << "5s" << qint64(5000);
        QTest::newRow("minutes") << "3m" << qint64(180000);
        QTest::newRow("hours") << "1h" << qint64(3600000);
        QTest::newRow("combined") << "1h30m" << qint64(5400000);
        QTest::newRow("all units") << "2h3m4s5ms" << qint64(7384005);
        QTest::newRow("fraction") << "1.5h" << qint64(5400000);
        QTest::newRow("milliseconds") << "250ms" << qint64(250);
        QTest::newRow("zero") << "0" << qint64(0);
        QTest::newRow("long window") << "168h" << qint64(604800000);
    }

    void valid()
    {
        QFETCH(QString, text);
        QFETCH(qint64, millis);
        const auto parsed = parseDuration(text.toStdString());
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message.c_str());
        QCOMPARE(qint64(parsed->count()), millis);
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("days are not a unit") << "1d"
                                             << "invalid duration '1d': unknown unit 'd' (use h, m, s or ms)";
        QTest::newRow("no unit") << "30"
                                 << "invalid duration '30': missing unit (use h, m or s, as in \"90s\")";
        QTest::newRow("empty") << ""
                               << "invalid duration '': expected a number with a unit, such as \"30m\" or \"1h\"";
        QTest::newRow("words") << "one hour"
                               << "invalid duration 'one hour': expected a number at 'one hour'";
    }

    void invalid()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const auto parsed = parseDuration(text.toStdString());
        QVERIFY(!parsed.ok());
        QCOMPARE(QString::fromStdString(parsed.error().message), message);
    }

    void backoffTakesBareSeconds()
    {
        QCOMPARE(parseBackoffDuration("30")->count(), 30000);
        QCOMPARE(parseBackoffDuration("2m")->count(), 120000);
        QVERIFY(!parseBackoffDuration("2x").ok());
    }

    void format_data()
    {
        QTest::addColumn<qint64>("millis");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << "0s";
        QTest::newRow("hour and a half") << qint64(5400000) << "1h30m";
        QTest::newRow("days") << qint64(2 * 86400000LL + 3600000) << "2d1h";
        QTest::newRow("seconds") << qint64(45000) << "45s";
    }

    void format()
    {
        QFETCH(qint64, millis);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(formatDuration(std::chrono::milliseconds(millis))), text);
    }
};

QTEST_GUILESS_MAIN(TestDuration)
#include "tst_duration.moc"
