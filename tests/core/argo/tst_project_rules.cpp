#include "argo/project_rules.h"
#include "manifest/yaml_reader.h"

#include <QFile>
#include <QTest>

using namespace capstan::argo;

namespace {

std::vector<capstan::manifest::Object> readData(const QString &name)
{
    QFile file(QStringLiteral(CAPSTAN_TEST_DATA "/data/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    auto objects = capstan::manifest::parseObjects(file.readAll().toStdString(), name.toStdString());
    if (!objects.ok())
        qFatal("%s", objects.error().toString().c_str());
    return *objects;
}

AppProject platform()
{
    auto project = readAppProject(readData("platform.yaml").front());
    if (!project.ok())
        qFatal("%s", project.error().toString().c_str());
    return *project;
}

AppProject projectWithDestinations(const QStringList &destinations)
{
    AppProject p;
    p.metadata.name = "platform";
    for (const QString &d : destinations) {
        const QStringList f = d.split('|');
        p.destinations.push_back({ f.value(0).toStdString(), f.value(1).toStdString(), f.value(2).toStdString() });
    }
    return p;
}

QString reasonOf(const Permission &p)
{
    return p ? QString() : QString::fromStdString(p.reason);
}

} // namespace

Q_DECLARE_METATYPE(ResourceScope)

class TestProjectRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalize_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("normalized");
        QTest::newRow("https with .git") << "https://github.com/Acme/GitOps.git"
                                         << "https://github.com/acme/gitops";
        QTest::newRow("scp-style ssh") << "git@github.com:acme/gitops.git"
                                       << "git@github.com/acme/gitops";
        QTest::newRow("ssh scheme") << "ssh://git@github.com/acme/gitops"
                                    << "git@github.com/acme/gitops";
        QTest::newRow("spaces") << "  https://github.com/acme/gitops  "
                                << "https://github.com/acme/gitops";
    }

    void normalize()
    {
        QFETCH(QString, url);
        QFETCH(QString, normalized);
        QCOMPARE(QString::fromStdString(normalizeGitUrl(url.toStdString())), normalized);
    }

    void source_data()
    {
        QTest::addColumn<QStringList>("sourceRepos");
        QTest::addColumn<QString>("repo");
        QTest::addColumn<QString>("reason"); // "" when permitted
        const QStringList acme { "https://github.com/acme/*", "!https://github.com/acme/secrets" };

        QTest::newRow("matches a glob") << acme << "https://github.com/acme/gitops.git"
                                        << "";
        QTest::newRow("case and .git do not matter") << acme << "https://GitHub.com/ACME/gitops"
                                                     << "";
        QTest::newRow("negated entry denies")
            << acme << "https://github.com/acme/secrets.git"
            << "repository 'https://github.com/acme/secrets.git' is denied by project 'platform' (sourceRepos "
               "entry '!https://github.com/acme/secrets')";
        // As Argo CD evaluates it, a negated entry also admits every repository it does not exclude.
        QTest::newRow("negated entry admits the rest")
            << QStringList { "!https://github.com/acme/secrets" } << "https://gitlab.com/acme/gitops"
            << "";
        QTest::newRow("star stays in one path segment")
            << QStringList { "https://github.com/acme/*" } << "https://github.com/acme/team/gitops"
            << "repository 'https://github.com/acme/team/gitops' is not a permitted source of project 'platform'";
        QTest::newRow("double star crosses segments")
            << QStringList { "https://github.com/acme/**" } << "https://github.com/acme/team/gitops"
            << "";
        QTest::newRow("other host") << QStringList { "https://github.com/acme/*" } << "https://gitlab.com/acme/gitops"
                                    << "repository 'https://gitlab.com/acme/gitops' is not a permitted source of "
                                       "project 'platform'";
        QTest::newRow("ssh url against ssh glob")
            << QStringList { "git@github.com:acme/*" } << "git@github.com:acme/gitops.git"
            << "";
        QTest::newRow("any repository") << QStringList { "*" } << "https://example.com/x/y/z.git"
                                        << "";
        QTest::newRow("no source repositories")
            << QStringList {} << "https://github.com/acme/gitops"
            << "project 'platform' permits no source repositories (spec.sourceRepos is empty)";
    }

    void source()
    {
        QFETCH(QStringList, sourceRepos);
        QFETCH(QString, repo);
        QFETCH(QString, reason);
        AppProject p;
        p.metadata.name = "platform";
        for (const QString &r : sourceRepos)
            p.sourceRepos.push_back(r.toStdString());
        QCOMPARE(reasonOf(checkSource(p, repo.toStdString())), reason);
    }

