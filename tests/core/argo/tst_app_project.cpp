#include "argo/app_project.h"
#include "manifest/yaml_reader.h"

#include <QFile>
#include <QTest>

using namespace capstan::argo;
using capstan::manifest::Object;

namespace {

const std::string kFile = "argocd/projects/platform.yaml";

Object readDataFile(const QString &name)
{
    QFile file(QStringLiteral(CAPSTAN_TEST_DATA "/data/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    auto objects = capstan::manifest::parseObjects(file.readAll().toStdString(), kFile);
    if (!objects.ok())
        qFatal("%s", objects.error().toString().c_str());
    return objects->front();
}

// An AppProject named platform: the header lines 1-4, then `lines` from line 5 on.
capstan::Result<AppProject> readLines(const QStringList &lines)
{
    const QString text
        = "apiVersion: argoproj.io/v1alpha1\nkind: AppProject\nmetadata:\n  name: platform\n" + lines.join('\n') + "\n";
    auto objects = capstan::manifest::parseObjects(text.toStdString(), kFile);
    if (!objects.ok())
        qFatal("test YAML does not parse: %s", objects.error().toString().c_str());
    return readAppProject(objects->front());
}

} // namespace

class TestAppProject : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsEveryField()
    {
        const Object object = readDataFile("platform.yaml");
        QVERIFY(isAppProject(object));
        const auto read = readAppProject(object);
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().toString().c_str());
        const AppProject &p = *read;
        QCOMPARE(p.name(), std::string("platform"));
        QCOMPARE(p.description, std::string("Shop services, all environments"));
        QCOMPARE(p.sourceRepos,
            (std::vector<std::string> { "https://github.com/acme/*", "!https://github.com/acme/secrets" }));
        QCOMPARE(p.destinations.size(), std::size_t(3));
        QCOMPARE(p.destinations[0].server, std::string("https://kubernetes.default.svc"));
        QCOMPARE(p.destinations[0].ns, std::string("{dev,staging,prod}"));
        QCOMPARE(p.destinations[1].name, std::string("in-cluster"));
        QCOMPARE(p.destinations[2].ns, std::string("!kube-system"));
        QCOMPARE(p.clusterResourceWhitelist.size(), std::size_t(2));
        QCOMPARE(p.clusterResourceWhitelist[0].group, std::string());
        QCOMPARE(p.clusterResourceWhitelist[0].kind, std::string("Namespace"));
        QCOMPARE(p.clusterResourceWhitelist[1].name, std::string("shop-*"));
        QCOMPARE(p.clusterResourceBlacklist.size(), std::size_t(1));
        QVERIFY(!p.namespaceResourceWhitelist);
        QCOMPARE(p.namespaceResourceBlacklist.size(), std::size_t(2));
        QCOMPARE(p.namespaceResourceBlacklist[1].kind, std::string("*"));

        QCOMPARE(p.roles.size(), std::size_t(1));
        QCOMPARE(p.roles[0].name, std::string("deployer"));
        QCOMPARE(p.roles[0].description, std::string("CI deploys to dev"));
        QCOMPARE(p.roles[0].policies.size(), std::size_t(1));
        QCOMPARE(p.roles[0].groups, std::vector<std::string> { "acme:ci" });

        QCOMPARE(p.syncWindows.size(), std::size_t(2));
        const SyncWindow &allow = p.syncWindows[0];
        QCOMPARE(allow.kind, SyncWindowKind::Allow);
        QCOMPARE(allow.schedule.expression(), std::string("0 9 * * MON-FRI"));
        QCOMPARE(allow.duration.count(), 8 * 3600 * 1000);
        QCOMPARE(allow.timeZone.id(), QByteArray("Europe/Berlin"));
        QCOMPARE(allow.applications, std::vector<std::string> { "*-prod" });
        QVERIFY(allow.manualSync);
        QVERIFY(!allow.andOperator);
        QCOMPARE(QString::fromStdString(allow.where), QString::fromStdString(kFile + ":44:7"));
        const SyncWindow &deny = p.syncWindows[1];
        QCOMPARE(deny.kind, SyncWindowKind::Deny);
        QCOMPARE(deny.durationText, std::string("1h30m"));
        QCOMPARE(deny.duration.count(), 90 * 60 * 1000);
        QCOMPARE(deny.timeZone, QTimeZone::utc());
        QCOMPARE(deny.namespaces, std::vector<std::string> { "prod" });
        QCOMPARE(deny.clusters, std::vector<std::string> { "in-cluster" });
        QVERIFY(deny.andOperator);
        QCOMPARE(deny.description, std::string("nightly backup"));

        QVERIFY(p.approval.required);
        QCOMPARE(p.approval.requiredApprovers, 2);
    }

    void namespaceWhitelistAbsentOrEmpty()
    {
        const auto absent = readLines({ "spec:", "  sourceRepos: ['*']" });
        QVERIFY(absent.ok());
        QVERIFY(!absent->namespaceResourceWhitelist);
        const auto empty = readLines({ "spec:", "  namespaceResourceWhitelist: []" });
        QVERIFY(empty.ok());
        QVERIFY(empty->namespaceResourceWhitelist);
        QVERIFY(empty->namespaceResourceWhitelist->empty());
    }

