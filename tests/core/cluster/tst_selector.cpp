#include "cluster/selector.h"

#include <QTest>

using namespace capstan::cluster;

class TestSelector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matches_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<QString>("labels"); // "k=v,k=v"
        QTest::addColumn<bool>("expected");
        QTest::newRow("empty matches all") << ""
                                           << "app=web" << true;
        QTest::newRow("equals") << "app=web"
                                << "app=web,tier=fe" << true;
        QTest::newRow("double equals") << "app==web"
                                       << "app=web" << true;
        QTest::newRow("equals other value") << "app=web"
                                            << "app=db" << false;
        QTest::newRow("not equals") << "app!=web"
                                    << "app=db" << true;
        QTest::newRow("not equals absent key") << "app!=web"
                                               << "tier=fe" << true;
        QTest::newRow("in") << "env in (dev, staging)"
                            << "env=staging" << true;
        QTest::newRow("in miss") << "env in (dev,staging)"
                                 << "env=prod" << false;
        QTest::newRow("notin") << "env notin (prod)"
                               << "env=dev" << true;
        QTest::newRow("notin absent") << "env notin (prod)"
                                      << "" << true;
        QTest::newRow("exists") << "canary"
                                << "canary=true" << true;
        QTest::newRow("exists miss") << "canary"
                                     << "app=web" << false;
        QTest::newRow("not exists") << "!canary"
                                    << "app=web" << true;
        QTest::newRow("all must hold") << "app=web,!canary,env in (dev)"
                                       << "app=web,env=dev,canary=x" << false;
        QTest::newRow("empty value") << "app="
                                     << "app=" << true;
        QTest::newRow("prefixed key") << "app.kubernetes.io/instance=shop-dev"
                                      << "app.kubernetes.io/instance=shop-dev" << true;
    }
    void matches()
    {
        QFETCH(QString, selector);
        QFETCH(QString, labels);
        QFETCH(bool, expected);
        auto parsed = LabelSelector::parse(selector.toStdString());
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().toString().c_str());
        Labels map;
        for (const QString &pair : labels.split(',', Qt::SkipEmptyParts))
            map[pair.section('=', 0, 0).toStdString()] = pair.section('=', 1).toStdString();
        QCOMPARE(parsed->matches(map), expected);
        // The canonical text reads back to the same selector.
        auto again = LabelSelector::parse(parsed->toString());
        QVERIFY(again.ok());
        QVERIFY(*again == *parsed);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::newRow("missing paren") << "env in dev";
        QTest::newRow("unclosed list") << "env in (dev";
        QTest::newRow("unknown operator") << "env within (dev)";
        QTest::newRow("lonely bang") << "!";
    }
    void rejects()
    {
        QFETCH(QString, selector);
        auto parsed = LabelSelector::parse(selector.toStdString());
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.error().message.find("invalid label selector") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestSelector)
#include "tst_selector.moc"
