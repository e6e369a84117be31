#include "argo/application.h"
#include "manifest/yaml_reader.h"

#include <QFile>
#include <QTest>

using namespace capstan::argo;
using capstan::manifest::Object;

namespace {

const std::string kFile = "argocd/applications/frontend.yaml";

std::vector<Object> readFile(const QString &name)
{
    QFile file(QStringLiteral(CAPSTAN_TEST_DATA "/data/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    auto objects = capstan::manifest::parseObjects(file.readAll().toStdString(), kFile);
    if (!objects.ok())
        qFatal("%s", objects.error().toString().c_str());
    return *objects;
}

// An Application document: the apiVersion and kind lines, then `lines` from line 3 on.
capstan::Result<Application> readLines(const QStringList &lines, const QString &kind = "Application")
{
    const QString text = "apiVersion: argoproj.io/v1alpha1\nkind: " + kind + "\n" + lines.join('\n') + "\n";
    auto objects = capstan::manifest::parseObjects(text.toStdString(), kFile);
    if (!objects.ok())
        qFatal("test YAML does not parse: %s", objects.error().toString().c_str());
    return readApplication(objects->front());
}

QStringList minimal(const QStringList &specLines)
{
    return QStringList { "metadata:", "  name: frontend", "spec:" } + specLines;
}

} // namespace

class TestApplication : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsEveryField()
    {
        const auto objects = readFile("frontend.yaml");
        QCOMPARE(objects.size(), std::size_t(2));
        QVERIFY(isApplication(objects[0]));
        const auto read = readApplication(objects[0]);
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().toString().c_str());
        const Application &app = *read;

        QCOMPARE(app.name(), std::string("frontend-dev"));
        QCOMPARE(app.metadata.ns, std::string("argocd"));
        QCOMPARE(app.metadata.labels.at("environment"), std::string("dev"));
        QCOMPARE(app.metadata.annotations.at("argocd.argoproj.io/sync-wave"), std::string("1"));
        QCOMPARE(app.metadata.finalizers, std::vector<std::string> { "resources-finalizer.argocd.argoproj.io" });
        QCOMPARE(app.project, std::string("platform"));

        QVERIFY(app.source);
        QCOMPARE(app.source->repoURL, std::string("https://github.com/acme/gitops.git"));
        QCOMPARE(app.source->targetRevision, std::string("main"));
        QCOMPARE(app.source->path, std::string("k8s/overlays/dev"));
        QCOMPARE(app.source->where, kFile + ":17:5");
        QVERIFY(!app.source->directory);
        QVERIFY(app.source->kustomize);
        const KustomizeOptions &k = *app.source->kustomize;
        QCOMPARE(k.namePrefix, std::string("dev-"));
        QCOMPARE(k.nameSuffix, std::string("-v1"));
        QCOMPARE(k.ns, std::string("dev"));
        QCOMPARE(k.images,
            (std::vector<std::string> {
                "ghcr.io/acme/frontend:1.4.2", "ghcr.io/acme/order-service=ghcr.io/acme/orders:2.0.0" }));
        QCOMPARE(k.commonLabels.at("team"), std::string("web"));
        QCOMPARE(k.commonAnnotations.at("owner"), std::string("web-team"));
        QCOMPARE(k.replicas.size(), std::size_t(2));
        QCOMPARE(k.replicas[0].name, std::string("frontend"));
        QCOMPARE(k.replicas[0].count, 1);
        QCOMPARE(k.replicas[1].count, 2); // written as the string "2"

        QCOMPARE(app.destination.server, std::string("https://kubernetes.default.svc"));
        QCOMPARE(app.destination.ns, std::string("dev"));

        QVERIFY(app.isAutomated());
        QVERIFY(app.syncPolicy.automated->prune);
        QVERIFY(app.syncPolicy.automated->selfHeal);
        QVERIFY(!app.syncPolicy.automated->allowEmpty);
        const SyncOptions &o = app.syncPolicy.options;
        QCOMPARE(o.raw.size(), std::size_t(6));
        QVERIFY(o.createNamespace);
        QVERIFY(o.pruneLast);
        QVERIFY(o.applyOutOfSyncOnly);
        QVERIFY(o.serverSideApply);
        QVERIFY(!o.replace);
        QVERIFY(!o.validate);
        QCOMPARE(o.prunePropagationPolicy, PropagationPolicy::Background);

        QVERIFY(app.syncPolicy.retry);
        QCOMPARE(app.syncPolicy.retry->limit, 5);
        QCOMPARE(app.syncPolicy.retry->backoffDuration.count(), 10000);
        QCOMPARE(app.syncPolicy.retry->backoffFactor, 3);
        QCOMPARE(app.syncPolicy.retry->backoffMaxDuration.count(), 300000);

        QCOMPARE(app.ignoreDifferences.size(), std::size_t(1));
        const IgnoreDifference &d = app.ignoreDifferences[0];
        QCOMPARE(d.group, std::string("apps"));
        QCOMPARE(d.kind, std::string("Deployment"));
        QCOMPARE(d.name, std::string("frontend"));
        QCOMPARE(d.ns, std::string("dev"));
        QCOMPARE(d.jsonPointers, std::vector<std::string> { "/spec/replicas" });
        QCOMPARE(d.jqPathExpressions.size(), std::size_t(1));
        QCOMPARE(d.managedFieldsManagers, std::vector<std::string> { "kube-controller-manager" });
        QCOMPARE(app.revisionHistoryLimit, 5);
        QVERIFY(app.conditions.empty());
    }

