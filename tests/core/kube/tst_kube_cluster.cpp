// KubeCluster against the fake API server: the requests it sends (paths, queries, content
// types, bodies) and how it reads the answers, errors included.

#include "cluster/json_codec_p.h"
#include "kube_fixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace capstan;
using namespace capstan::kube;

namespace {

manifest::Object deployment(const std::string &ns = "prod")
{
    auto node = cluster::detail::fromJson(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web",)"
                                          R"("labels":{"app":"web"}},"spec":{"replicas":3}})");
    manifest::Object o(std::move(*node));
    if (!ns.empty())
        o.setNamespace(ns);
    return o;
}

QList<RecordedRequest> nonDiscovery(const QList<RecordedRequest> &all)
{
    static const QStringList discovery { "/api", "/apis", "/api/v1", "/apis/apps/v1", "/apis/metrics.k8s.io/v1beta1" };
    QList<RecordedRequest> out;
    for (const RecordedRequest &r : all) {
        if (!discovery.contains(r.path))
            out << r;
    }
    return out;
}

} // namespace

class TestKubeCluster : public QObject
{
    Q_OBJECT

    KubeFixture f;

private Q_SLOTS:
    void initTestCase() { QVERIFY(f.start()); }
    void init()
    {
        f.server->clearRequests();
        f.aggregatedDiscovery = false;
    }

    void discovery_data()
    {
        QTest::addColumn<bool>("aggregated");
        QTest::addColumn<int>("requests");
        QTest::newRow("per group") << false << 5; // /api, /api/v1, /apis, apps/v1, metrics (503, skipped)
        QTest::newRow("aggregated") << true << 2; // /api and /apis
    }

    void discovery()
    {
        QFETCH(bool, aggregated);
        QFETCH(int, requests);
        f.aggregatedDiscovery = aggregated;
        f.serve({});
        auto cluster = f.open();
        QVERIFY(cluster);
        const auto resources = cluster->apiResources();
        auto find = [&](const std::string &group, const std::string &kind) -> const cluster::ApiResource * {
            for (const auto &r : resources)
                if (r.group == group && r.kind == kind)
                    return &r;
            return nullptr;
        };
        const auto *deploy = find("apps", "Deployment");
        QVERIFY(deploy);
        QCOMPARE(deploy->plural, std::string("deployments"));
        QCOMPARE(deploy->version, std::string("v1"));
        QVERIFY(deploy->namespaced);
        QVERIFY(find("", "Namespace") && !find("", "Namespace")->namespaced);
        QVERIFY(!find("autoscaling", "Scale")); // a subresource is not a kind of its own
        if (aggregated) // the first version listed is the preferred one
            QCOMPARE(find("autoscaling", "HorizontalPodAutoscaler")->version, std::string("v2"));
        QCOMPARE(cluster->isNamespaced("apps", "Deployment"), std::optional<bool>(true));
        QCOMPARE(cluster->isNamespaced("", "Namespace"), std::optional<bool>(false));
        QCOMPARE(f.server->requests().size(), requests);
        QVERIFY(f.server->requests().first().header("accept").contains("g=apidiscovery.k8s.io;v=v2beta1"));
        // Cached: asking again sends nothing.
        cluster->apiResources();
        QCOMPARE(cluster->isNamespaced("apps", "StatefulSet"), std::optional<bool>(true));
        QCOMPARE(f.server->requests().size(), requests);
    }

    void getObject()
    {
        f.serve([](const RecordedRequest &r) -> CannedResponse {
            if (r.method == "GET" && r.path == "/apis/apps/v1/namespaces/prod/deployments/web")
                return { 200, testData("deployment_web.json") };
            return { 404,
                statusBody(
                    404, "NotFound", "deployments.apps \"" + r.path.section('/', -1).toUtf8() + "\" not found") };
        });
        auto cluster = f.open();
        QVERIFY(cluster);
        auto web = cluster->get({ "apps", "Deployment", "prod", "web" });
        QVERIFY2(web.ok(), web.ok() ? "" : web.error().toString().c_str());
        QCOMPARE(web->root().textAt({ "spec", "template", "spec", "containers" }), std::string());
        QCOMPARE(web->root().at({ "spec", "replicas" })->text(), std::string("3"));
        QCOMPARE(web->root().textAt({ "metadata", "resourceVersion" }), std::string("48213"));
        const auto sent = nonDiscovery(f.server->requests());
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent[0].header("authorization"), QByteArray("Bearer secret-token"));

