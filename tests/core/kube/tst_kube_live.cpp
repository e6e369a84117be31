// The KubeCluster scenarios against a real cluster. Runs only when CAPSTAN_TEST_KUBECONFIG
// names a kubeconfig (CAPSTAN_TEST_CONTEXT picks a context, CAPSTAN_TEST_NAMESPACE a
// namespace, "default" otherwise); it creates and deletes one ConfigMap there.

#include "cluster/json_codec_p.h"
#include "kube/kube_cluster.h"

#include <QCoreApplication>
#include <QMutex>
#include <QTest>

using namespace capstan;
using namespace capstan::kube;

class TestKubeLive : public QObject
{
    Q_OBJECT

    std::unique_ptr<KubeCluster> m_cluster;
    std::string m_ns;
    std::string m_name;

    manifest::Object configMap(const std::string &value) const
    {
        auto node = cluster::detail::fromJson(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":")" + m_name
            + R"(","namespace":")" + m_ns + R"(","labels":{"capstan-test":"live"}},"data":{"key":")" + value
            + R"("}})");
        return manifest::Object(std::move(*node));
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QByteArray path = qgetenv("CAPSTAN_TEST_KUBECONFIG");
        if (path.isEmpty())
            QSKIP("CAPSTAN_TEST_KUBECONFIG is not set");
        auto config = Kubeconfig::load({ path.toStdString() });
        QVERIFY2(config.ok(), config.ok() ? "" : config.error().toString().c_str());
        auto cluster = KubeCluster::open(*config, qgetenv("CAPSTAN_TEST_CONTEXT").toStdString());
        QVERIFY2(cluster.ok(), cluster.ok() ? "" : cluster.error().toString().c_str());
        m_cluster = std::move(*cluster);
        m_ns = qEnvironmentVariable("CAPSTAN_TEST_NAMESPACE", "default").toStdString();
        m_name = "capstan-live-test-" + std::to_string(QCoreApplication::applicationPid());
    }

    void discovery()
    {
        QCOMPARE(m_cluster->isNamespaced("", "ConfigMap"), std::optional<bool>(true));
        QCOMPARE(m_cluster->isNamespaced("", "Namespace"), std::optional<bool>(false));
        QCOMPARE(m_cluster->isNamespaced("apps", "Deployment"), std::optional<bool>(true));
    }

    void applyGetListWatchDelete()
    {
        QMutex mutex;
        QStringList events;
        cluster::ListQuery query;
        query.kind = cluster::GroupKind { "", "ConfigMap" };
        query.ns = m_ns;
        query.labelSelector = *cluster::LabelSelector::parse("capstan-test=live");
        const auto id = m_cluster->watch(query, [&](const cluster::WatchEvent &e) {
            QMutexLocker lock(&mutex);
            events << QString::fromStdString(e.object.name()) + " " + QString::number(int(e.type));
        });
        auto seen = [&] {
            QMutexLocker lock(&mutex);
            return events;
        };

        auto applied = m_cluster->apply(configMap("one"));
        QVERIFY2(applied.ok(), applied.ok() ? "" : applied.error().toString().c_str());
        QVERIFY(applied->root().at({ "metadata", "managedFields" }));
        auto got = m_cluster->get({ "", "ConfigMap", m_ns, m_name });
        QVERIFY(got.ok());
        QCOMPARE(got->root().textAt({ "data", "key" }), std::string("one"));
        auto listed = m_cluster->list(query);
        QVERIFY(listed.ok());
        QCOMPARE(listed->size(), std::size_t(1));

        // Another manager changing a field capstan owns: a conflict, unless forced.
        cluster::ApplyOptions other;
        other.fieldManager = "someone-else";
        auto conflict = m_cluster->apply(configMap("two"), other);
        QCOMPARE(conflict.code(), cluster::ErrorCode::Conflict);
        other.force = true;
        QVERIFY(m_cluster->apply(configMap("two"), other).ok());

        QVERIFY(m_cluster->remove({ "", "ConfigMap", m_ns, m_name }).ok());
        QCOMPARE(m_cluster->get({ "", "ConfigMap", m_ns, m_name }).code(), cluster::ErrorCode::NotFound);
        const QString n = QString::fromStdString(m_name);
        QTRY_VERIFY_WITH_TIMEOUT(seen().contains(n + " 2"), 20000); // Deleted
        QVERIFY(seen().contains(n + " 0")); // Added
        QVERIFY(seen().contains(n + " 1")); // Modified
        m_cluster->unwatch(id);
    }

    void cleanupTestCase()
    {
        if (m_cluster)
            (void)m_cluster->remove({ "", "ConfigMap", m_ns, m_name });
    }
};

QTEST_GUILESS_MAIN(TestKubeLive)
#include "tst_kube_live.moc"
