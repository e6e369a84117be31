#include "fixture.h"

#include <QTemporaryDir>

using namespace capstan;
using namespace capstan::cluster;
using namespace capstan::cluster::test;

namespace {

const char *const kConfigMap = R"(apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  labels:
    app: web
data:
  mode: fast
)";

} // namespace

class TestSandboxApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void applyThenGetFillsServerFields()
    {
        auto c = sandbox();
        auto applied = c->apply(object(kConfigMap));
        QVERIFY2(applied.ok(), applied.ok() ? "" : applied.error().toString().c_str());
        QCOMPARE(applied->ns(), std::string("default")); // defaulted for a namespaced kind
        auto got = c->get({ "", "ConfigMap", "default", "settings" });
        QVERIFY(got.ok());
        const auto &meta = *got->root().find("metadata");
        QVERIFY(!meta.textAt({ "uid" }).empty());
        QVERIFY(!meta.textAt({ "resourceVersion" }).empty());
        QVERIFY(!meta.textAt({ "creationTimestamp" }).empty());
        QCOMPARE(meta.textAt({ "generation" }), std::string("1"));
        QCOMPARE(got->root().textAt({ "data", "mode" }), std::string("fast"));
        QCOMPARE(meta.at({ "managedFields" })->items().front().textAt({ "manager" }), std::string("capstan"));
    }

    void errorsCarryCodes()
    {
        auto c = sandbox();
        auto missing = c->get({ "", "ConfigMap", "default", "nope" });
        QVERIFY(!missing.ok());
        QCOMPARE(missing.code(), ErrorCode::NotFound);
        capstan::Result<manifest::Object> plain = c->get({ "", "ConfigMap", "default", "nope" }).toResult();
        QVERIFY(!plain.ok());
        QCOMPARE(plain.error().where, std::string("/ConfigMap:default/nope"));

        auto noName = c->apply(object("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {a: b}\n"));
        QCOMPARE(noName.code(), ErrorCode::Invalid);

        auto badName = c->apply(object("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n"));
        QCOMPARE(badName.code(), ErrorCode::Invalid);

        auto noNamespace
            = c->apply(object("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: ghost\n"));
        QCOMPARE(noNamespace.code(), ErrorCode::NotFound);
        QVERIFY(noNamespace.error().message.find("namespaces \"ghost\" not found") != std::string::npos);

        auto unknownKind = c->apply(object("apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: a\n"));
        QCOMPARE(unknownKind.code(), ErrorCode::NotFound);

        auto protectedNs = c->remove({ "", "Namespace", "", "default" });
        QCOMPARE(protectedNs.code(), ErrorCode::Forbidden);

        auto mismatched = object(deployment("web", 1, "nginx:1"));
        mismatched.root().at({ "spec", "selector", "matchLabels" })->set("app", manifest::Node::string("other"));
        auto badSelector = c->apply(mismatched);
        QCOMPARE(badSelector.code(), ErrorCode::Invalid);
    }

    void discoveryKnowsBuiltinsAndCrds()
    {
        auto c = sandbox();
        QCOMPARE(c->isNamespaced("apps", "Deployment"), std::optional<bool>(true));
        QCOMPARE(c->isNamespaced("", "Namespace"), std::optional<bool>(false));
        QCOMPARE(c->isNamespaced("example.com", "Widget"), std::optional<bool>());
        auto crd = c->apply(object(R"(apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  scope: Cluster
  names: {kind: Widget, plural: widgets}
  versions:
  - {name: v1, served: true, storage: true}
)"));
        QVERIFY(crd.ok());
        QCOMPARE(c->isNamespaced("example.com", "Widget"), std::optional<bool>(false));
        auto widget
            = c->apply(object("apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  namespace: x\n"));
        QVERIFY(widget.ok());
        QCOMPARE(widget->ns(), std::string()); // cluster-scoped: the namespace is dropped
    }

    void generationMovesOnSpecOnly()
    {
        auto c = sandbox();
        auto first = c->apply(object(deployment("web", 2, "nginx:1.25")));
        QVERIFY(first.ok());
        const auto rv1 = first->root().textAt({ "metadata", "resourceVersion" });
        QCOMPARE(intAt(*first, { "metadata", "generation" }), 1);

        // Same object again: nothing changes, not even resourceVersion.
        auto same = c->apply(object(deployment("web", 2, "nginx:1.25")));
        QCOMPARE(same->root().textAt({ "metadata", "resourceVersion" }), rv1);

        // A label is metadata: resourceVersion moves, generation stays.
        auto labelled = object(deployment("web", 2, "nginx:1.25"));
        labelled.root()["metadata"]["labels"].set("team", manifest::Node::string("shop"));
        auto second = c->apply(labelled);
        QVERIFY(second->root().textAt({ "metadata", "resourceVersion" }) != rv1);
        QCOMPARE(intAt(*second, { "metadata", "generation" }), 1);

        // A spec change bumps generation.
        auto third = c->apply(object(deployment("web", 3, "nginx:1.25")));
        QCOMPARE(intAt(*third, { "metadata", "generation" }), 2);
        QVERIFY(std::stoll(third->root().textAt({ "metadata", "resourceVersion" }))
            > std::stoll(second->root().textAt({ "metadata", "resourceVersion" })));
    }

    void serverSetsDefaults()
    {
        auto c = sandbox();
        auto d = c->apply(object(deployment("web", 1, "nginx:1.25")));
        QCOMPARE(d->root().textAt({ "spec", "strategy", "type" }), std::string("RollingUpdate"));
        QCOMPARE(d->root().textAt({ "spec", "strategy", "rollingUpdate", "maxSurge" }), std::string("25%"));
        QCOMPARE(d->root().textAt({ "spec", "revisionHistoryLimit" }), std::string("10"));
        QCOMPARE(d->root().textAt({ "spec", "progressDeadlineSeconds" }), std::string("600"));
        const auto &container = d->root().at({ "spec", "template", "spec", "containers" })->items().front();
        QCOMPARE(container.textAt({ "imagePullPolicy" }), std::string("IfNotPresent"));
        QCOMPARE(container.textAt({ "terminationMessagePath" }), std::string("/dev/termination-log"));

        auto svc
            = c->apply(object("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n"
                              "  ports:\n  - port: 80\n"));
        QVERIFY(svc.ok());
        QCOMPARE(svc->root().textAt({ "spec", "type" }), std::string("ClusterIP"));
        QCOMPARE(svc->root().textAt({ "spec", "sessionAffinity" }), std::string("None"));
        QVERIFY(svc->root().textAt({ "spec", "clusterIP" }).rfind("10.96.", 0) == 0);
        QCOMPARE(svc->root().at({ "spec", "ports" })->items().front().textAt({ "targetPort" }), std::string("80"));
        // Defaults are nobody's fields: re-applying without them keeps them.
        auto again
            = c->apply(object("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n"
                              "  ports:\n  - port: 80\n"));
        QCOMPARE(again->root().textAt({ "spec", "clusterIP" }), svc->root().textAt({ "spec", "clusterIP" }));
    }

    void removedFieldsOfTheManagerGo()
    {
        auto c = sandbox();
        QVERIFY(c->apply(object(kConfigMap)).ok());
        auto next
            = c->apply(object("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  other: x\n"));
        QVERIFY(next.ok());
        QVERIFY(!next->root().at({ "data", "mode" }));
        QVERIFY(!next->root().at({ "metadata", "labels", "app" }));
        QCOMPARE(next->root().textAt({ "data", "other" }), std::string("x"));
    }

    void conflictsNameFieldAndManager()
    {
        auto c = sandbox();
        QVERIFY(c->apply(object(deployment("web", 2, "nginx:1.25"))).ok());
        ApplyOptions kubectl;
        kubectl.fieldManager = "kubectl-edit";
        auto theirs = object("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 5\n");
        auto conflict = c->apply(theirs, kubectl);
        QVERIFY(!conflict.ok());
        QCOMPARE(conflict.code(), ErrorCode::Conflict);
        QVERIFY2(conflict.error().message.find("conflict with \"capstan\": .spec.replicas") != std::string::npos,
            conflict.error().message.c_str());
        QCOMPARE(intAt(*c->get({ "apps", "Deployment", "default", "web" }), { "spec", "replicas" }), 2);

        kubectl.force = true;
        auto forced = c->apply(theirs, kubectl);
        QVERIFY(forced.ok());
        QCOMPARE(intAt(*forced, { "spec", "replicas" }), 5);
        // Now capstan applying its old value conflicts with kubectl-edit.
        auto back = c->apply(object(deployment("web", 2, "nginx:1.25")));
        QCOMPARE(back.code(), ErrorCode::Conflict);
        QVERIFY(back.error().message.find("\"kubectl-edit\"") != std::string::npos);
        // The same value is no conflict: ownership is shared.
        auto shared = c->apply(object(deployment("web", 5, "nginx:1.25")));
        QVERIFY(shared.ok());
    }

    void listItemsMergeByKey()
    {
        auto c = sandbox();
        QVERIFY(c->apply(object(deployment("web", 1, "nginx:1.25"))).ok());
        // Another manager (a sidecar injector) adds a container; capstan's next apply keeps it.
        ApplyOptions injector;
        injector.fieldManager = "mesh-injector";
        auto sidecar = object("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n"
                              "    spec:\n      containers:\n      - name: proxy\n        image: envoy:1.29\n");
        QVERIFY(c->apply(sidecar, injector).ok());
        auto mine = c->apply(object(deployment("web", 1, "nginx:1.26")));
        QVERIFY2(mine.ok(), mine.ok() ? "" : mine.error().toString().c_str());
        const auto &containers = mine->root().at({ "spec", "template", "spec", "containers" })->items();
        QCOMPARE(containers.size(), std::size_t(2));
        QCOMPARE(containers[0].textAt({ "image" }), std::string("nginx:1.26"));
        QCOMPARE(containers[1].textAt({ "name" }), std::string("proxy"));
        // managedFields name each manager's fields in fieldsV1 form.
        bool injectorOwnsProxy = false;
        for (const auto &entry : mine->root().at({ "metadata", "managedFields" })->items())
            if (entry.textAt({ "manager" }) == "mesh-injector")
                injectorOwnsProxy = entry.at({ "fieldsV1", "f:spec", "f:template", "f:spec", "f:containers",
                                        "k:{\"name\":\"proxy\"}" })
                    != nullptr;
        QVERIFY(injectorOwnsProxy);
    }

    void clientSideApplyAndReplace()
    {
        auto c = sandbox();
        ApplyOptions csa;
        csa.serverSide = false;
        csa.fieldManager = "kubectl-client-side-apply";
        QVERIFY(c->apply(object(kConfigMap), csa).ok());
        auto next
            = c->apply(object("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  b: y\n"), csa);
        QVERIFY(next.ok());
        QVERIFY(!next->root().at({ "data", "mode" })); // dropped: it was in the last applied configuration
        QVERIFY(!next->root()
                     .textAt({ "metadata", "annotations", "kubectl.kubernetes.io/last-applied-configuration" })
                     .empty());

        ApplyOptions replace;
        replace.replace = true;
        auto svc = c->apply(object("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels: {a: b}\n"
                                   "spec:\n  ports:\n  - port: 80\n"));
        auto replaced = c->apply(object("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n"
                                        "  - port: 81\n"),
            replace);
        QVERIFY2(replaced.ok(), replaced.ok() ? "" : replaced.error().toString().c_str());
        QVERIFY(!replaced->root().at({ "metadata", "labels", "a" }));
        QCOMPARE(replaced->root().textAt({ "spec", "clusterIP" }), svc->root().textAt({ "spec", "clusterIP" }));
        QCOMPARE(replaced->root().textAt({ "metadata", "uid" }), svc->root().textAt({ "metadata", "uid" }));
    }

    void staleResourceVersionConflicts()
    {
        auto c = sandbox();
        auto first = c->apply(object(kConfigMap));
        QVERIFY(c->apply(object("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: slow\n"))
                    .ok());
        auto stale = object(kConfigMap);
        stale.root()["metadata"].set("resourceVersion", first->root()["metadata"]["resourceVersion"]);
        QCOMPARE(c->apply(stale).code(), ErrorCode::Conflict);
    }

    void dryRunChangesNothing()
    {
        auto c = sandbox();
        ApplyOptions dry;
        dry.dryRun = true;
        auto preview = c->apply(object(kConfigMap), dry);
        QVERIFY(preview.ok());
        QCOMPARE(preview->root().textAt({ "data", "mode" }), std::string("fast"));
        QCOMPARE(c->get({ "", "ConfigMap", "default", "settings" }).code(), ErrorCode::NotFound);

        auto real = c->apply(object(kConfigMap));
        auto changed = object(kConfigMap);
        changed.root()["data"].set("mode", manifest::Node::string("slow"));
        QVERIFY(c->apply(changed, dry).ok());
        auto after = c->get({ "", "ConfigMap", "default", "settings" });
        QCOMPARE(after->root().textAt({ "data", "mode" }), std::string("fast"));
        QCOMPARE(after->root().textAt({ "metadata", "resourceVersion" }),
            real->root().textAt({ "metadata", "resourceVersion" }));
    }

    void listFiltersByKindNamespaceLabelsAnnotations()
    {
        auto c = sandbox();
        QVERIFY(c->apply(object("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n")).ok());
        for (const char *ns : { "default", "prod" })
            for (const char *app : { "web", "api" }) {
                auto cm = object(kConfigMap);
                cm.setName(std::string(app) + "-cfg");
                cm.setNamespace(ns);
                cm.root()["metadata"]["labels"].set("app", manifest::Node::string(app));
                cm.root()["metadata"]["annotations"].set(
                    "argocd.argoproj.io/tracking-id", manifest::Node::string(std::string(app) + ":/ConfigMap"));
                QVERIFY(c->apply(cm).ok());
            }
        ListQuery q;
        q.kind = GroupKind { "", "ConfigMap" };
        QCOMPARE(c->list(q)->size(), std::size_t(4));
        q.ns = "prod";
        QCOMPARE(c->list(q)->size(), std::size_t(2));
        q.labelSelector = *LabelSelector::parse("app in (web)");
        QCOMPARE(c->list(q)->size(), std::size_t(1));
        ListQuery byAnnotation;
        byAnnotation.annotations.push_back({ "argocd.argoproj.io/tracking-id", std::string("api:/ConfigMap") });
        QCOMPARE(c->list(byAnnotation)->size(), std::size_t(2));
        ListQuery all;
        QVERIFY(c->list(all)->size() > 4); // every kind: namespaces, nodes too
    }

    void persistsAcrossReopen()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("sandbox.db").toStdString();
        std::string uid;
        {
            auto c = sandbox(path);
            auto applied = c->apply(object(kConfigMap));
            uid = applied->root().textAt({ "metadata", "uid" });
            QVERIFY(c->registry().addImage("shop/web", { "v1" }).ok());
            QVERIFY(c->advance(std::chrono::seconds(30)).ok());
        }
        auto c = sandbox(path);
        auto got = c->get({ "", "ConfigMap", "default", "settings" });
        QVERIFY(got.ok());
        QCOMPARE(got->root().textAt({ "metadata", "uid" }), uid);
        QCOMPARE(c->registry().availability("shop/web:v2"), ImageAvailability::Missing);
        // The clock and the resourceVersion counter continue.
        auto next = c->apply(object(deployment("web", 1, "nginx:1")));
        QVERIFY(std::stoll(next->root().textAt({ "metadata", "resourceVersion" }))
            > std::stoll(got->root().textAt({ "metadata", "resourceVersion" })));
    }

    void watchesReportChanges()
    {
        auto c = sandbox();
        std::vector<std::pair<WatchEvent::Type, std::string>> seen;
        ListQuery q;
        q.kind = GroupKind { "", "ConfigMap" };
        const WatchId id = c->watch(q, [&](const WatchEvent &e) { seen.emplace_back(e.type, e.object.name()); });
        QVERIFY(c->apply(object(kConfigMap)).ok());
        QVERIFY(c->apply(object(deployment("web", 1, "nginx:1"))).ok()); // not a ConfigMap
        QVERIFY(c->remove({ "", "ConfigMap", "default", "settings" }).ok());
        c->unwatch(id);
        QVERIFY(c->apply(object(kConfigMap)).ok());
        QCOMPARE(seen.size(), std::size_t(2));
        QCOMPARE(seen[0].first, WatchEvent::Type::Added);
        QCOMPARE(seen[1].first, WatchEvent::Type::Deleted);
    }

    void deletePropagation_data()
    {
        QTest::addColumn<int>("propagation");
        QTest::addColumn<bool>("podsRemainAfterDelete"); // before the garbage collector runs
        QTest::addColumn<bool>("podsRemainAfterGc");
        QTest::newRow("background") << int(Propagation::Background) << true << false;
        QTest::newRow("foreground") << int(Propagation::Foreground) << false << false;
        QTest::newRow("orphan") << int(Propagation::Orphan) << true << true;
    }
    void deletePropagation()
    {
        QFETCH(int, propagation);
        QFETCH(bool, podsRemainAfterDelete);
        QFETCH(bool, podsRemainAfterGc);
        auto c = sandbox();
        QVERIFY(c->apply(object(deployment("web", 2, "nginx:1"))).ok());
        QVERIFY(c->advance(std::chrono::seconds(10)).ok());
        ListQuery pods;
        pods.kind = GroupKind { "", "Pod" };
        QCOMPARE(c->list(pods)->size(), std::size_t(2));
        QVERIFY(c->remove({ "apps", "Deployment", "default", "web" }, Propagation(propagation)).ok());
        QCOMPARE(c->get({ "apps", "Deployment", "default", "web" }).code(), ErrorCode::NotFound);
        QCOMPARE(!c->list(pods)->empty(), podsRemainAfterDelete);
        QVERIFY(c->advance(std::chrono::seconds(1)).ok());
        QCOMPARE(!c->list(pods)->empty(), podsRemainAfterGc);
        ListQuery sets;
        sets.kind = GroupKind { "apps", "ReplicaSet" };
        QCOMPARE(!c->list(sets)->empty(), podsRemainAfterGc);
    }

    void namespaceDeletionTakesItsObjects()
    {
        auto c = sandbox();
        QVERIFY(c->apply(object("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n")).ok());
        QCOMPARE(c->get({ "", "Namespace", "", "shop" })->root().textAt({ "status", "phase" }), std::string("Active"));
        auto d = object(deployment("web", 1, "nginx:1"));
        d.setNamespace("shop");
        QVERIFY(c->apply(d).ok());
        QVERIFY(c->advance(std::chrono::seconds(5)).ok());
        QVERIFY(c->remove({ "", "Namespace", "", "shop" }).ok());
        QCOMPARE(
            c->get({ "", "Namespace", "", "shop" })->root().textAt({ "status", "phase" }), std::string("Terminating"));
        auto cm = object(kConfigMap);
        cm.setNamespace("shop");
        QCOMPARE(c->apply(cm).code(), ErrorCode::Forbidden);
        QVERIFY(c->advance(std::chrono::seconds(1)).ok());
        QCOMPARE(c->get({ "", "Namespace", "", "shop" }).code(), ErrorCode::NotFound);
        ListQuery q;
        q.ns = "shop";
        QVERIFY(c->list(q)->empty());
    }
};

QTEST_GUILESS_MAIN(TestSandboxApi)
#include "tst_sandbox_api.moc"
