#include "reconcile/compare/quantity.h"

#include <QtTest>

using namespace capstan::compare;

class TestQuantity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void same_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");

        QTest::newRow("half a cpu") << "0.5"
                                    << "500m" << true;
        QTest::newRow("one cpu") << "1"
                                 << "1000m" << true;
        QTest::newRow("different cpu") << "0.5"
                                       << "250m" << false;
        QTest::newRow("binary memory") << "1Gi"
                                       << "1024Mi" << true;
        QTest::newRow("binary vs decimal") << "1Gi"
                                           << "1G" << false;
        QTest::newRow("bytes") << "1Ki"
                               << "1024" << true;
        QTest::newRow("decimal exponent") << "1e3"
                                          << "1k" << true;
        QTest::newRow("negative exponent") << "5E-1"
                                           << "500m" << true;
        QTest::newRow("micro") << "1000u"
                               << "1m" << true;
        QTest::newRow("fraction of Gi") << "0.5Gi"
                                        << "512Mi" << true;
        QTest::newRow("same text") << "128Mi"
                                   << "128Mi" << true;
        QTest::newRow("not a quantity") << "lots"
                                        << "lots" << false;
        QTest::newRow("bad suffix") << "1Xi"
                                    << "1" << false;
        QTest::newRow("empty") << ""
                               << "0" << false;
    }

    void same()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(sameQuantity(a.toStdString(), b.toStdString()), same);
        QCOMPARE(sameQuantity(b.toStdString(), a.toStdString()), same);
    }
};

QTEST_GUILESS_MAIN(TestQuantity)
#include "tst_quantity.moc"