    void approval_data()
    {
        QTest::addColumn<QStringList>("annotations");
        QTest::addColumn<bool>("required");
        QTest::addColumn<int>("approvers");
        QTest::newRow("none") << QStringList {} << false << 0;
        QTest::newRow("required, one approver by default")
            << QStringList { "capstan.io/require-approval: \"true\"" } << true << 1;
        QTest::newRow("explicitly not required")
            << QStringList { "capstan.io/require-approval: \"false\"", "capstan.io/required-approvers: \"3\"" } << false
            << 0;
        QTest::newRow("three approvers") << QStringList { "capstan.io/require-approval: \"true\"",
            "capstan.io/required-approvers: \"3\"" }
                                         << true << 3;
    }

    void approval()
    {
        QFETCH(QStringList, annotations);
        QFETCH(bool, required);
        QFETCH(int, approvers);
        QStringList lines { "  annotations:" };
        for (const QString &a : annotations)
            lines << "    " + a;
        if (annotations.isEmpty())
            lines.clear();
        const auto read = readLines(lines + QStringList { "spec: {}" });
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().toString().c_str());
        QCOMPARE(read->approval.required, required);
        QCOMPARE(read->approval.requiredApprovers, approvers);
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("lines");
        QTest::addColumn<QString>("error");
        const QString f = QString::fromStdString(kFile);
        const QStringList window { "spec:", "  syncWindows:", "    - kind: deny" };

        QTest::newRow("sourceRepos not a list")
            << QStringList { "spec:", "  sourceRepos: '*'" } << f + ":6:3: spec.sourceRepos: expected a list";
        QTest::newRow("destination not a map") << QStringList { "spec:", "  destinations:", "    - in-cluster" }
                                               << f + ":7:7: spec.destinations[0]: expected a map";
        QTest::newRow("destination namespace") << QStringList { "spec:", "  destinations:", "    - server: '*'",
            "      namespace: [dev]" } << f + ":8:7: spec.destinations[0].namespace: expected a string";
        QTest::newRow("resource rule without kind")
            << QStringList { "spec:", "  clusterResourceWhitelist:", "    - group: '*'" }
            << f + ":7:7: spec.clusterResourceWhitelist[0].kind: required";
        QTest::newRow("role policies") << QStringList { "spec:", "  roles:", "    - name: ci", "      policies: p, x" }
                                       << f + ":8:7: spec.roles[0].policies: expected a list";
        QTest::newRow("window kind") << QStringList { "spec:", "  syncWindows:", "    - kind: block",
            "      schedule: '0 22 * * *'", "      duration: 1h", "      applications: ['*']" }
                                     << f + ":7:7: spec.syncWindows[0].kind: 'block' is not allow or deny";
        QTest::newRow("window schedule") << window
                + QStringList { "      schedule: '0 25 * * *'", "      duration: 1h" }
                                         << f
                + ":8:7: spec.syncWindows[0].schedule: invalid schedule '0 25 * * *': hour: 25 is out of range 0-23";
        QTest::newRow("window duration") << window
                + QStringList { "      schedule: '0 22 * * *'", "      duration: 1d" }
                                         << f
                + ":9:7: spec.syncWindows[0].duration: invalid duration '1d': unknown unit 'd' (use h, m, s or ms)";
        QTest::newRow("window duration unquoted number")
            << window + QStringList { "      schedule: '0 22 * * *'", "      duration: 3600" }
            << f + ":9:7: spec.syncWindows[0].duration: expected a string (quote the value)";
        QTest::newRow("window time zone")
            << window + QStringList { "      schedule: '0 22 * * *'", "      duration: 1h", "      timeZone: Berlin" }
            << f
                + ":10:7: spec.syncWindows[0].timeZone: 'Berlin' is not a known IANA time zone (such as Europe/Berlin)";
        QTest::newRow("window without schedule")
            << window + QStringList { "      duration: 1h" } << f + ":7:7: spec.syncWindows[0].schedule: required";
        QTest::newRow("window manualSync") << window
                + QStringList { "      schedule: '0 22 * * *'", "      duration: 1h", "      manualSync: \"yes\"" }
                                           << f + ":10:7: spec.syncWindows[0].manualSync: expected true or false";
        QTest::newRow("approval flag") << QStringList { "  annotations:", "    capstan.io/require-approval: \"yes\"",
            "spec: {}" }
                                       << f
                + ":6:5: metadata.annotations.capstan.io/require-approval: expected "
                  "\"true\" or \"false\", got 'yes'";
        QTest::newRow("approvers count") << QStringList { "  annotations:", "    capstan.io/require-approval: \"true\"",
            "    capstan.io/required-approvers: \"0\"", "spec: {}" }
                                         << f
                + ":7:5: metadata.annotations.capstan.io/required-approvers: expected "
                  "a whole number of at least 1, got '0'";
    }

    void errors()
    {
        QFETCH(QStringList, lines);
        QFETCH(QString, error);
        const auto read = readLines(lines);
        QVERIFY(!read.ok());
        QCOMPARE(QString::fromStdString(read.error().toString()), error);
    }

    void defaultProjectPermitsEverything()
    {
        const AppProject p = defaultProject();
        QCOMPARE(p.name(), std::string("default"));
        QCOMPARE(p.sourceRepos, std::vector<std::string> { "*" });
        QVERIFY(p.syncWindows.empty());
        QVERIFY(!p.approval.required);
    }
};

QTEST_GUILESS_MAIN(TestAppProject)
#include "tst_app_project.moc"
