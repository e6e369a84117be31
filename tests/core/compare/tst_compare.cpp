#include "manifest/yaml_reader.h"
#include "reconcile/compare/compare.h"

#include <QtTest>

using namespace capstan;
using namespace capstan::compare;

namespace {

// What Git says.
const char *const Desired = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: prod
  annotations:
    example.com/note: from-git
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.25
        ports:
        - containerPort: 80
        resources:
          requests:
            cpu: "0.5"
            memory: 256Mi
        volumeMounts:
        - name: data
          mountPath: /data
        - name: data
          mountPath: /cache
          subPath: cache
)";

// The same object as the API server returns it after an apply: server-set
// metadata, defaults, status, quantities in canonical form, other order.
const char *const Live = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  annotations:
    argocd.argoproj.io/tracking-id: shop:apps/Deployment:prod/web
    deployment.kubernetes.io/revision: "2"
    example.com/note: from-git
    kubectl.kubernetes.io/last-applied-configuration: '{"spec":{"replicas":3}}'
  creationTimestamp: "2026-01-01T00:00:00Z"
  generation: 4
  managedFields:
  - manager: argocd-controller
    operation: Apply
    fieldsType: FieldsV1
    fieldsV1:
      f:spec:
        f:template:
          f:spec:
            f:containers:
              k:{"name":"web"}:
                .: {}
                f:image: {}
  - manager: hpa-controller
    operation: Update
    fieldsType: FieldsV1
    fieldsV1:
      f:spec:
        f:replicas: {}
  name: web
  namespace: prod
  resourceVersion: "1234"
  uid: 0b6c1f7e-4d1a-4f55-9d7a-3c1e2b9a8f00
spec:
  progressDeadlineSeconds: 600
  replicas: 3
  revisionHistoryLimit: 10
  selector:
    matchLabels:
      app: web
  strategy:
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 25%
    type: RollingUpdate
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx:1.25
        imagePullPolicy: IfNotPresent
        name: web
        ports:
        - containerPort: 80
          protocol: TCP
        resources:
          requests:
            cpu: 500m
            memory: 256Mi
        terminationMessagePath: /dev/termination-log
        volumeMounts:
        - mountPath: /data
          name: data
        - mountPath: /cache
          name: data
          subPath: cache
      dnsPolicy: ClusterFirst
      restartPolicy: Always
      schedulerName: default-scheduler
status:
  availableReplicas: 3
  observedGeneration: 4
  readyReplicas: 3
  replicas: 3
)";

std::vector<manifest::Object> objects(const QString &yaml)
{
    auto parsed = manifest::parseObjects(yaml.toStdString(), "test.yaml");
    if (!parsed)
        qFatal("bad test YAML: %s", parsed.error().toString().c_str());
    return *parsed;
}

// "from=>to" edits applied to a YAML text, so rows state only what differs.
QString edited(QString yaml, const QStringList &edits)
{
    for (const QString &edit : edits) {
        const QStringList parts = edit.split(QStringLiteral("=>"));
        if (!yaml.contains(parts.at(0)))
            qFatal("edit does not apply: %s", qPrintable(parts.at(0)));
        yaml.replace(parts.at(0), parts.at(1));
    }
    return yaml;
}

CompareRequest request(const QString &desired, const QString &live, const QString &ignore = {})
{
    CompareRequest r;
    r.appName = "shop";
    r.defaultNamespace = "prod";
    r.desired = objects(desired);
    r.live = objects(live);
    if (!ignore.isEmpty()) {
        auto nodes = manifest::parseDocuments(ignore.toStdString(), "ignore.yaml");
        if (!nodes || nodes->size() != 1)
            qFatal("bad ignoreDifferences YAML");
        auto rules = parseIgnoreDifferences(nodes->front());
        if (!rules)
            qFatal("%s", rules.error().message.c_str());
        r.ignoreDifferences = *rules;
    }
    return r;
}

const QString ReplicasDrift
    = QStringLiteral("  replicas: 3\n  revisionHistoryLimit=>  replicas: 5\n  revisionHistoryLimit");