    void destination_data()
    {
        QTest::addColumn<QStringList>("destinations"); // "server|name|namespace"
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("ns");
        QTest::addColumn<QString>("reason");
        const QStringList envs { "https://kubernetes.default.svc||{dev,staging,prod}", "|in-cluster|monitoring" };
        const QString local = "https://kubernetes.default.svc";

        QTest::newRow("server and namespace match") << envs << local << ""
                                                    << "prod"
                                                    << "";
        QTest::newRow("namespace not listed")
            << envs << local << ""
            << "kube-system"
            << "namespace 'kube-system' is not a permitted destination of project 'platform'";
        QTest::newRow("cluster not listed") << envs << "https://prod.example.com"
                                            << ""
                                            << "prod"
                                            << "cluster 'https://prod.example.com' is not a permitted destination of "
                                               "project 'platform'";
        QTest::newRow("by cluster name") << envs << ""
                                         << "in-cluster"
                                         << "monitoring"
                                         << "";
        QTest::newRow("name and server, either matches") << envs << local << "in-cluster"
                                                         << "dev"
                                                         << "";
        QTest::newRow("negated namespace denies")
            << QStringList { "*||!kube-system" } << local << ""
            << "kube-system"
            << "namespace 'kube-system' is denied by project 'platform' (destination namespace '!kube-system')";
        QTest::newRow("negated namespace admits others") << QStringList { "*||!kube-system" } << local << ""
                                                         << "prod"
                                                         << "";
        QTest::newRow("negated server denies")
            << QStringList { "!https://prod.example.com||*", "*||*" } << "https://prod.example.com"
            << ""
            << "prod"
            << "cluster 'https://prod.example.com' is denied by project 'platform' (destination "
               "'!https://prod.example.com')";
        QTest::newRow("negated server admits others")
            << QStringList { "!https://prod.example.com||*", "*||*" } << "https://staging.example.com"
            << ""
            << "prod"
            << "";
        QTest::newRow("namespace glob") << QStringList { "*||team-*" } << local << ""
                                        << "team-payments"
                                        << "";
        QTest::newRow("no destinations") << QStringList {} << local << ""
                                         << "dev"
                                         << "cluster 'https://kubernetes.default.svc' is not a permitted destination "
                                            "of project 'platform'";
    }

    void destination()
    {
        QFETCH(QStringList, destinations);
        QFETCH(QString, server);
        QFETCH(QString, name);
        QFETCH(QString, ns);
        QFETCH(QString, reason);
        const AppProject p = projectWithDestinations(destinations);
        QCOMPARE(reasonOf(checkDestination(p, server.toStdString(), name.toStdString(), ns.toStdString())), reason);
    }

    void resource_data()
    {
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<ResourceScope>("scope");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("reason");
        const auto C = ResourceScope::Cluster;
        const auto N = ResourceScope::Namespaced;
        const QString rbac = "rbac.authorization.k8s.io";

        QTest::newRow("whitelisted cluster kind") << ""
                                                  << "Namespace" << C << "prod"
                                                  << "";
        QTest::newRow("whitelisted by name glob") << rbac << "ClusterRole" << C << "shop-reader"
                                                  << "";
        QTest::newRow("blacklisted by name") << rbac << "ClusterRole" << C << "shop-admin"
                                             << "cluster-scoped rbac.authorization.k8s.io/ClusterRole is denied by "
                                                "project 'platform' (clusterResourceBlacklist)";
        QTest::newRow("name outside the whitelist") << rbac << "ClusterRole" << C << "admin"
                                                    << "cluster-scoped rbac.authorization.k8s.io/ClusterRole is not "
                                                       "permitted by project 'platform' (not in "
                                                       "clusterResourceWhitelist)";
        QTest::newRow("cluster kinds are denied unless listed")
            << "apiextensions.k8s.io"
            << "CustomResourceDefinition" << C << "widgets.acme.io"
            << "cluster-scoped apiextensions.k8s.io/CustomResourceDefinition is not permitted by project 'platform' "
               "(not in clusterResourceWhitelist)";
        QTest::newRow("namespaced kinds are allowed unless listed") << "apps"
                                                                    << "Deployment" << N << ""
                                                                    << "";
        QTest::newRow("blacklisted namespaced kind")
            << ""
            << "ResourceQuota" << N << ""
            << "ResourceQuota is denied by project 'platform' (namespaceResourceBlacklist)";
        QTest::newRow("blacklisted by kind glob")
            << "networking.k8s.io"
            << "NetworkPolicy" << N << ""
            << "networking.k8s.io/NetworkPolicy is denied by project 'platform' (namespaceResourceBlacklist)";
    }

    void resource()
    {
        QFETCH(QString, group);
        QFETCH(QString, kind);
        QFETCH(ResourceScope, scope);
        QFETCH(QString, name);
        QFETCH(QString, reason);
        QCOMPARE(
            reasonOf(checkResource(platform(), group.toStdString(), kind.toStdString(), scope, name.toStdString())),
            reason);
    }