    void readsManualDirectoryApplication()
    {
        const auto read = readApplication(readFile("frontend.yaml")[1]);
        QVERIFY(read.ok());
        const Application &app = *read;
        QVERIFY(!app.isAutomated());
        QVERIFY(app.source->directory);
        QVERIFY(app.source->directory->recurse);
        QCOMPARE(app.source->directory->include, std::string("*.yaml"));
        QCOMPARE(app.source->directory->exclude, std::string("{secrets.yaml,tmp/*}"));
        QCOMPARE(app.destination.name, std::string("in-cluster"));
        QCOMPARE(app.revisionHistoryLimit, 10);
        QVERIFY(app.syncPolicy.options.validate);
        QCOMPARE(app.syncPolicy.options.prunePropagationPolicy, PropagationPolicy::Foreground);
        QVERIFY(app.conditions.empty());
        QCOMPARE(QString::fromStdString(app.where), QString::fromStdString(kFile + ":69:1"));
    }

    void defaults()
    {
        const auto read = readLines(minimal(
            { "  source:", "    repoURL: https://github.com/acme/gitops", "  destination:", "    name: in-cluster",
                "  syncPolicy:", "    automated: {}", "    retry:", "      limit: 2" }));
        QVERIFY(read.ok());
        QCOMPARE(read->project, std::string("default"));
        QVERIFY(read->isAutomated());
        QVERIFY(!read->syncPolicy.automated->prune);
        QCOMPARE(read->syncPolicy.retry->backoffDuration.count(), 5000);
        QCOMPARE(read->syncPolicy.retry->backoffFactor, 2);
        QCOMPARE(read->syncPolicy.retry->backoffMaxDuration.count(), 180000);
    }

    void automatedCanBeSwitchedOff()
    {
        const auto read = readLines(minimal(
            { "  source:", "    repoURL: https://github.com/acme/gitops", "  destination:", "    name: in-cluster",
                "  syncPolicy:", "    automated:", "      enabled: false", "      prune: true" }));
        QVERIFY(read.ok());
        QVERIFY(read->syncPolicy.automated);
        QVERIFY(!read->isAutomated());
    }

    void nullAutomatedIsManual()
    {
        const auto read = readLines(minimal({ "  source:", "    repoURL: https://github.com/acme/gitops",
            "  destination:", "    name: in-cluster", "  syncPolicy:", "    automated:" }));
        QVERIFY(read.ok());
        QVERIFY(!read->syncPolicy.automated);
        QVERIFY(!read->isAutomated());
    }

    void retryDelays_data()
    {
        QTest::addColumn<int>("retries");
        QTest::addColumn<qint64>("millis");
        QTest::newRow("first retry waits the base duration") << 0 << qint64(5000);
        QTest::newRow("then doubles") << 1 << qint64(10000);
        QTest::newRow("and doubles again") << 2 << qint64(20000);
        QTest::newRow("capped at maxDuration") << 10 << qint64(180000);
    }

    void retryDelays()
    {
        QFETCH(int, retries);
        QFETCH(qint64, millis);
        QCOMPARE(qint64(RetryStrategy {}.delayBeforeRetry(retries).count()), millis);
    }

