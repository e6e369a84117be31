// Retry with backoff as Argo CD's `syncPolicy.retry` computes it.

#include "reconcile/sync/retry.h"

#include <QTest>

using namespace capstan::sync;
using namespace std::chrono_literals;

class TestSyncRetry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("milliseconds"); // -1: invalid
        QTest::newRow("bare integer is seconds") << "30" << qint64(30000);
        QTest::newRow("seconds") << "5s" << qint64(5000);
        QTest::newRow("minutes") << "2m" << qint64(120000);
        QTest::newRow("compound") << "1h30m" << qint64(5400000);
        QTest::newRow("fraction") << "1.5s" << qint64(1500);
        QTest::newRow("milliseconds") << "300ms" << qint64(300);
        QTest::newRow("zero") << "0" << qint64(0);
        QTest::newRow("no unit on a fraction") << "1.5" << qint64(-1);
        QTest::newRow("unknown unit") << "3d" << qint64(-1);
        QTest::newRow("empty") << "" << qint64(-1);
        QTest::newRow("words") << "soon" << qint64(-1);
    }
    void durations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, milliseconds);
        const auto parsed = parseArgoDuration(text.toStdString());
        QCOMPARE(parsed.ok(), milliseconds >= 0);
        if (parsed)
            QCOMPARE(qint64(std::chrono::duration_cast<std::chrono::milliseconds>(*parsed).count()), milliseconds);
        else
            QVERIFY(parsed.error().message.find("unable to parse") != std::string::npos);
    }

    void delays_data()
    {
        QTest::addColumn<QString>("duration");
        QTest::addColumn<qint64>("factor"); // 0: default
        QTest::addColumn<QString>("maxDuration");
        QTest::addColumn<QList<qint64>>("seconds"); // delays before retry 1, 2, 3, ...
        QTest::newRow("Argo CD defaults: 5s x2, at most 3m")
            << QString() << qint64(0) << QString() << QList<qint64> { 5, 10, 20, 40, 80, 160, 180, 180 };
        QTest::newRow("documented example: 5s x2 max 3m")
            << "5s" << qint64(2) << "3m" << QList<qint64> { 5, 10, 20, 40, 80, 160, 180 };
        QTest::newRow("30s x3 max 5m") << "30s" << qint64(3) << "5m" << QList<qint64> { 30, 90, 270, 300, 300 };
        QTest::newRow("factor 1 keeps the wait") << "20" << qint64(1) << "1h" << QList<qint64> { 20, 20, 20 };
        QTest::newRow("maxDuration 0 does not cap") << "1m" << qint64(2) << "0" << QList<qint64> { 60, 120, 240, 480 };
    }
    void delays()
    {
        QFETCH(QString, duration);
        QFETCH(qint64, factor);
        QFETCH(QString, maxDuration);
        QFETCH(QList<qint64>, seconds);
        RetryStrategy retry;
        retry.limit = 10;
        if (!duration.isEmpty() || factor || !maxDuration.isEmpty()) {
            Backoff b;
            b.duration = duration.toStdString();
            if (factor)
                b.factor = factor;
            b.maxDuration = maxDuration.toStdString();
            retry.backoff = b;
        }
        for (int n = 0; n < seconds.size(); ++n) {
            const auto delay = retry.delay(n);
            QVERIFY(delay.ok());
            QCOMPARE(qint64(std::chrono::duration_cast<std::chrono::seconds>(*delay).count()), seconds[n]);
        }
    }

    void badDurationIsAnError()
    {
        RetryStrategy retry;
        retry.limit = 1;
        retry.backoff = Backoff { "five seconds", std::nullopt, {} };
        const auto delay = retry.delay(0);
        QVERIFY(!delay.ok());
        QCOMPARE(delay.error().message, std::string("unable to parse five seconds as a duration"));
    }

    void limits_data()
    {
        QTest::addColumn<qint64>("limit");
        QTest::addColumn<qint64>("retriesMade");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("no retry by default") << qint64(0) << qint64(0) << false;
        QTest::newRow("first of two") << qint64(2) << qint64(0) << true;
        QTest::newRow("second of two") << qint64(2) << qint64(1) << true;
        QTest::newRow("all used") << qint64(2) << qint64(2) << false;
        QTest::newRow("negative is unlimited") << qint64(-1) << qint64(1000) << true;
    }
    void limits()
    {
        QFETCH(qint64, limit);
        QFETCH(qint64, retriesMade);
        QFETCH(bool, allowed);
        RetryStrategy retry;
        retry.limit = limit;
        QCOMPARE(retry.allowsRetry(retriesMade), allowed);
    }
};

QTEST_GUILESS_MAIN(TestSyncRetry)
#include "tst_sync_retry.moc"