const QString ImageDrift = QStringLiteral("      - image: nginx:1.25=>      - image: nginx:1.24");

} // namespace

class TestCompare : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void status_data()
    {
        QTest::addColumn<QStringList>("desiredEdits");
        QTest::addColumn<QStringList>("liveEdits");
        QTest::addColumn<QString>("ignore");
        QTest::addColumn<QString>("expected");

        QTest::newRow("freshly applied, server defaults") << QStringList {} << QStringList {} << QString() << "Synced";
        QTest::newRow("replicas changed live")
            << QStringList {} << QStringList { ReplicasDrift } << QString() << "OutOfSync";
        QTest::newRow("image changed in Git")
            << QStringList { "nginx:1.25=>nginx:1.26" } << QStringList {} << QString() << "OutOfSync";
        QTest::newRow("field removed live")
            << QStringList {} << QStringList { "        - containerPort: 80\n          protocol: TCP\n=>" } << QString()
            << "OutOfSync";
        QTest::newRow("cpu differs in value")
            << QStringList {} << QStringList { "cpu: 500m=>cpu: 250m" } << QString() << "OutOfSync";
        QTest::newRow("memory in other units")
            << QStringList { "memory: 256Mi=>memory: 0.25Gi" } << QStringList {} << QString() << "Synced";
        QTest::newRow("volume mounts matched by path")
            << QStringList {} << QStringList { "subPath: cache=>subPath: other" } << QString() << "OutOfSync";
        QTest::newRow("live not yet tracked by the app")
            << QStringList {} << QStringList { "    argocd.argoproj.io/tracking-id: shop:apps/Deployment:prod/web\n=>" }
            << QString() << "OutOfSync";
        QTest::newRow("jsonPointers") << QStringList {} << QStringList { ReplicasDrift }
                                      << "- group: apps\n  kind: Deployment\n  jsonPointers: [/spec/replicas]\n"
                                      << "Synced";
        QTest::newRow("jq field") << QStringList {} << QStringList { ReplicasDrift }
                                  << "- group: apps\n  kind: Deployment\n  jqPathExpressions: [.spec.replicas]\n"
                                  << "Synced";
        QTest::newRow("jq select") << QStringList {} << QStringList { ImageDrift }
                                   << "- group: apps\n  kind: Deployment\n  jqPathExpressions:\n"
                                      "  - '.spec.template.spec.containers[] | select(.name == \"web\") | .image'\n"
                                   << "Synced";
        QTest::newRow("jq index") << QStringList {} << QStringList { ImageDrift }
                                  << "- group: apps\n  kind: Deployment\n  jqPathExpressions:\n"
                                     "  - .spec.template.spec.containers[0].image\n"
                                  << "Synced";
        QTest::newRow("jq quoted annotation key")
            << QStringList {} << QStringList { "example.com/note: from-git=>example.com/note: edited" }
            << "- group: apps\n  kind: Deployment\n  jqPathExpressions:\n"
               "  - '.metadata.annotations[\"example.com/note\"]'\n"
            << "Synced";
        QTest::newRow("managedFieldsManagers") << QStringList {} << QStringList { ReplicasDrift }
                                               << "- group: apps\n  kind: Deployment\n"
                                                  "  managedFieldsManagers: [hpa-controller]\n"
                                               << "Synced";
        QTest::newRow("managedFieldsManagers, keyed list item")
            << QStringList {} << QStringList { ImageDrift }
            << "- group: apps\n  kind: Deployment\n  managedFieldsManagers: [argocd-controller]\n"
            << "Synced";
        QTest::newRow("managedFieldsManagers, other manager")
            << QStringList {} << QStringList { ReplicasDrift }
            << "- group: apps\n  kind: Deployment\n  managedFieldsManagers: [argocd-controller]\n"
            << "OutOfSync";
        QTest::newRow("rule for another kind")
            << QStringList {} << QStringList { ReplicasDrift }
            << "- group: apps\n  kind: StatefulSet\n  jsonPointers: [/spec/replicas]\n"
            << "OutOfSync";
        QTest::newRow("rule for another name")
            << QStringList {} << QStringList { ReplicasDrift }
            << "- group: apps\n  kind: Deployment\n  name: api\n  jsonPointers: [/spec/replicas]\n"
            << "OutOfSync";
        QTest::newRow("rule with kind glob") << QStringList {} << QStringList { ReplicasDrift }
                                             << "- group: '*'\n  kind: '*'\n  jsonPointers: [/spec/replicas]\n"
                                             << "Synced";
        QTest::newRow("unsupported jq") << QStringList {} << QStringList {}
                                        << "- group: apps\n  kind: Deployment\n  jqPathExpressions: ['del(.spec)']\n"
                                        << "Unknown";
    }

    void status()
    {
        QFETCH(QStringList, desiredEdits);
        QFETCH(QStringList, liveEdits);
        QFETCH(QString, ignore);
        QFETCH(QString, expected);
        const CompareResult result
            = compareApp(request(edited(Desired, desiredEdits), edited(Live, liveEdits), ignore));
        QCOMPARE(QString::fromLatin1(toString(result.status)), expected);
        if (expected == QLatin1String("Unknown")) {
            QVERIFY(result.error);
            QVERIFY(QString::fromStdString(result.error->toString()).contains(QLatin1String("del(.spec)")));
            QVERIFY(result.resources.empty());
            return;
        }
        QCOMPARE(result.resources.size(), std::size_t(1));
        const ResourceComparison &r = result.resources.front();
        QCOMPARE(QString::fromLatin1(toString(r.status)), expected);
        QCOMPARE(r.diff.empty(), expected == QLatin1String("Synced"));
        QVERIFY2(expected != QLatin1String("Synced") || r.desiredYaml == r.liveYaml, r.diff.c_str());
    }

    // The diff a person reads: live on the "-" side, Git on the "+" side, and
    // none of the server's noise.
    void driftDiff()
    {
        const CompareResult result = compareApp(request(Desired, edited(Live, { ReplicasDrift })));
        const std::string &diff = result.resources.front().diff;
        QVERIFY2(diff.find("--- a/apps/Deployment/prod/web\n+++ b/apps/Deployment/prod/web\n") == 0, diff.c_str());
        QVERIFY2(diff.find("-  replicas: 5\n+  replicas: 3\n") != std::string::npos, diff.c_str());
        for (const char *noise : { "resourceVersion", "managedFields", "status", "revisionHistoryLimit", "last-applied",
                 "uid:", "creationTimestamp", "imagePullPolicy" }) {
            QVERIFY2(diff.find(noise) == std::string::npos, noise);
            QVERIFY2(result.resources.front().liveYaml.find(noise) == std::string::npos, noise);
        }
        // Desired carries the app's tracking id, as Argo CD applies it.
        QVERIFY(
            result.resources.front().desiredYaml.find("argocd.argoproj.io/tracking-id: shop:apps/Deployment:prod/web")
            != std::string::npos);
    }

    void missingAndPruning()
    {
        const QString desired = QString::fromLatin1(Desired) + QStringLiteral(R"(---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
  - port: 80
)");
        const QString live = QString::fromLatin1(Live) + QStringLiteral(R"(---
apiVersion: v1
kind: ConfigMap
metadata:
  name: old-settings
  namespace: prod
  annotations:
    argocd.argoproj.io/tracking-id: shop:/ConfigMap:prod/old-settings
data:
  mode: legacy
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: theirs
  namespace: prod
  annotations:
    argocd.argoproj.io/tracking-id: billing:/ConfigMap:prod/theirs
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: untracked
  namespace: prod
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web-5d8f
  namespace: prod
  annotations:
    argocd.argoproj.io/tracking-id: shop:apps/ReplicaSet:prod/web-5d8f
  ownerReferences:
  - apiVersion: apps/v1
    kind: Deployment
    name: web
)");
        const CompareResult result = compareApp(request(desired, live));
        QCOMPARE(result.status, SyncStatus::OutOfSync);
        QStringList seen;
        for (const ResourceComparison &r : result.resources)
            seen << QString::fromStdString(r.id.toString()) + QLatin1Char('=') + QLatin1String(toString(r.status));
        QCOMPARE(seen,
            (QStringList { "apps/Deployment:prod/web=Synced", "/Service:/web=Missing",
                "/ConfigMap:prod/old-settings=RequiresPruning" }));
        const ResourceComparison &missing = result.resources[1];
        QVERIFY(missing.liveYaml.empty());
        QVERIFY2(missing.diff.find("+kind: Service\n") != std::string::npos, missing.diff.c_str());
        QVERIFY(
            missing.desiredYaml.find("argocd.argoproj.io/tracking-id: shop:/Service:prod/web") != std::string::npos);
        const ResourceComparison &prune = result.resources[2];
        QVERIFY(prune.desiredYaml.empty());
        QVERIFY2(prune.diff.find("-  mode: legacy\n") != std::string::npos, prune.diff.c_str());
    }

    void namespaceFromDestination()
    {
        // Desired without a namespace matches the live object in the destination namespace.
        const CompareResult result = compareApp(request(edited(Desired, { "  namespace: prod\n=>" }), Live));
        QCOMPARE(result.status, SyncStatus::Synced);
        QCOMPARE(result.resources.front().id.ns, std::string("prod"));
    }

    void labelTracking()
    {
        CompareRequest r = request(Desired,
            edited(Live,
                { "  name: web\n  namespace: prod\n=>  name: web\n  namespace: prod\n  labels:\n    "
                  "app.kubernetes.io/instance: shop\n" }));
        r.tracking = TrackingMethod::Label;
        const CompareResult result = compareApp(r);
        QCOMPARE(result.status, SyncStatus::Synced);
        QVERIFY(result.resources.front().desiredYaml.find("app.kubernetes.io/instance: shop") != std::string::npos);
        QVERIFY(result.resources.front().desiredYaml.find("tracking-id") == std::string::npos);
    }

    void hooksAreNotCompared()
    {
        const QString hook = QStringLiteral(R"(---
apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
  namespace: prod
  annotations:
    argocd.argoproj.io/hook: PreSync
spec: {}
)");
        const CompareResult result = compareApp(request(QString::fromLatin1(Desired) + hook, Live));
        QCOMPARE(result.status, SyncStatus::Synced);
        QCOMPARE(result.resources.size(), std::size_t(1));
    }

    void syncedDetailCanBeSkipped()
    {
        CompareRequest r = request(Desired, Live);
        r.detail = Detail::OutOfSyncOnly;
        const CompareResult result = compareApp(r);
        QCOMPARE(result.status, SyncStatus::Synced);
        QVERIFY(result.resources.front().desiredYaml.empty());
        r.live = objects(edited(Live, { ReplicasDrift }));
        QVERIFY(!compareApp(r).resources.front().desiredYaml.empty());
    }

    void badIgnoreDifferences_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QString>("message");
        QTest::newRow("not a list") << "{kind: Deployment}"
                                    << "must be a list";
        QTest::newRow("no kind") << "- group: apps\n  jsonPointers: [/spec/replicas]\n"
                                 << "without a kind";
        QTest::newRow("pointers not a list") << "- kind: Deployment\n  jsonPointers: /spec/replicas\n"
                                             << "jsonPointers must be a list";
    }

    // A mistake in an Application's ignoreDifferences is reported, not skipped.
    void badIgnoreDifferences()
    {
        QFETCH(QString, yaml);
        QFETCH(QString, message);
        auto nodes = manifest::parseDocuments(yaml.toStdString(), "app.yaml");
        QVERIFY(nodes && nodes->size() == 1);
        const auto rules = parseIgnoreDifferences(nodes->front());
        QVERIFY(!rules);
        QVERIFY2(QString::fromStdString(rules.error().message).contains(message), rules.error().message.c_str());
    }

    void emptyAppIsSynced()
    {
        CompareRequest r;
        r.appName = "shop";
        const CompareResult result = compareApp(r);
        QCOMPARE(result.status, SyncStatus::Synced);
        QVERIFY(result.resources.empty());
    }
};

QTEST_GUILESS_MAIN(TestCompare)
#include "tst_compare.moc"
