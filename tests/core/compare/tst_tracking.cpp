#include "manifest/yaml_reader.h"
#include "reconcile/compare/tracking.h"

#include <QtTest>

using namespace capstan;
using namespace capstan::compare;

namespace {

manifest::Object object(const char *yaml)
{
    auto parsed = manifest::parseObjects(yaml, "test.yaml");
    if (!parsed || parsed->size() != 1)
        qFatal("bad test YAML");
    return parsed->front();
}

} // namespace

class TestTracking : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void trackingId_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("defaultNamespace");
        QTest::addColumn<QString>("expected");

        QTest::newRow("deployment") << QByteArray(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: prod}\n")
                                    << QString() << "shop:apps/Deployment:prod/web";
        QTest::newRow("core group is empty")
            << QByteArray("apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: prod}\n") << QString()
            << "shop:/Service:prod/web";
        QTest::newRow("no namespace takes the destination's")
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\n") << "dev"
            << "shop:/ConfigMap:dev/cfg";
        QTest::newRow("cluster-scoped") << QByteArray(
            "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: admin}\n")
                                        << QString() << "shop:rbac.authorization.k8s.io/ClusterRole:/admin";
    }

    void trackingId()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, defaultNamespace);
        QFETCH(QString, expected);
        manifest::Object o = object(yaml.constData());
        QCOMPARE(QString::fromStdString(trackingIdFor("shop", o, defaultNamespace.toStdString()).toString()), expected);

        setTracking(o, "shop", TrackingMethod::Annotation, defaultNamespace.toStdString());
        QCOMPARE(
            QString::fromStdString(o.root().textAt({ "metadata", "annotations", TrackingIdAnnotation })), expected);
        QVERIFY(!o.root().at({ "metadata", "labels", InstanceLabel }));

        const auto parsed = parseTrackingId(expected.toStdString());
        QVERIFY(parsed);
        QCOMPARE(QString::fromStdString(parsed->toString()), expected);
    }

    void malformedIds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("app only") << "shop";
        QTest::newRow("no kind separator") << "shop:apps:prod/web";
        QTest::newRow("too many slashes") << "shop:apps/v1/Deployment:prod/web";
        QTest::newRow("no name") << "shop:apps/Deployment:prod/";
    }

    void malformedIds()
    {
        QFETCH(QString, text);
        QVERIFY(!parseTrackingId(text.toStdString()));
    }

    void belongs_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("method");
        QTest::addColumn<QString>("app");

        const char *tracked = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: prod\n"
                              "  annotations: {argocd.argoproj.io/tracking-id: 'shop:apps/Deployment:prod/web'}\n"
                              "  labels: {app.kubernetes.io/instance: legacy}\n";
        QTest::newRow("annotation") << QByteArray(tracked) << int(TrackingMethod::Annotation) << "shop";
        QTest::newRow("label mode reads the label") << QByteArray(tracked) << int(TrackingMethod::Label) << "legacy";
        QTest::newRow("copied object does not count")
            << QByteArray("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-copy\n  namespace: prod\n"
                          "  annotations: {argocd.argoproj.io/tracking-id: 'shop:apps/Deployment:prod/web'}\n")
            << int(TrackingMethod::Annotation) << "";
        QTest::newRow("other namespace does not count")
            << QByteArray("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: dev\n"
                          "  annotations: {argocd.argoproj.io/tracking-id: 'shop:apps/Deployment:prod/web'}\n")
            << int(TrackingMethod::Annotation) << "";
        QTest::newRow("untracked") << QByteArray(
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: prod}\n")
                                   << int(TrackingMethod::AnnotationAndLabel) << "";
    }

    void belongs()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(int, method);
        QFETCH(QString, app);
        const manifest::Object o = object(yaml.constData());
        QCOMPARE(QString::fromStdString(trackedApp(o, TrackingMethod(method))), app);
        QCOMPARE(belongsToApp(o, "shop", TrackingMethod(method)), app == QLatin1String("shop"));
    }

    void labelValueIsCut()
    {
        manifest::Object o = object("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
        const std::string longName = std::string(62, 'a') + "-b-c";
        setTracking(o, longName, TrackingMethod::AnnotationAndLabel, "prod");
        // 63 characters would end in "-": the label drops it to stay valid.
        QCOMPARE(o.root().textAt({ "metadata", "labels", InstanceLabel }), std::string(62, 'a'));
        QCOMPARE(o.root().textAt({ "metadata", "annotations", TrackingIdAnnotation }), longName + ":/ConfigMap:prod/x");
    }
};

QTEST_GUILESS_MAIN(TestTracking)
#include "tst_tracking.moc"
