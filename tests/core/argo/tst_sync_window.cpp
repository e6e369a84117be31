#include "argo/sync_window.h"

#include <QTest>

using namespace capstan::argo;

namespace {

QDateTime utc(const QString &iso)
{
    QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

std::vector<std::string> list(const QString &text)
{
    std::vector<std::string> out;
    for (const QString &item : text.split(',', Qt::SkipEmptyParts))
        out.push_back(item.trimmed().toStdString());
    return out;
}

// "kind|schedule|duration|zone|applications|namespaces|clusters|flags", lists
// comma-separated, flags "manual" and "and".
SyncWindow window(const QString &spec)
{
    const QStringList f = spec.split('|');
    auto w = SyncWindow::create(
        f.value(0).toStdString(), f.value(1).toStdString(), f.value(2).toStdString(), f.value(3).toStdString());
    if (!w.ok())
        qFatal("bad window in test: %s", w.error().message.c_str());
    w->applications = list(f.value(4));
    w->namespaces = list(f.value(5));
    w->clusters = list(f.value(6));
    w->manualSync = f.value(7).contains("manual");
    w->andOperator = f.value(7).contains("and");
    return *w;
}

} // namespace

Q_DECLARE_METATYPE(SyncWindowState)

class TestSyncWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evaluate_data()
    {
        QTest::addColumn<QStringList>("windows");
        QTest::addColumn<QString>("app");
        QTest::addColumn<QString>("ns");
        QTest::addColumn<QString>("now");
        QTest::addColumn<SyncWindowState>("state");
        QTest::addColumn<QList<int>>("active");
        QTest::addColumn<QString>("nextChange"); // UTC, "" for none within 8 days
        QTest::addColumn<SyncWindowState>("nextState");

        const auto A = SyncWindowState::Allowed;
        const auto D = SyncWindowState::Denied;
        const auto M = SyncWindowState::ManualOnly;
        const QString nightlyFreeze = "deny|0 22 * * *|8h|UTC|*";
        const QString officeHours = "allow|0 9 * * MON-FRI|8h|UTC|*";

