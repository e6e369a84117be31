// Strategic merge as kustomize applies it (expected results taken from
// `kubectl kustomize` runs of the same target and patch).
#include "kustomize/strategic_merge.h"
#include "manifest/yaml_reader.h"
#include "manifest/yaml_writer.h"

#include <QTest>

using namespace capstan;
using manifest::Node;

namespace {

Node parse(const char *text)
{
    auto docs = manifest::parseDocuments(text, "test.yaml");
    if (!docs || docs->empty())
        qFatal("bad test YAML: %s", text);
    return docs->front();
}

} // namespace

class TestStrategicMerge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void merge_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("patch");
        QTest::addColumn<QString>("expected");

        const char *deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n";
        QTest::newRow("containers merge by name, patch items first")
            << QString(deployment) + "spec:\n  template:\n    spec:\n      containers:\n      - {name: a, image: a}\n"
                                     "      - name: b\n        image: b\n        env: [{name: E1, value: v1}, {name: E2, value: v2}]\n"
                                     "      - {name: x, image: x}\n"
            << QString(deployment) + "spec:\n  template:\n    spec:\n      containers:\n      - {name: c, image: c}\n"
                                     "      - name: b\n        image: b2\n        env: [{name: NEW, value: n}, {name: E1, value: changed}]\n"
                                     "      - {name: x, $patch: delete}\n"
            << "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n"
               "      containers:\n      - image: c\n        name: c\n      - env:\n        - name: NEW\n          value: \"n\"\n"
               "        - name: E1\n          value: changed\n        - name: E2\n          value: v2\n        image: b2\n"
               "        name: b\n      - image: a\n        name: a\n";
        QTest::newRow("container port without protocol does not match a TCP port")
            << QString(deployment) + "spec:\n  template:\n    spec:\n      containers:\n      - name: app\n        ports:\n"
                                     "        - {containerPort: 80, protocol: TCP}\n        - containerPort: 443\n"
            << QString(deployment) + "spec:\n  template:\n    spec:\n      containers:\n      - name: app\n        ports:\n"
                                     "        - {containerPort: 80, name: http}\n"
            << "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n"
               "      containers:\n      - name: app\n        ports:\n        - containerPort: 80\n          protocol: TCP\n"
               "        - containerPort: 443\n";
        QTest::newRow("service ports merge by port")
            << "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - {port: 80, name: http}\n"
               "  - {port: 443, name: https}\n"
            << "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - {port: 443, targetPort: 8443}\n"
               "  - port: 9000\n"
            << "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - name: https\n    port: 443\n"
               "    targetPort: 8443\n  - port: 9000\n  - name: http\n    port: 80\n";
        // A list the target lacks is merged with itself, and the key tuple of an item
        // without the merge key (a plain item or a `$patch` directive) matches no element
        // on either side: that once read the element before the list (undefined behaviour).
        const QString containerB = QString(deployment) + "spec:\n  template:\n    spec:\n      containers:\n"
                                                         "      - name: b\n";
        QTest::newRow("new list with an item lacking the merge key")
            << containerB + "        image: b\n" << containerB + "        env: [{value: nameless}, {name: KEPT}]\n"
            << "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n"
               "      containers:\n      - env:\n        - value: nameless\n        image: b\n        name: b\n";
        QTest::newRow("new list with a replace directive")
            << containerB + "        image: b\n" << containerB + "        env: [{$patch: replace}, {name: KEPT}]\n"
            << "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n"
               "      containers:\n      - env:\n        - $patch: replace\n        image: b\n        name: b\n";
        QTest::newRow("replace directive, null deletes, other lists replaced")
            << QString(deployment) + "  labels: {a: b, c: d}\nspec:\n  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1}}\n"
                                     "  template:\n    spec:\n      tolerations: [{key: a}]\n"
            << QString(deployment) + "  labels: {c: null}\nspec:\n  strategy: {$patch: replace, type: Recreate}\n"
                                     "  template:\n    spec:\n      tolerations: [{key: b}]\n"
            << "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    a: b\n  name: d\nspec:\n  strategy:\n"
               "    type: Recreate\n  template:\n    spec:\n      tolerations:\n      - key: b\n";
        QTest::newRow("custom resource lists are replaced")
            << "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  containers: [{name: c1, image: x}]\n"
            << "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  containers: [{name: c2}]\n"
            << "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  containers:\n  - name: c2\n";
        QTest::newRow("finalizers merge as a set")
            << QString(deployment) + "  finalizers: [a, b]\n" << QString(deployment) + "  finalizers: [z, a]\n"
            << "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  finalizers:\n  - z\n  - a\n  - b\n  name: d\n";
    }

    void merge()
    {
        QFETCH(QString, target);
        QFETCH(QString, patch);
        QFETCH(QString, expected);
        auto merged = kustomize::strategicMerge(parse(qPrintable(target)), parse(qPrintable(patch)));
        QVERIFY(merged.ok());
        QVERIFY(merged->has_value());
        QCOMPARE(QString::fromStdString(manifest::emitYaml(**merged)), expected);
    }

    void deleteDirectiveRemovesTheObject()
    {
        auto merged = kustomize::strategicMerge(parse("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n"),
                                                parse("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n$patch: delete\n"));
        QVERIFY(merged.ok());
        QVERIFY(!merged->has_value());
    }
};

QTEST_GUILESS_MAIN(TestStrategicMerge)
#include "tst_strategic_merge.moc"
