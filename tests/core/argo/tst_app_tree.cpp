#include "argo/app_tree.h"

#include <QTest>

using namespace capstan::argo;

namespace {

using Edges = std::map<std::string, std::vector<std::string>>;

// "root:team-a,team-b;team-a:frontend" → edges.
Edges edges(const QString &text)
{
    Edges out;
    for (const QString &entry : text.split(';', Qt::SkipEmptyParts)) {
        const QStringList parts = entry.split(':');
        std::vector<std::string> &kids = out[parts[0].toStdString()];
        for (const QString &kid : parts.value(1).split(',', Qt::SkipEmptyParts))
            kids.push_back(kid.toStdString());
    }
    return out;
}

QStringList toList(const std::vector<std::string> &items)
{
    QStringList out;
    for (const std::string &item : items)
        out << QString::fromStdString(item);
    return out;
}

} // namespace

class TestAppTree : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cycles_data()
    {
        QTest::addColumn<QString>("graph");
        // "app=cycle path" for every application on a cycle, in name order.
        QTest::addColumn<QStringList>("cycles");
        QTest::addColumn<QStringList>("roots");

        QTest::newRow("seed: app-of-apps with three environments")
            << "app-of-apps:frontend-dev,frontend-staging,frontend-prod" << QStringList {}
            << QStringList { "app-of-apps" };
        QTest::newRow("deep tree") << "root:team-a,team-b;team-a:frontend;frontend:frontend-dev" << QStringList {}
                                   << QStringList { "root" };
        QTest::newRow("renders itself") << "root:root,frontend" << QStringList { "root=root → root" } << QStringList {};
        QTest::newRow("two-application cycle under a root")
            << "root:a,frontend;a:b;b:a,orders" << QStringList { "a=a → b → a", "b=b → a → b" }
            << QStringList { "root" };
        QTest::newRow("three-application cycle, the rest unaffected")
            << "root:x,ok;x:y;y:z;z:x;ok:leaf"
            << QStringList { "x=x → y → z → x", "y=y → z → x → y", "z=z → x → y → z" } << QStringList { "root" };
        QTest::newRow("two separate cycles")
            << "a:b;b:a;c:d;d:c" << QStringList { "a=a → b → a", "b=b → a → b", "c=c → d → c", "d=d → c → d" }
            << QStringList {};
        QTest::newRow("shared child is not a cycle")
            << "root:a,b;a:shared;b:shared" << QStringList {} << QStringList { "root" };
        QTest::newRow("shortest way back is reported")
            << "a:b,c;b:a;c:b" << QStringList { "a=a → b → a", "b=b → a → b", "c=c → b → a → c" } << QStringList {};
    }

    void cycles()
    {
        QFETCH(QString, graph);
        QFETCH(QStringList, cycles);
        QFETCH(QStringList, roots);
        const AppTree tree = buildAppTree(edges(graph));
        QStringList actual;
        for (const auto &[app, path] : tree.cycles)
            actual << QString::fromStdString(app) + "=" + toList(path).join(" → ");
        QCOMPARE(actual, cycles);
        QCOMPARE(toList(tree.roots), roots);
        // Every application on a cycle carries an error condition; no other does.
        for (const auto &[app, _] : tree.children) {
            const auto conditions = tree.conditionsFor(app);
            const bool hasError = std::any_of(
                conditions.begin(), conditions.end(), [](const Condition &c) { return isErrorCondition(c.type); });
            QCOMPARE(hasError, tree.inCycle(app));
        }
    }

    void cycleCondition()
    {
        const AppTree tree = buildAppTree(edges("root:a;a:b;b:a"));
        auto conditions = tree.conditionsFor("b");
        QCOMPARE(conditions.size(), std::size_t(1));
        QCOMPARE(conditions[0].type, ConditionType::InvalidSpecError);
        QCOMPARE(QString::fromStdString(conditions[0].message), QString("app-of-apps cycle: b → a → b"));
        QVERIFY(tree.conditionsFor("root").empty());
        // `a` is rendered by root and by b: on the cycle and shared.
        conditions = tree.conditionsFor("a");
        QCOMPARE(conditions.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(conditions[0].message), QString("app-of-apps cycle: a → b → a"));
        QCOMPARE(conditions[1].type, ConditionType::SharedResourceWarning);
    }

    void structure()
    {
        const AppTree tree = buildAppTree(edges("root:team-a,team-b,team-a;team-a:frontend;frontend:frontend-dev"));
        QCOMPARE(toList(tree.children.at("root")), (QStringList { "team-a", "team-b" })); // duplicates dropped
        QVERIFY(tree.children.at("frontend-dev").empty()); // leaves are nodes too
        QCOMPARE(toList(tree.parents.at("frontend")), QStringList { "team-a" });
        QCOMPARE(tree.depth("root"), 0);
        QCOMPARE(tree.depth("team-b"), 1);
        QCOMPARE(tree.depth("frontend-dev"), 3);
        QCOMPARE(tree.depth("unknown"), -1);
        QCOMPARE(toList(tree.descendants("root")), (QStringList { "team-a", "team-b", "frontend", "frontend-dev" }));
        QCOMPARE(toList(tree.descendants("frontend-dev")), QStringList {});
    }

    void descendantsStopAtCycles()
    {
        const AppTree tree = buildAppTree(edges("root:a;a:b;b:a,leaf"));
        QCOMPARE(toList(tree.descendants("root")), (QStringList { "a", "b", "leaf" }));
        QCOMPARE(toList(tree.descendants("a")), (QStringList { "b", "leaf" }));
        // A cycle nothing else reaches has no root above it.
        const AppTree island = buildAppTree(edges("a:b;b:a"));
        QCOMPARE(island.depth("a"), -1);
    }

    void sharedChildIsAWarning()
    {
        const AppTree tree = buildAppTree(edges("root:a,b;a:shared;b:shared"));
        const auto conditions = tree.conditionsFor("shared");
        QCOMPARE(conditions.size(), std::size_t(1));
        QCOMPARE(conditions[0].type, ConditionType::SharedResourceWarning);
        QCOMPARE(QString::fromStdString(conditions[0].message),
            QString("application is rendered by more than one application: a, b"));
    }

    // Cycle search is iterative: a very deep chain of applications cannot exhaust the stack.
    void deepChainDoesNotOverflow()
    {
        Edges chain;
        for (int i = 0; i < 20000; ++i)
            chain["app-" + std::to_string(i)] = { "app-" + std::to_string(i + 1) };
        AppTree tree = buildAppTree(chain);
        QVERIFY(tree.cycles.empty());
        QCOMPARE(tree.depth("app-20000"), 20000);
        chain["app-20000"] = { "app-19998" };
        tree = buildAppTree(chain);
        QCOMPARE(tree.cycles.size(), std::size_t(3));
        QCOMPARE(
            toList(tree.cycles.at("app-19998")), (QStringList { "app-19998", "app-19999", "app-20000", "app-19998" }));
    }
};

QTEST_GUILESS_MAIN(TestAppTree)
#include "tst_app_tree.moc"