        // 2026-11-26 is a Thursday.
        QTest::newRow("no windows") << QStringList {} << "frontend-prod"
                                    << "prod"
                                    << "2026-11-26T12:00:00" << A << QList<int> {} << "" << A;
        QTest::newRow("inside a deny window")
            << QStringList { nightlyFreeze } << "frontend-prod"
            << "prod"
            << "2026-11-26T23:00:00" << D << QList<int> { 0 } << "2026-11-27T06:00:00Z" << A;
        QTest::newRow("before a deny window")
            << QStringList { nightlyFreeze } << "frontend-prod"
            << "prod"
            << "2026-11-26T21:00:00" << A << QList<int> {} << "2026-11-26T22:00:00Z" << D;
        QTest::newRow("window start is inside")
            << QStringList { nightlyFreeze } << "frontend-prod"
            << "prod"
            << "2026-11-26T22:00:00" << D << QList<int> { 0 } << "2026-11-27T06:00:00Z" << A;
        QTest::newRow("window end is outside")
            << QStringList { nightlyFreeze } << "frontend-prod"
            << "prod"
            << "2026-11-27T06:00:00" << A << QList<int> {} << "2026-11-27T22:00:00Z" << D;
        QTest::newRow("window for another application")
            << QStringList { "deny|0 22 * * *|8h|UTC|orders-*" } << "frontend-prod"
            << "prod"
            << "2026-11-26T23:00:00" << A << QList<int> {} << "" << A;
        QTest::newRow("inside an allow window")
            << QStringList { officeHours } << "frontend-prod"
            << "prod"
            << "2026-11-26T12:00:00" << A << QList<int> { 0 } << "2026-11-26T17:00:00Z" << D;
        QTest::newRow("outside every allow window")
            << QStringList { officeHours } << "frontend-prod"
            << "prod"
            << "2026-11-26T18:00:00" << D << QList<int> {} << "2026-11-27T09:00:00Z" << A;
        QTest::newRow("weekend waits for monday")
            << QStringList { officeHours } << "frontend-prod"
            << "prod"
            << "2026-11-28T10:00:00" << D << QList<int> {} << "2026-11-30T09:00:00Z" << A;
        QTest::newRow("deny beats an open allow")
            << QStringList { "allow|0 * * * *|1h|UTC|*", "deny|0 12 * * *|1h|UTC|*" } << "frontend-prod"
            << "prod"
            << "2026-11-26T12:30:00" << D << QList<int> { 0, 1 } << "2026-11-26T13:00:00Z" << A;
        QTest::newRow("manualSync on a deny window")
            << QStringList { "deny|0 22 * * *|8h|UTC|*|||manual" } << "frontend-prod"
            << "prod"
            << "2026-11-26T23:00:00" << M << QList<int> { 0 } << "2026-11-27T06:00:00Z" << A;
        QTest::newRow("one open deny without manualSync blocks people too")
            << QStringList { "deny|0 22 * * *|8h|UTC|*|||manual", "deny|0 23 * * *|1h|UTC|*" } << "frontend-prod"
            << "prod"
            << "2026-11-26T23:30:00" << D << QList<int> { 0, 1 } << "2026-11-27T00:00:00Z" << M;
        QTest::newRow("closed allow windows with manualSync")
            << QStringList { "allow|0 9 * * MON-FRI|8h|UTC|*|||manual" } << "frontend-prod"
            << "prod"
            << "2026-11-26T18:00:00" << M << QList<int> {} << "2026-11-27T09:00:00Z" << A;
        QTest::newRow("overlapping denies: the change is when both have closed")
            << QStringList { "deny|0 22 * * *|2h|UTC|*", "deny|0 23 * * *|2h|UTC|*" } << "frontend-prod"
            << "prod"
            << "2026-11-26T22:30:00" << D << QList<int> { 0 } << "2026-11-27T01:00:00Z" << A;
        QTest::newRow("or: the namespace alone matches")
            << QStringList { "deny|0 22 * * *|8h|UTC|frontend-*|prod" } << "orders-prod"
            << "prod"
            << "2026-11-26T23:00:00" << D << QList<int> { 0 } << "2026-11-27T06:00:00Z" << A;
        QTest::newRow("and: application matches, namespace does not")
            << QStringList { "deny|0 22 * * *|8h|UTC|frontend-*|prod||and" } << "frontend-dev"
            << "dev"
            << "2026-11-26T23:00:00" << A << QList<int> {} << "" << A;
        QTest::newRow("and: both match") << QStringList { "deny|0 22 * * *|8h|UTC|frontend-*|prod||and" }
                                         << "frontend-prod"
                                         << "prod"
                                         << "2026-11-26T23:00:00" << D << QList<int> { 0 } << "2026-11-27T06:00:00Z"
                                         << A;
        QTest::newRow("cluster glob") << QStringList { "deny|0 22 * * *|8h|UTC|||https://prod.*" } << "frontend-prod"
                                      << "prod"
                                      << "2026-11-26T23:00:00" << D << QList<int> { 0 } << "2026-11-27T06:00:00Z" << A;
        QTest::newRow("cluster glob on another cluster")
            << QStringList { "deny|0 22 * * *|8h|UTC|||https://staging.*" } << "frontend-prod"
            << "prod"
            << "2026-11-26T23:00:00" << A << QList<int> {} << "" << A;
        // 22:00 in Berlin is 21:00 UTC in winter.
        QTest::newRow("Berlin window in winter")
            << QStringList { "deny|0 22 * * *|8h|Europe/Berlin|*" } << "frontend-prod"
            << "prod"
            << "2026-11-26T21:30:00" << D << QList<int> { 0 } << "2026-11-27T05:00:00Z" << A;
        QTest::newRow("New York window") << QStringList { "allow|0 9 * * MON-FRI|8h|America/New_York|*" }
                                         << "frontend-prod"
                                         << "prod"
                                         << "2026-11-26T13:00:00" << D << QList<int> {} << "2026-11-26T14:00:00Z" << A;
        // 2026-03-29 Berlin springs forward: 09:00 is 08:00 UTC the day before, 07:00 UTC that day.
        QTest::newRow("DST: day before spring forward")
            << QStringList { "allow|0 9 * * *|8h|Europe/Berlin|*" } << "frontend-prod"
            << "prod"
            << "2026-03-28T07:30:00" << D << QList<int> {} << "2026-03-28T08:00:00Z" << A;
        QTest::newRow("DST: spring forward day opens an hour earlier in UTC")
            << QStringList { "allow|0 9 * * *|8h|Europe/Berlin|*" } << "frontend-prod"
            << "prod"
            << "2026-03-29T07:30:00" << A << QList<int> { 0 } << "2026-03-29T15:00:00Z" << D;
        // A window over the night of the change lasts its duration in real time.
        QTest::newRow("DST: night window over spring forward")
            << QStringList { "deny|0 1 * * *|3h|Europe/Berlin|*" } << "frontend-prod"
            << "prod"
            << "2026-03-29T02:30:00" << D << QList<int> { 0 } << "2026-03-29T03:00:00Z" << A;
        QTest::newRow("DST: night window over fall back")
            << QStringList { "deny|0 1 * * *|3h|Europe/Berlin|*" } << "frontend-prod"
            << "prod"
            << "2026-10-25T01:30:00" << D << QList<int> { 0 } << "2026-10-25T02:00:00Z" << A;
        QTest::newRow("next change a few days away")
            << QStringList { "deny|0 0 1 * *|24h|UTC|*" } << "frontend-prod"
            << "prod"
            << "2026-11-26T12:00:00" << A << QList<int> {} << "2026-12-01T00:00:00Z" << D;
        QTest::newRow("no change within eight days") << QStringList { "deny|@yearly|1h|UTC|*" } << "frontend-prod"
                                                     << "prod"
                                                     << "2026-11-26T12:00:00" << A << QList<int> {} << "" << A;
    }

