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
