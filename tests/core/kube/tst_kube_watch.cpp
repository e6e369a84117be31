// KubeCluster watches against the fake API server: events from the stream, re-opening from
// the last resourceVersion, re-listing after 410 Gone, and unwatch.

#include "kube_fixture.h"

#include <QMutex>
#include <QTest>

using namespace capstan;
using namespace capstan::kube;

namespace {

QByteArray watchEvent(const char *type, const char *name, const char *rv)
{
    return QByteArray(R"({"type":")") + type + R"(","object":{"kind":"Deployment","apiVersion":"apps/v1",)"
        + R"("metadata":{"name":")" + name + R"(","namespace":"prod","resourceVersion":")" + rv
        + R"(","labels":{"app":"web"}},"spec":{"replicas":2}}})";
}

QByteArray list(const char *rv, const QList<QPair<const char *, const char *>> &items)
{
    QByteArray out = R"({"kind":"DeploymentList","apiVersion":"apps/v1","metadata":{"resourceVersion":")"
        + QByteArray(rv) + R"("},"items":[)";
    for (qsizetype i = 0; i < items.size(); ++i) {
        out += (i ? "," : "") + QByteArray(R"({"metadata":{"name":")") + items[i].first
            + R"(","namespace":"prod","labels":{"app":"web"},"resourceVersion":")" + items[i].second + R"("}})";
    }
    return out + "]}";
}

struct Recorder
{
    QMutex mutex;
    QStringList seen; // "Added web apps/v1/Deployment"

    cluster::WatchCallback callback()
    {
        return [this](const cluster::WatchEvent &e) {
            static const char *types[] = { "Added", "Modified", "Deleted" };
            QMutexLocker lock(&mutex);
            seen << QString("%1 %2 %3/%4")
                        .arg(types[int(e.type)], QString::fromStdString(e.object.name()),
                            QString::fromStdString(e.object.apiVersion()), QString::fromStdString(e.object.kind()));
        };
    }
    QStringList events()
    {
        QMutexLocker lock(&mutex);
        return seen;
    }
};

cluster::ListQuery deploymentsInProd()
{
    cluster::ListQuery q;
    q.kind = cluster::GroupKind { "apps", "Deployment" };
    q.ns = "prod";
    q.labelSelector = *cluster::LabelSelector::parse("app=web");
    return q;
}

QList<RecordedRequest> watchRequests(const QList<RecordedRequest> &all)
{
    QList<RecordedRequest> out;
    for (const RecordedRequest &r : all) {
        if (r.query.queryItemValue("watch") == "1")
            out << r;
    }
    return out;
}

} // namespace

class TestKubeWatch : public QObject
{
    Q_OBJECT

    KubeFixture f;

private Q_SLOTS:
    void initTestCase() { QVERIFY(f.start()); }
    void init() { f.server->clearRequests(); }

    void eventsAndReconnect()
    {
        f.serve([](const RecordedRequest &r) -> CannedResponse {
            if (r.path != "/apis/apps/v1/namespaces/prod/deployments")
                return { 404, statusBody(404, "NotFound", "not found") };
            if (r.query.queryItemValue("watch") != "1")
                return { 200, list("100", { { "web", "90" } }) };
            CannedResponse stream;
            stream.stream = true;
            if (r.query.queryItemValue("resourceVersion") == "100") {
                stream.streamLines = { watchEvent("ADDED", "api", "101"), watchEvent("MODIFIED", "web", "102"),
                    watchEvent("DELETED", "api", "103"),
                    R"({"type":"BOOKMARK","object":{"kind":"Deployment","apiVersion":"apps/v1","metadata":)"
                    R"({"resourceVersion":"105"}}})" };
            } else {
                stream.keepOpen = true; // the re-opened watch: quiet until the test ends
            }
            return stream;
        });
        auto cluster = f.open();
        QVERIFY(cluster);
        Recorder recorder;
        const auto id = cluster->watch(deploymentsInProd(), recorder.callback());
        QTRY_COMPARE(recorder.events(),
            QStringList({ "Added api apps/v1/Deployment", "Modified web apps/v1/Deployment",
                "Deleted api apps/v1/Deployment" }));
        // The server ended the stream: the watch goes on from the bookmark's version.
        QTRY_COMPARE(watchRequests(f.server->requests()).size(), 2);
        const auto watches = watchRequests(f.server->requests());
        QCOMPARE(watches[0].query.queryItemValue("resourceVersion"), "100");
        QCOMPARE(watches[0].query.queryItemValue("labelSelector", QUrl::FullyDecoded), "app=web");
        QCOMPARE(watches[0].query.queryItemValue("allowWatchBookmarks"), "true");
        QCOMPARE(watches[0].header("authorization"), QByteArray("Bearer secret-token"));
        QCOMPARE(watches[1].query.queryItemValue("resourceVersion"), "105");
        cluster->unwatch(id);
        // Unwatched: nothing re-opens it.
        f.server->closeStreams();
        QTest::qWait(300);
        QCOMPARE(watchRequests(f.server->requests()).size(), 2);
    }