    void evaluate()
    {
        QFETCH(QStringList, windows);
        QFETCH(QString, app);
        QFETCH(QString, ns);
        QFETCH(QString, now);
        QFETCH(SyncWindowState, state);
        QFETCH(QList<int>, active);
        QFETCH(QString, nextChange);
        QFETCH(SyncWindowState, nextState);

        std::vector<SyncWindow> ws;
        for (const QString &spec : windows)
            ws.push_back(window(spec));
        const SyncTarget target { app.toStdString(), ns.toStdString(), "https://prod.example.com", "prod-eu" };
        const SyncWindowStatus status = evaluateSyncWindows(ws, target, utc(now));
        QCOMPARE(status.state, state);
        QList<int> actualActive;
        for (std::size_t i : status.active)
            actualActive << int(i);
        QCOMPARE(actualActive, active);
        QCOMPARE(status.nextChange.isValid() ? status.nextChange.toUTC().toString(Qt::ISODate) : QString(), nextChange);
        if (!nextChange.isEmpty())
            QCOMPARE(status.nextState, nextState);
        // The single-window view agrees with the evaluation.
        for (std::size_t i = 0; i < ws.size(); ++i) {
            const bool isActive = std::find(status.active.begin(), status.active.end(), i) != status.active.end();
            if (isActive)
                QVERIFY(ws[i].isActiveAt(utc(now)));
        }
    }

    void canSyncFollowsState()
    {
        SyncWindowStatus status;
        status.state = SyncWindowState::ManualOnly;
        QVERIFY(status.canSync(SyncTrigger::Manual));
        QVERIFY(!status.canSync(SyncTrigger::Automated));
        status.state = SyncWindowState::Denied;
        QVERIFY(!status.canSync(SyncTrigger::Manual));
        status.state = SyncWindowState::Allowed;
        QVERIFY(status.canSync(SyncTrigger::Automated));
    }