    // Every read error names file:line:col and the field.
    void errors_data()
    {
        QTest::addColumn<QStringList>("lines");
        QTest::addColumn<QString>("error");
        const QString f = QString::fromStdString(kFile);

        QTest::newRow("namespace not a string")
            << minimal({ "  destination:", "    namespace: 5" })
            << f + ":7:5: spec.destination.namespace: expected a string (quote the value)";
        QTest::newRow("destination not a map")
            << minimal({ "  destination: in-cluster" }) << f + ":6:3: spec.destination: expected a map";
        QTest::newRow("source not a map")
            << minimal({ "  source:", "    - repoURL: x" }) << f + ":6:3: spec.source: expected a map";
        QTest::newRow("prune not a flag") << minimal({ "  syncPolicy:", "    automated:", "      prune: sometimes" })
                                          << f + ":8:7: spec.syncPolicy.automated.prune: expected true or false";
        QTest::newRow("automated not a map") << minimal({ "  syncPolicy:", "    automated: true" })
                                             << f + ":7:5: spec.syncPolicy.automated: expected a map";
        QTest::newRow("syncOptions not a list") << minimal({ "  syncPolicy:", "    syncOptions: CreateNamespace=true" })
                                                << f + ":7:5: spec.syncPolicy.syncOptions: expected a list";
        QTest::newRow("syncOptions item not a string") << minimal(
            { "  syncPolicy:", "    syncOptions:", "      - CreateNamespace=true", "      - {Validate: false}" })
                                                       << f + ":9:9: spec.syncPolicy.syncOptions[1]: expected a string";
        QTest::newRow("retry limit not a number") << minimal({ "  syncPolicy:", "    retry:", "      limit: five" })
                                                  << f + ":8:7: spec.syncPolicy.retry.limit: expected an integer";
        QTest::newRow("backoff duration")
            << minimal({ "  syncPolicy:", "    retry:", "      backoff:", "        duration: 2d" })
            << f
                + ":9:9: spec.syncPolicy.retry.backoff.duration: invalid duration '2d': unknown unit 'd' (use h, "
                  "m, s or ms)";
        QTest::newRow("backoff factor") << minimal(
            { "  syncPolicy:", "    retry:", "      backoff:", "        factor: double" })
                                        << f + ":9:9: spec.syncPolicy.retry.backoff.factor: expected an integer";
        QTest::newRow("replica count") << minimal(
            { "  source:", "    kustomize:", "      replicas:", "        - name: frontend", "          count: many" })
                                       << f
                + ":10:11: spec.source.kustomize.replicas[0].count: expected an integer, got 'many'";
        QTest::newRow("replica without count")
            << minimal({ "  source:", "    kustomize:", "      replicas:", "        - name: frontend" })
            << f + ":9:11: spec.source.kustomize.replicas[0].count: required";
        QTest::newRow("images not strings")
            << minimal({ "  source:", "    kustomize:", "      images:", "        - name: frontend" })
            << f + ":9:11: spec.source.kustomize.images[0]: expected a string";
        QTest::newRow("commonLabels value")
            << minimal({ "  source:", "    kustomize:", "      commonLabels:", "        tier: 1" })
            << f + ":9:9: spec.source.kustomize.commonLabels.tier: expected a string (quote the value)";
        QTest::newRow("recurse not a flag") << minimal({ "  source:", "    directory:", "      recurse: \"true\"" })
                                            << f + ":8:7: spec.source.directory.recurse: expected true or false";
        QTest::newRow("ignoreDifferences item") << minimal({ "  ignoreDifferences:", "    - apps/Deployment" })
                                                << f + ":7:7: spec.ignoreDifferences[0]: expected a map";
        QTest::newRow("jsonPointers not a list")
            << minimal({ "  ignoreDifferences:", "    - kind: Deployment", "      jsonPointers: /spec/replicas" })
            << f + ":8:7: spec.ignoreDifferences[0].jsonPointers: expected a list";
        QTest::newRow("revisionHistoryLimit quoted") << minimal({ "  revisionHistoryLimit: \"5\"" })
                                                     << f + ":6:3: spec.revisionHistoryLimit: expected an integer";
        QTest::newRow("label value") << QStringList { "metadata:", "  name: frontend", "  labels:", "    tier: 1",
            "spec: {}" } << f + ":6:5: metadata.labels.tier: expected a string (quote the value)";
        QTest::newRow("finalizers not a list")
            << QStringList { "metadata:", "  name: frontend", "  finalizers: resources-finalizer", "spec: {}" }
            << f + ":5:3: metadata.finalizers: expected a list";
        QTest::newRow("no name") << QStringList { "metadata:", "  namespace: argocd", "spec: {}" }
                                 << f + ":4:3: metadata.name: required";
        QTest::newRow("no spec") << QStringList { "metadata:", "  name: frontend" } << f + ":1:1: spec: required";
    }