    void relistAfterGone_data()
    {
        QTest::addColumn<bool>("asEvent"); // 410 as an ERROR event in the stream, or as the HTTP status
        QTest::addColumn<QStringList>("expected");
        // After the re-list: web changed, worker is new, api went away while unwatched.
        QTest::newRow("ERROR event") << true
                                     << QStringList(
                                            { "Modified web apps/v1/Deployment", "Modified web apps/v1/Deployment",
                                                "Added worker apps/v1/Deployment", "Deleted api apps/v1/Deployment" });
        QTest::newRow("HTTP 410") << false
                                  << QStringList({ "Modified web apps/v1/Deployment", "Added worker apps/v1/Deployment",
                                         "Deleted api apps/v1/Deployment" });
    }

    void relistAfterGone()
    {
        QFETCH(bool, asEvent);
        QFETCH(QStringList, expected);
        f.serve([asEvent](const RecordedRequest &r) -> CannedResponse {
            const QString rv = r.query.queryItemValue("resourceVersion");
            if (r.query.queryItemValue("watch") != "1") {
                if (r.query.hasQueryItem("limit")) // the list watch() starts from
                    return { 200, list("200", { { "web", "150" }, { "api", "160" } }) };
                return { 200, list("300", { { "web", "250" }, { "worker", "260" } }) }; // the re-list
            }
            if (rv == "200" && !asEvent)
                return { 410, statusBody(410, "Expired", "too old resource version: 200 (230)") };
            CannedResponse stream;
            stream.stream = true;
            if (rv == "200") {
                stream.streamLines = { watchEvent("MODIFIED", "web", "210"),
                    R"json({"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},)json"
                    R"json("status":"Failure","message":"too old resource version: 200 (230)","reason":"Expired",)json"
                    R"json("code":410}})json" };
            } else {
                stream.keepOpen = true;
            }
            return stream;
        });
        auto cluster = f.open();
        QVERIFY(cluster);
        Recorder recorder;
        const auto id = cluster->watch(deploymentsInProd(), recorder.callback());
        QTRY_COMPARE(recorder.events(), expected);
        QTRY_COMPARE(watchRequests(f.server->requests()).size(), 2);
        QCOMPARE(watchRequests(f.server->requests())[1].query.queryItemValue("resourceVersion"), "300");
        cluster->unwatch(id);
    }

    void annotationFilterAppliesToEvents()
    {
        f.serve([](const RecordedRequest &r) -> CannedResponse {
            if (r.query.queryItemValue("watch") != "1")
                return { 200, list("1", {}) };
            CannedResponse stream;
            stream.stream = true;
            stream.keepOpen = true;
            QByteArray tracked = watchEvent("ADDED", "tracked", "2");
            tracked.replace(R"("labels":{"app":"web"})",
                R"("labels":{"app":"web"},"annotations":{"argocd.argoproj.io/tracking-id":"a"})");
            QByteArray untracked = watchEvent("MODIFIED", "tracked", "4"); // its annotation removed
            stream.streamLines = { watchEvent("ADDED", "untracked", "3"), tracked, untracked };
            return stream;
        });
        auto cluster = f.open();
        QVERIFY(cluster);
        Recorder recorder;
        auto query = deploymentsInProd();
        query.annotations.push_back({ "argocd.argoproj.io/tracking-id", std::nullopt });
        const auto id = cluster->watch(query, recorder.callback());
        // Leaving the filter reads as a deletion, so the watcher's view stays the filtered set.
        QTRY_COMPARE(recorder.events(),
            QStringList({ "Added tracked apps/v1/Deployment", "Deleted tracked apps/v1/Deployment" }));
        cluster->unwatch(id);
    }

    void destroyedWhileWatching()
    {
        f.serve([](const RecordedRequest &r) -> CannedResponse {
            if (r.query.queryItemValue("watch") != "1")
                return { 200, list("1", {}) };
            CannedResponse stream;
            stream.stream = true;
            stream.keepOpen = true;
            return stream;
        });
        auto cluster = f.open();
        QVERIFY(cluster);
        Recorder recorder;
        cluster->watch({}, recorder.callback()); // every kind: one stream each
        QTRY_VERIFY(watchRequests(f.server->requests()).size() >= 5);
        cluster.reset(); // must not hang or call back
        QVERIFY(recorder.events().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestKubeWatch)
#include "tst_kube_watch.moc"