    void describe()
    {
        const std::vector<SyncWindow> ws { window("deny|0 22 * * *|8h|UTC|*") };
        const SyncTarget target { "frontend-prod", "prod", "https://kubernetes.default.svc", "in-cluster" };
        // 2026-11-26 is a Thursday; the freeze ends Friday 06:00 UTC, 07:00 in Berlin.
        const SyncWindowStatus status = evaluateSyncWindows(ws, target, utc("2026-11-26T23:00:00"));
        QCOMPARE(describeSyncWindowStatus(status, QTimeZone::utc()), std::string("denied until Fri 06:00"));
        QCOMPARE(describeSyncWindowStatus(status, QTimeZone("Europe/Berlin")), std::string("denied until Fri 07:00"));
        QCOMPARE(
            describeSyncWindowStatus(evaluateSyncWindows({}, target, utc("2026-11-26T23:00:00")), QTimeZone::utc()),
            std::string("allowed"));
    }

    void weekCalendar()
    {
        const std::vector<SyncWindow> ws { window("allow|0 9 * * MON-FRI|8h|UTC|*"),
            window("deny|0 22 * * *|8h|UTC|*") };
        // Monday 2026-11-23 to the next Monday.
        const auto occurrences = windowOccurrences(ws, utc("2026-11-23T00:00:00"), utc("2026-11-30T00:00:00"));
        QCOMPARE(occurrences.size(), std::size_t(5 + 8));
        // Sunday night's freeze still covers Monday morning.
        QCOMPARE(occurrences.front().window, std::size_t(1));
        QCOMPARE(occurrences.front().start.toUTC(), utc("2026-11-22T22:00:00"));
        QCOMPARE(occurrences.front().end.toUTC(), utc("2026-11-23T06:00:00"));
        QCOMPARE(occurrences[1].window, std::size_t(0));
        QCOMPARE(occurrences[1].start.toUTC(), utc("2026-11-23T09:00:00"));
        QCOMPARE(occurrences[1].end.toUTC(), utc("2026-11-23T17:00:00"));
        QVERIFY(std::is_sorted(
            occurrences.begin(), occurrences.end(), [](const auto &a, const auto &b) { return a.start < b.start; }));
    }

    void createRejects_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("schedule");
        QTest::addColumn<QString>("duration");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("message");
        QTest::newRow("kind") << "block"
                              << "0 22 * * *"
                              << "1h"
                              << ""
                              << "kind: 'block' is not allow or deny";
        QTest::newRow("schedule") << "deny"
                                  << "0 22 * *"
                                  << "1h"
                                  << ""
                                  << "schedule: invalid schedule '0 22 * *': expected 5 fields (minute hour "
                                     "day-of-month month day-of-week), found 4";
        QTest::newRow("duration unit") << "deny"
                                       << "0 22 * * *"
                                       << "1d"
                                       << ""
                                       << "duration: invalid duration '1d': unknown unit 'd' (use h, m, s or ms)";
        QTest::newRow("zero duration") << "deny"
                                       << "0 22 * * *"
                                       << "0s"
                                       << ""
                                       << "duration: '0s' must be longer than zero";
        QTest::newRow("zone") << "deny"
                              << "0 22 * * *"
                              << "1h"
                              << "Europe/Atlantis"
                              << "timeZone: 'Europe/Atlantis' is not a known IANA time zone (such as Europe/Berlin)";
    }

    void createRejects()
    {
        QFETCH(QString, kind);
        QFETCH(QString, schedule);
        QFETCH(QString, duration);
        QFETCH(QString, zone);
        QFETCH(QString, message);
        const auto w = SyncWindow::create(
            kind.toStdString(), schedule.toStdString(), duration.toStdString(), zone.toStdString());
        QVERIFY(!w.ok());
        QCOMPARE(QString::fromStdString(w.error().message), message);
    }
};

QTEST_GUILESS_MAIN(TestSyncWindow)
#include "tst_sync_window.moc"
