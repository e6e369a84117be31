#include "manifest/node.h"
#include "manifest/object.h"

#include <QTest>

using namespace capstan::manifest;

class TestNode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setKeepsOrderAndReplacesInPlace()
    {
        Node n = Node::map();
        n.set("b", Node::string("1"));
        n.set("a", Node::string("2"));
        n.set("b", Node::string("3"));
        QCOMPARE(n.size(), std::size_t(2));
        QCOMPARE(n.entries()[0].key, std::string("b"));
        QCOMPARE(n.entries()[0].value.text(), std::string("3"));
        QVERIFY(n.remove("b"));
        QVERIFY(!n.remove("b"));
        QCOMPARE(n.size(), std::size_t(1));
    }

    void indexingANullNodeMakesAMap()
    {
        Node n;
        n["metadata"]["name"] = Node::string("web");
        QVERIFY(n.isMap());
        QCOMPARE(n.textAt({"metadata", "name"}), std::string("web"));
        QCOMPARE(n.textAt({"metadata", "namespace"}, "default"), std::string("default"));
        QVERIFY(n.at({"metadata", "name", "deeper"}) == nullptr);
    }

    // A node keeps only its kind's content; replacing it by one of its own
    // children (unwrapping, as patches and transformers do) must not read freed
    // memory, whichever kinds meet.
    void replacingANodeByItsOwnChildKeepsTheChild()
    {
        Node list = Node::sequence();
        list.append(Node::string("only"));
        list = std::move(list.items()[0]);
        QVERIFY(list.isString());
        QCOMPARE(list.text(), std::string("only"));

        Node wrapper = Node::map();
        wrapper["inner"]["name"] = Node::string("web");
        wrapper = wrapper.entries()[0].value; // a copy of the child, map into map
        QCOMPARE(wrapper.textAt({"name"}), std::string("web"));
        QVERIFY(!wrapper.contains("inner"));

        Node outer = Node::map(); // map moved into from its own map child
        outer["inner"]["name"] = Node::string("api");
        outer = std::move(outer.entries()[0].value);
        QCOMPARE(outer.textAt({"name"}), std::string("api"));
        QVERIFY(!outer.contains("inner"));

        Node holder = Node::map();
        holder["items"].append(Node::integer(1));
        holder["items"].append(Node::integer(2));
        holder = *holder.find("items"); // map becomes the sequence it held
        QVERIFY(holder.isSequence());
        QCOMPARE(holder.size(), std::size_t(2));
        QCOMPARE(holder.items()[1].text(), std::string("2"));

        Node scalar = Node::map();
        scalar.set("text", Node::string("kept"));
        scalar.setScalar(scalar.find("text")->text(), ScalarType::String);
        QCOMPARE(scalar.text(), std::string("kept"));
        QCOMPARE(scalar.size(), std::size_t(0));
    }

    // Asking a scalar or sequence for its entries, or a map for its items, finds
    // nothing; a null grows into what is asked of it.
    void childrenOfAnotherKindAreEmpty()
    {
        const Node text = Node::string("x");
        QVERIFY(text.entries().empty());
        QVERIFY(text.items().empty());
        QVERIFY(text.find("x") == nullptr);
        const Node map = Node::map();
        QVERIFY(map.items().empty());
        QCOMPARE(map.text(), std::string());
        Node grows;
        grows.items().push_back(Node::string("a"));
        QVERIFY(grows.isSequence());
        QCOMPARE(grows.size(), std::size_t(1));
        Node copy = grows;
        copy.items().push_back(Node::string("b"));
        QCOMPARE(grows.size(), std::size_t(1)); // copies are deep
        QCOMPARE(copy.size(), std::size_t(2));
    }

    void equalityIgnoresMapOrderButNotTypes()
    {
        Node a = Node::map();
        a.set("x", Node::integer(1));
        a.set("y", Node::string("1"));
        Node b = Node::map();
        b.set("y", Node::string("1"));
        b.set("x", Node::integer(1));
        QVERIFY(a == b);
        b.set("x", Node::string("1"));
        QVERIFY(!(a == b));
    }

    void objectIdentity_data()
    {
        QTest::addColumn<QString>("apiVersion");
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("version");
        QTest::newRow("core") << "v1" << "" << "v1";
        QTest::newRow("apps") << "apps/v1" << "apps" << "v1";
        QTest::newRow("crd") << "argoproj.io/v1alpha1" << "argoproj.io" << "v1alpha1";
    }

    void objectIdentity()
    {
        QFETCH(QString, apiVersion);
        QFETCH(QString, group);
        QFETCH(QString, version);
        Node root = Node::map();
        root.set("apiVersion", Node::string(apiVersion.toStdString()));
        root.set("kind", Node::string("Thing"));
        Object o(root);
        o.setName("web");
        o.setNamespace("prod");
        const ResourceId id = o.id();
        QCOMPARE(QString::fromStdString(id.group), group);
        QCOMPARE(QString::fromStdString(id.version), version);
        QCOMPARE(id.toString(), group.toStdString() + "/Thing:prod/web");
    }
};

QTEST_GUILESS_MAIN(TestNode)
#include "tst_node.moc"