    void errors()
    {
        QFETCH(QStringList, lines);
        QFETCH(QString, error);
        const auto read = readLines(lines);
        QVERIFY(!read.ok());
        QCOMPARE(QString::fromStdString(read.error().toString()), error);
    }

    void rejectsOtherKinds()
    {
        const auto read = readLines({ "metadata:", "  name: platform", "spec: {}" }, "AppProject");
        QVERIFY(!read.ok());
        QCOMPARE(QString::fromStdString(read.error().toString()),
            QString::fromStdString(kFile)
                + ":1:1: expected an Argo CD Application (argoproj.io/v1alpha1), found kind AppProject "
                  "(argoproj.io/v1alpha1)");
    }

    // Read, but with a condition the console shows on the application.
    void conditions_data()
    {
        QTest::addColumn<QStringList>("lines");
        QTest::addColumn<QStringList>("conditions"); // "Type: message @ where"
        const QString f = QString::fromStdString(kFile);
        const QStringList dest { "  destination:", "    server: https://kubernetes.default.svc", "    namespace: dev" };
        const QStringList source { "  source:", "    repoURL: https://github.com/acme/gitops", "    path: k8s" };

        QTest::newRow("several sources")
            << minimal(QStringList { "  sources:", "    - repoURL: https://github.com/acme/gitops",
                           "      path: k8s/overlays/dev", "    - repoURL: https://github.com/acme/values",
                           "      ref: values" }
                   + dest)
            << QStringList { "UnsupportedSpecError: spec.sources: 2 sources; Capstan renders applications with a "
                             "single source @ "
                   + f + ":6:3" };
        QTest::newRow("one item of sources is fine")
            << minimal(QStringList { "  sources:", "    - repoURL: https://github.com/acme/gitops" } + dest)
            << QStringList {};
        QTest::newRow("no source") << minimal(dest)
                                   << QStringList { "InvalidSpecError: spec.source: required @ " + f + ":1:1" };
        QTest::newRow("no repoURL") << minimal(QStringList { "  source:", "    path: k8s" }
            + dest) << QStringList { "InvalidSpecError: spec.source.repoURL: required @ " + f + ":7:5" };
        QTest::newRow("helm chart")
            << minimal(
                   QStringList { "  source:", "    repoURL: https://charts.example.com", "    chart: redis" } + dest)
            << QStringList { "UnsupportedSpecError: spec.source.chart: Helm chart sources are not rendered by "
                             "Capstan @ "
                   + f + ":7:5" };
        QTest::newRow("directory and kustomize")
            << minimal(QStringList { "  source:", "    repoURL: https://github.com/acme/gitops", "    directory: {}",
                           "    kustomize: {}" }
                   + dest)
            << QStringList { "InvalidSpecError: spec.source: directory and kustomize are both set; use one @ " + f
                   + ":7:5" };
        QTest::newRow("no destination") << minimal(source)
                                        << QStringList { "InvalidSpecError: spec.destination: a server or a name is "
                                                         "required @ "
                                               + f + ":1:1" };
        QTest::newRow("server and name")
            << minimal(source
                   + QStringList { "  destination:", "    server: https://kubernetes.default.svc",
                       "    name: in-cluster" })
            << QStringList { "InvalidSpecError: spec.destination: server and name are both set; use one @ " + f
                   + ":9:3" };
        QTest::newRow("unknown propagation policy")
            << minimal(source + dest
                   + QStringList { "  syncPolicy:", "    syncOptions:", "      - PrunePropagationPolicy=later" })
            << QStringList { "InvalidSpecError: spec.syncPolicy.syncOptions: PrunePropagationPolicy 'later' is not "
                             "one of foreground, background, orphan @ "
                   + f + ":13:5" };
    }

    void conditions()
    {
        QFETCH(QStringList, lines);
        QFETCH(QStringList, conditions);
        const auto read = readLines(lines);
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().toString().c_str());
        QStringList actual;
        for (const Condition &c : read->conditions)
            actual << QString::fromStdString(
                std::string(conditionTypeName(c.type)) + ": " + c.message + " @ " + c.where);
        QCOMPARE(actual, conditions);
        QCOMPARE(read->hasErrorCondition(), !conditions.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestApplication)
#include "tst_application.moc"
