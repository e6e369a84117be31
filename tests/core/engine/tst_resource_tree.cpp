#include "manifest/yaml_reader.h"
#include "reconcile/engine/resource_tree.h"

#include <QTest>

using namespace capstan;

namespace {

std::vector<manifest::Object> parse(const char *yaml)
{
    auto objects = manifest::parseObjects(yaml, "test.yaml");
    if (!objects)
        qFatal("%s", objects.error().toString().c_str());
    return std::move(*objects);
}

manifest::ResourceId id(const char *group, const char *kind, const char *ns, const char *name)
{
    return {group, "v1", kind, ns, name};
}

} // namespace

class TestResourceTree : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ownersAndTheirObjectsNest()
    {
        engine::TreeInput input;
        input.defined = {{id("apps", "Deployment", "shop", "web"), compare::ResourceStatus::OutOfSync},
                         {id("", "Service", "shop", "web"), compare::ResourceStatus::Synced},
                         {id("", "ConfigMap", "shop", "settings"), compare::ResourceStatus::Missing}};
        input.live = parse(R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop, uid: d1, annotations: {deployment.kubernetes.io/revision: "2"}}
spec: {replicas: 2}
status: {readyReplicas: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 1, observedGeneration: 1}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop, uid: s1}
spec: {type: ClusterIP}
)");
        const auto owned = parse(R"(apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: web-old, namespace: shop, uid: r1, creationTimestamp: "2026-11-20T10:00:00Z",
  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: d1}]}
spec: {replicas: 0}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: web-new, namespace: shop, uid: r2, creationTimestamp: "2026-11-25T10:00:00Z",
  annotations: {deployment.kubernetes.io/revision: "2"},
  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: d1}]}
spec: {replicas: 2}
status: {readyReplicas: 1}
---
apiVersion: v1
kind: Pod
metadata: {name: web-new-a, namespace: shop, uid: p1, ownerReferences: [{kind: ReplicaSet, name: web-new, uid: r2}]}
spec: {restartPolicy: Always}
status:
  phase: Running
  containerStatuses: [{name: web, ready: false, restartCount: 3, state: {waiting: {reason: CrashLoopBackOff}}}]
---
apiVersion: v1
kind: Pod
metadata: {name: stray, namespace: shop, uid: p9}
status: {phase: Running}
)");
        const engine::ResourceTree tree = engine::buildResourceTree(input, owned);
        QStringList lines;
        for (const engine::TreeNode &n : tree.nodes)
            lines << QString(n.depth * 2, QLatin1Char(' ')) + QString::fromStdString(n.id.kind + "/" + n.id.name);
        const QStringList expected = {QStringLiteral("Deployment/web"), QStringLiteral("  ReplicaSet/web-new"),
                                      QStringLiteral("    Pod/web-new-a"), QStringLiteral("  ReplicaSet/web-old"),
                                      QStringLiteral("Service/web"), QStringLiteral("ConfigMap/settings")};
        QCOMPARE(lines, expected); // the newest ReplicaSet first; the stray Pod belongs to no one here

        QVERIFY(tree.nodes[0].fromGit);
        QCOMPARE(*tree.nodes[0].status, compare::ResourceStatus::OutOfSync);
        QCOMPARE(tree.nodes[0].info, std::string("1/2 ready · revision 2"));
        QVERIFY(!tree.nodes[1].fromGit);
        QVERIFY(!tree.nodes[1].status);
        QCOMPARE(tree.nodes[1].parent, 0);
        QCOMPARE(tree.nodes[2].parent, 1);
        QCOMPARE(tree.nodes[2].info, std::string("CrashLoopBackOff · 3 restarts"));
        QVERIFY(tree.nodes[2].health.has_value());
        QCOMPARE(health::toString(tree.nodes[2].health->status), std::string_view("Degraded"));
        // Missing from the cluster: listed, with its status and no health.
        QCOMPARE(*tree.nodes[5].status, compare::ResourceStatus::Missing);
        QVERIFY(!tree.nodes[5].health);
    }
};

QTEST_GUILESS_MAIN(TestResourceTree)
#include "tst_resource_tree.moc"