    void namespaceWhitelistLimitsNamespacedKinds()
    {
        AppProject p = platform();
        p.namespaceResourceWhitelist = std::vector<ResourceRule> { { "apps", "*", {} }, { "", "Service", {} } };
        QVERIFY(checkResource(p, "apps", "StatefulSet", ResourceScope::Namespaced));
        QVERIFY(checkResource(p, "", "Service", ResourceScope::Namespaced));
        QCOMPARE(reasonOf(checkResource(p, "", "ConfigMap", ResourceScope::Namespaced)),
            QString("ConfigMap is not permitted by project 'platform' (not in namespaceResourceWhitelist)"));
        // An empty whitelist that is present permits no namespaced kind at all.
        p.namespaceResourceWhitelist = std::vector<ResourceRule> {};
        QVERIFY(!checkResource(p, "apps", "Deployment", ResourceScope::Namespaced));
    }

    void defaultProjectPermitsEverything()
    {
        const AppProject p = defaultProject();
        QVERIFY(checkSource(p, "https://anything.example.com/x.git"));
        QVERIFY(checkDestination(p, "https://kubernetes.default.svc", "in-cluster", "kube-system"));
        QVERIFY(checkResource(p, "apiextensions.k8s.io", "CustomResourceDefinition", ResourceScope::Cluster));
    }

    void applications()
    {
        const auto objects = readData("frontend.yaml");
        const auto dev = readApplication(objects[0]);
        const auto prod = readApplication(objects[1]);
        QVERIFY(dev.ok() && prod.ok());
        AppProject p = platform();
        QVERIFY(checkApplication(p, *dev));
        // prod names its cluster only; the project lets in-cluster (by name) reach monitoring alone.
        QCOMPARE(reasonOf(checkApplication(p, *prod)),
            QString("namespace 'prod' is not a permitted destination of project 'platform'"));
        // Its scp-style URL is not covered by an https glob.
        p.sourceRepos = { "https://github.com/acme/*" };
        QCOMPARE(reasonOf(checkApplication(p, *prod)),
            QString("repository 'git@github.com:acme/gitops.git' is not a permitted source of project "
                    "'platform'"));
        Application other = *dev;
        other.project = "payments";
        QCOMPARE(reasonOf(checkApplication(p, other)),
            QString("application 'frontend-dev' belongs to project 'payments', not 'platform'"));
        other = *dev;
        other.destination.ns = "kube-system";
        QCOMPARE(reasonOf(checkApplication(p, other)),
            QString("namespace 'kube-system' is denied by project 'platform' (destination namespace "
                    "'!kube-system')"));
    }

    // The seed's prod sync window: weekdays 09:00-17:00 Berlin time, manual syncs only.
    void projectWindowsForAnApplication()
    {
        const auto objects = readData("frontend.yaml");
        const auto dev = readApplication(objects[0]);
        const auto prod = readApplication(objects[1]);
        QVERIFY(dev.ok() && prod.ok());
        const AppProject p = platform();
        // Saturday 2026-11-28 12:00 UTC: outside the allow window that matches *-prod.
        QDateTime saturday(QDate(2026, 11, 28), QTime(12, 0), QTimeZone::utc());
        SyncWindowStatus status = syncWindowStatus(p, *prod, saturday);
        QCOMPARE(status.state, SyncWindowState::ManualOnly);
        // The nightly backup window (prod namespace AND in-cluster) matches too, and shuts manual syncs out.
        QCOMPARE(status.matching, (std::vector<std::size_t> { 0, 1 }));
        QCOMPARE(status.nextChange.toUTC(), QDateTime(QDate(2026, 11, 28), QTime(22, 0), QTimeZone::utc()));
        QCOMPARE(status.nextState, SyncWindowState::Denied);
        // On Monday the allow window opens at 09:00 Berlin, 08:00 UTC.
        status = syncWindowStatus(p, *prod, QDateTime(QDate(2026, 11, 30), QTime(7, 0), QTimeZone::utc()));
        QCOMPARE(status.state, SyncWindowState::ManualOnly);
        QCOMPARE(status.nextChange.toUTC(), QDateTime(QDate(2026, 11, 30), QTime(8, 0), QTimeZone::utc()));
        QCOMPARE(status.nextState, SyncWindowState::Allowed);
        // dev matches no window at all.
        status = syncWindowStatus(p, *dev, saturday);
        QCOMPARE(status.state, SyncWindowState::Allowed);
        QVERIFY(status.matching.empty());
    }
};

QTEST_GUILESS_MAIN(TestProjectRules)
#include "tst_project_rules.moc"