        auto missing = cluster->get({ "apps", "Deployment", "", "api" });
        QCOMPARE(missing.code(), cluster::ErrorCode::NotFound);
        QCOMPARE(missing.error().message, std::string("deployments.apps \"api\" not found"));
        QCOMPARE(missing.error().where, std::string("apps/Deployment:team-a/api"));
        // No namespace: the context's.
        QCOMPARE(nonDiscovery(f.server->requests()).last().path, "/apis/apps/v1/namespaces/team-a/deployments/api");

        auto unknownKind = cluster->get({ "example.com", "Widget", "prod", "w" });
        QCOMPARE(unknownKind.code(), cluster::ErrorCode::NotFound);
        QVERIFY(unknownKind.error().message.find("does not serve kind example.com/Widget") != std::string::npos);
    }

    void listBySelector()
    {
        f.serve([](const RecordedRequest &r) -> CannedResponse {
            if (r.path != "/apis/apps/v1/namespaces/prod/deployments")
                return { 404, statusBody(404, "NotFound", "not found") };
            if (!r.query.hasQueryItem("continue"))
                return { 200, testData("deployment_list.json") };
            return { 200,
                R"({"kind":"DeploymentList","apiVersion":"apps/v1","metadata":{"resourceVersion":"48290"},)"
                R"("items":[{"metadata":{"name":"web-2","namespace":"prod","labels":{"app":"web"},"annotations":)"
                R"({"argocd.argoproj.io/tracking-id":"x"}}}]})" };
        });
        auto cluster = f.open();
        QVERIFY(cluster);
        cluster::ListQuery query;
        query.kind = cluster::GroupKind { "apps", "Deployment" };
        query.ns = "prod";
        query.labelSelector = *cluster::LabelSelector::parse("app=web,env notin (dev,test)");
        query.annotations.push_back({ "argocd.argoproj.io/tracking-id", std::nullopt });
        auto found = cluster->list(query);
        QVERIFY2(found.ok(), found.ok() ? "" : found.error().toString().c_str());
        // web-canary has no tracking annotation: filtered here, since the server cannot.
        QCOMPARE(found->size(), std::size_t(2));
        QCOMPARE(found->at(0).name(), std::string("web"));
        QCOMPARE(found->at(1).name(), std::string("web-2"));
        // List items come without apiVersion and kind; they get the list's.
        QCOMPARE(found->at(0).apiVersion(), std::string("apps/v1"));
        QCOMPARE(found->at(0).kind(), std::string("Deployment"));

        const auto sent = nonDiscovery(f.server->requests());
        QCOMPARE(sent.size(), 2);
        QCOMPARE(sent[0].query.queryItemValue("labelSelector", QUrl::FullyDecoded), "app=web,env notin (dev,test)");
        QCOMPARE(sent[0].query.queryItemValue("limit"), "500");
        QVERIFY(!sent[0].query.hasQueryItem("continue"));
        QCOMPARE(sent[1].query.queryItemValue("continue"),
            "eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6NDgyOTAsInN0YXJ0Ijoid2ViXHUwMDAwIn0");
    }

    void listEveryKind()
    {
        f.serve([](const RecordedRequest &r) -> CannedResponse {
            if (r.path == "/api/v1/namespaces")
                return { 403,
                    statusBody(403, "Forbidden", "namespaces is forbidden: User \"dev\" cannot list resource") };
            if (r.path == "/api/v1/configmaps")
                return { 200,
                    R"({"kind":"ConfigMapList","apiVersion":"v1","metadata":{"resourceVersion":"9"},)"
                    R"("items":[{"metadata":{"name":"settings","namespace":"prod"},"data":{"a":"b"}}]})" };
            return { 200, R"({"kind":"List","apiVersion":"v1","metadata":{"resourceVersion":"9"},"items":[]})" };
        });
        auto cluster = f.open();
        QVERIFY(cluster);
        auto found = cluster->list({});
        QVERIFY2(found.ok(), found.ok() ? "" : found.error().toString().c_str());
        QCOMPARE(found->size(), std::size_t(1));
        QCOMPARE(found->front().kind(), std::string("ConfigMap"));
        QStringList paths;
        for (const auto &r : nonDiscovery(f.server->requests()))
            paths << r.path;
        QVERIFY2(!paths.contains("/api/v1/events"), qPrintable(paths.join(' '))); // events left out
        QVERIFY(!paths.contains("/api/v1/bindings")); // cannot be listed
        QVERIFY(paths.contains("/apis/apps/v1/deployments"));
    }

    void apply_data()
    {
        QTest::addColumn<bool>("force");
        QTest::addColumn<bool>("dryRun");
        QTest::newRow("plain") << false << false;
        QTest::newRow("force") << true << false;
        QTest::newRow("dry run") << false << true;
    }

    void apply()
    {
        QFETCH(bool, force);
        QFETCH(bool, dryRun);
        f.serve([](const RecordedRequest &r) -> CannedResponse {
            if (r.method != "PATCH")
                return { 405, statusBody(405, "MethodNotAllowed", "no") };
            // Echo the object as the server stores it: with managedFields and a version.
            QJsonObject o = QJsonDocument::fromJson(r.body).object();
            QJsonObject meta = o["metadata"].toObject();
            meta["resourceVersion"] = "48300";
            meta["managedFields"] = QJsonDocument::fromJson(
                R"([{"manager":"capstan","operation":"Apply","apiVersion":"apps/v1","fieldsType":"FieldsV1",)"
                R"("fieldsV1":{"f:spec":{"f:replicas":{}}}}])")
                                        .array();
            o["metadata"] = meta;
            return { 200, QJsonDocument(o).toJson(QJsonDocument::Compact) };
        });
        auto cluster = f.open();
        QVERIFY(cluster);
        cluster::ApplyOptions options;
        options.force = force;
        options.dryRun = dryRun;
        auto applied = cluster->apply(deployment(), options);
        QVERIFY2(applied.ok(), applied.ok() ? "" : applied.error().toString().c_str());
        QCOMPARE(applied->root().textAt({ "metadata", "resourceVersion" }), std::string("48300"));
        QVERIFY(applied->root().at({ "metadata", "managedFields" })->isSequence());

        const auto sent = nonDiscovery(f.server->requests());
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent[0].method, QByteArray("PATCH"));
        QCOMPARE(sent[0].path, "/apis/apps/v1/namespaces/prod/deployments/web");
        QCOMPARE(sent[0].header("content-type"), QByteArray("application/apply-patch+yaml"));
        QCOMPARE(sent[0].query.queryItemValue("fieldManager"), "capstan");
        QCOMPARE(sent[0].query.hasQueryItem("force"), force);
        if (force)
            QCOMPARE(sent[0].query.queryItemValue("force"), "true");
        QCOMPARE(sent[0].query.queryItemValue("dryRun"), dryRun ? "All" : "");
        auto body = cluster::detail::fromJson(sent[0].body.toStdString());
        QVERIFY(body.ok());
        QVERIFY(*body == deployment().root()); // the object as given, nothing added
    }

    void replace()
    {
        f.serve([](const RecordedRequest &r) -> CannedResponse {
            if (r.method == "GET")
                return { 200, testData("deployment_web.json") };
            return { 200, r.body };
        });
        auto cluster = f.open();
        QVERIFY(cluster);
        cluster::ApplyOptions options;
        options.replace = true;
        QVERIFY(cluster->apply(deployment(), options).ok());
        const auto sent = nonDiscovery(f.server->requests());
        QCOMPARE(sent.size(), 2);
        QCOMPARE(sent[1].method, QByteArray("PUT"));
        QCOMPARE(sent[1].header("content-type"), QByteArray("application/json"));
        // The update names the version it replaces.
        QCOMPARE(QJsonDocument::fromJson(sent[1].body)["metadata"]["resourceVersion"].toString(), "48213");
    }

    void errors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("409 conflict") << 409
                                      << statusBody(409, "Conflict",
                                             "Apply failed with 1 conflict: conflict with "
                                             "\"kubectl-client-side-apply\" using apps/v1: .spec.replicas")
                                      << int(cluster::ErrorCode::Conflict)
                                      << "Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" "
                                         "using apps/v1: .spec.replicas";
        QTest::newRow("422 invalid")
            << 422
            << statusBody(422, "Invalid",
                   "Deployment.apps \"web\" is invalid: spec.template.metadata.labels: Invalid value: "
                   "map[string]string{\"app\":\"api\"}: `selector` does not match template `labels`")
            << int(cluster::ErrorCode::Invalid)
            << "Deployment.apps \"web\" is invalid: spec.template.metadata.labels: Invalid value: "
               "map[string]string{\"app\":\"api\"}: `selector` does not match template `labels`";
        QTest::newRow("403 forbidden")
            << 403
            << statusBody(403, "Forbidden",
                   "deployments.apps \"web\" is forbidden: User \"dev\" cannot patch resource \"deployments\" in API "
                   "group \"apps\" in the namespace \"prod\"")
            << int(cluster::ErrorCode::Forbidden)
            << "not allowed to patch deployments.apps \"web\" in namespace \"prod\" (HTTP 403): deployments.apps "
               "\"web\" "
               "is forbidden: User \"dev\" cannot patch resource \"deployments\" in API group \"apps\" in the "
               "namespace "
               "\"prod\"";
        QTest::newRow("401") << 401 << statusBody(401, "Unauthorized", "Unauthorized")
                             << int(cluster::ErrorCode::Forbidden)
                             << "did not accept the credentials to patch deployments.apps \"web\" in namespace "
                                "\"prod\" (HTTP 401): Unauthorized";
        QTest::newRow("500 without Status") << 500 << QByteArray("etcdserver: request timed out")
                                            << int(cluster::ErrorCode::Unavailable) << "etcdserver: request timed out";
    }

    void errors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, code);
        QFETCH(QString, message);
        f.serve([status, body](const RecordedRequest &) -> CannedResponse { return { status, body }; });
        auto cluster = f.open();
        QVERIFY(cluster);
        auto applied = cluster->apply(deployment());
        QVERIFY(!applied.ok());
        QCOMPARE(int(applied.code()), code);
        const QString got = QString::fromStdString(applied.error().message);
        QVERIFY2(got.contains(message), qPrintable(got));
        QCOMPARE(applied.error().where, std::string("apps/Deployment:prod/web"));
    }

    void remove_data()
    {
        QTest::addColumn<int>("propagation");
        QTest::addColumn<QString>("policy");
        QTest::newRow("background") << int(cluster::Propagation::Background) << "Background";
        QTest::newRow("foreground") << int(cluster::Propagation::Foreground) << "Foreground";
        QTest::newRow("orphan") << int(cluster::Propagation::Orphan) << "Orphan";
    }

    void remove()
    {
        QFETCH(int, propagation);
        QFETCH(QString, policy);
        f.serve([](const RecordedRequest &) -> CannedResponse {
            return { 200,
                R"({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success","details":)"
                R"({"name":"settings","kind":"configmaps","uid":"1"}})" };
        });
        auto cluster = f.open();
        QVERIFY(cluster);
        auto removed = cluster->remove({ "", "ConfigMap", "prod", "settings" }, cluster::Propagation(propagation));
        QVERIFY2(removed.ok(), removed.ok() ? "" : removed.error().toString().c_str());
        const auto sent = nonDiscovery(f.server->requests());
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent[0].method, QByteArray("DELETE"));
        QCOMPARE(sent[0].path, "/api/v1/namespaces/prod/configmaps/settings");
        QCOMPARE(sent[0].header("content-type"), QByteArray("application/json"));
        const QJsonObject options = QJsonDocument::fromJson(sent[0].body).object();
        QCOMPARE(options["kind"].toString(), "DeleteOptions");
        QCOMPARE(options["propagationPolicy"].toString(), policy);
    }
};

QTEST_GUILESS_MAIN(TestKubeCluster)
#include "tst_kube_cluster.moc"
