#include "argo/cron.h"

#include <QTest>

using namespace capstan::argo;

namespace {

QDateTime utc(const QString &iso)
{
    QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

} // namespace

class TestCron : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Each row: an expression, a wall-clock minute, whether it is a start.
    void matches_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("wallClock"); // yyyy-MM-ddTHH:mm
        QTest::addColumn<bool>("expected");

        // 2026-11-26 is a Thursday.
        QTest::newRow("every minute") << "* * * * *"
                                      << "2026-11-26T13:37" << true;
        QTest::newRow("fixed time hit") << "0 22 * * *"
                                        << "2026-11-26T22:00" << true;
        QTest::newRow("fixed time miss") << "0 22 * * *"
                                         << "2026-11-26T22:01" << false;
        QTest::newRow("range of hours") << "0 9-17 * * *"
                                        << "2026-11-26T17:00" << true;
        QTest::newRow("outside range") << "0 9-17 * * *"
                                       << "2026-11-26T18:00" << false;
        QTest::newRow("list") << "0,30 * * * *"
                              << "2026-11-26T08:30" << true;
        QTest::newRow("step") << "*/15 * * * *"
                              << "2026-11-26T08:45" << true;
        QTest::newRow("step miss") << "*/15 * * * *"
                                   << "2026-11-26T08:50" << false;
        QTest::newRow("range with step") << "0 8-18/2 * * *"
                                         << "2026-11-26T14:00" << true;
        QTest::newRow("range with step miss") << "0 8-18/2 * * *"
                                              << "2026-11-26T15:00" << false;
        QTest::newRow("start with step runs to end") << "5/20 * * * *"
                                                     << "2026-11-26T10:45" << true;
        QTest::newRow("weekday names") << "0 9 * * MON-FRI"
                                       << "2026-11-26T09:00" << true;
        QTest::newRow("weekend by name") << "0 9 * * SAT,SUN"
                                         << "2026-11-26T09:00" << false;
        QTest::newRow("sunday is zero") << "0 0 * * 0"
                                        << "2026-11-29T00:00" << true;
        QTest::newRow("names in any case") << "0 0 * nov thu"
                                           << "2026-11-26T00:00" << true;
        QTest::newRow("month name") << "0 0 1 JAN *"
                                    << "2027-01-01T00:00" << true;
        QTest::newRow("month name miss") << "0 0 1 JAN *"
                                         << "2026-12-01T00:00" << false;
        QTest::newRow("question mark") << "0 0 ? * *"
                                       << "2026-11-26T00:00" << true;
        // Both day fields restricted: either one matching is enough.
        QTest::newRow("day-of-month or day-of-week (dom)") << "0 0 1 * MON"
                                                           << "2026-12-01T00:00" << true;
        QTest::newRow("day-of-month or day-of-week (dow)") << "0 0 1 * MON"
                                                           << "2026-11-30T00:00" << true;
        QTest::newRow("day-of-month or day-of-week (neither)") << "0 0 1 * MON"
                                                               << "2026-11-26T00:00" << false;
        // With one day field a star, both must match.
        QTest::newRow("star day-of-month restricts by weekday") << "0 0 * * MON"
                                                                << "2026-12-01T00:00" << false;
        QTest::newRow("stepped star restricts") << "0 0 */2 * MON"
                                                << "2026-11-30T00:00" << true;
        QTest::newRow("hourly") << "@hourly"
                                << "2026-11-26T05:00" << true;
        QTest::newRow("hourly miss") << "@hourly"
                                     << "2026-11-26T05:30" << false;
        QTest::newRow("daily") << "@daily"
                               << "2026-11-26T00:00" << true;
        QTest::newRow("weekly on sunday") << "@weekly"
                                          << "2026-11-29T00:00" << true;
        QTest::newRow("monthly") << "@monthly"
                                 << "2026-12-01T00:00" << true;
        QTest::newRow("yearly") << "@yearly"
                                << "2027-01-01T00:00" << true;
        QTest::newRow("extra spaces") << "  0   22 * *   *  "
                                      << "2026-11-26T22:00" << true;
    }

    void matches()
    {
        QFETCH(QString, expression);
        QFETCH(QString, wallClock);
        QFETCH(bool, expected);
        const auto schedule = CronSchedule::parse(expression.toStdString());
        QVERIFY2(schedule.ok(), schedule.ok() ? "" : schedule.error().message.c_str());
        const QDateTime t = QDateTime::fromString(wallClock, QStringLiteral("yyyy-MM-ddTHH:mm"));
        QCOMPARE(schedule->matches(t.date(), t.time().hour(), t.time().minute()), expected);
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("message");
        QTest::newRow("too few fields") << "0 22 * *"
                                        << "invalid schedule '0 22 * *': expected 5 fields (minute hour day-of-month "
                                           "month day-of-week), found 4";
        QTest::newRow("seconds field") << "0 0 22 * * *"
                                       << "invalid schedule '0 0 22 * * *': expected 5 fields (minute hour "
                                          "day-of-month month day-of-week), found 6";
        QTest::newRow("hour out of range") << "0 25 * * *"
                                           << "invalid schedule '0 25 * * *': hour: 25 is out of range 0-23";
        QTest::newRow("minute out of range") << "60 * * * *"
                                             << "invalid schedule '60 * * * *': minute: 60 is out of range 0-59";
        QTest::newRow("day zero") << "0 0 0 * *"
                                  << "invalid schedule '0 0 0 * *': day-of-month: 0 is out of range 1-31";
        QTest::newRow("sunday as seven") << "0 0 * * 7"
                                         << "invalid schedule '0 0 * * 7': day-of-week: 7 is out of range 0-6 "
                                            "(Sunday is 0)";
        QTest::newRow("bad month name") << "0 0 * JANUARY *"
                                        << "invalid schedule '0 0 * JANUARY *': month: 'JANUARY' is not a number or "
                                           "a month name such as JAN";
        QTest::newRow("bad day name") << "0 0 * * MONDAY"
                                      << "invalid schedule '0 0 * * MONDAY': day-of-week: 'MONDAY' is not a number "
                                         "or a day name such as MON";
        QTest::newRow("backwards range") << "0 17-9 * * *"
                                         << "invalid schedule '0 17-9 * * *': hour: range 17-9 ends before it starts";
        QTest::newRow("zero step") << "*/0 * * * *"
                                   << "invalid schedule '*/0 * * * *': minute: step must be at least 1, got 0";
        QTest::newRow("bad step") << "*/x * * * *"
                                  << "invalid schedule '*/x * * * *': minute: step 'x' is not a number";
        QTest::newRow("empty list element") << "0,,5 * * * *"
                                            << "invalid schedule '0,,5 * * * *': minute: empty list element in "
                                               "'0,,5'";
        QTest::newRow("every is not supported") << "@every 5m"
                                                << "invalid schedule '@every 5m': expected 5 fields (minute hour "
                                                   "day-of-month month day-of-week), found 2";
        QTest::newRow("unknown descriptor") << "@fortnightly"
                                            << "invalid schedule '@fortnightly': unknown descriptor '@fortnightly' "
                                               "(use @yearly, @monthly, @weekly, @daily or @hourly)";
        QTest::newRow("letters in minute") << "abc * * * *"
                                           << "invalid schedule 'abc * * * *': minute: 'abc' is not a number";
    }

    void invalid()
    {
        QFETCH(QString, expression);
        QFETCH(QString, message);
        const auto schedule = CronSchedule::parse(expression.toStdString());
        QVERIFY(!schedule.ok());
        QCOMPARE(QString::fromStdString(schedule.error().message), message);
    }

    // Start instants in UTC for a schedule read on a zone's wall clock.
    void startsBetween_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QStringList>("starts");

        QTest::newRow("daily in UTC") << "0 22 * * *"
                                      << "UTC"
                                      << "2026-11-26T00:00:00"
                                      << "2026-11-28T00:00:00"
                                      << QStringList { "2026-11-26T22:00:00Z", "2026-11-27T22:00:00Z" };
        QTest::newRow("from is inclusive, to exclusive")
            << "0 22 * * *"
            << "UTC"
            << "2026-11-26T22:00:00"
            << "2026-11-27T22:00:00" << QStringList { "2026-11-26T22:00:00Z" };
        QTest::newRow("winter in Berlin is UTC+1") << "0 9 * * *"
                                                   << "Europe/Berlin"
                                                   << "2026-01-10T00:00:00"
                                                   << "2026-01-11T00:00:00" << QStringList { "2026-01-10T08:00:00Z" };
        QTest::newRow("summer in Berlin is UTC+2") << "0 9 * * *"
                                                   << "Europe/Berlin"
                                                   << "2026-07-10T00:00:00"
                                                   << "2026-07-11T00:00:00" << QStringList { "2026-07-10T07:00:00Z" };
        // 2026-03-29: Berlin's clocks go from 02:00 CET to 03:00 CEST.
        QTest::newRow("across spring forward")
            << "0 9 * * *"
            << "Europe/Berlin"
            << "2026-03-28T00:00:00"
            << "2026-03-30T00:00:00" << QStringList { "2026-03-28T08:00:00Z", "2026-03-29T07:00:00Z" };
        QTest::newRow("skipped wall time shifts by the gap")
            << "30 2 * * *"
            << "Europe/Berlin"
            << "2026-03-29T00:00:00"
            << "2026-03-30T00:00:00" << QStringList { "2026-03-29T01:30:00Z" };
        // 2026-10-25: 03:00 CEST becomes 02:00 CET; 02:30 happens twice.
        QTest::newRow("repeated wall time starts once, the first time")
            << "30 2 * * *"
            << "Europe/Berlin"
            << "2026-10-25T00:00:00"
            << "2026-10-26T00:00:00" << QStringList { "2026-10-25T00:30:00Z" };
        QTest::newRow("hourly across fall back")
            << "0 * * * *"
            << "Europe/Berlin"
            << "2026-10-24T23:30:00"
            << "2026-10-25T03:30:00"
            << QStringList { "2026-10-25T00:00:00Z", "2026-10-25T02:00:00Z", "2026-10-25T03:00:00Z" };
        QTest::newRow("New York evening is the next UTC day")
            << "0 20 * * FRI"
            << "America/New_York"
            << "2026-11-27T00:00:00"
            << "2026-11-29T00:00:00" << QStringList { "2026-11-28T01:00:00Z" };
        QTest::newRow("empty range") << "* * * * *"
                                     << "UTC"
                                     << "2026-11-26T10:00:00"
                                     << "2026-11-26T10:00:00" << QStringList {};
    }

    void startsBetween()
    {
        QFETCH(QString, expression);
        QFETCH(QString, zone);
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QStringList, starts);
        const auto schedule = CronSchedule::parse(expression.toStdString());
        QVERIFY(schedule.ok());
        const QTimeZone tz(zone.toUtf8());
        QVERIFY(tz.isValid());
        QStringList actual;
        for (const QDateTime &s : schedule->startsBetween(utc(from), utc(to), tz))
            actual << s.toUTC().toString(Qt::ISODate);
        QCOMPARE(actual, starts);
    }
};

QTEST_GUILESS_MAIN(TestCron)
#include "tst_cron.moc"
