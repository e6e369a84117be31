#include "demo/demo_catalog.h"
#include "demo/demo_repository.h"
#include "git/repository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace capstan;

class TestDemoRepository : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    demo::DemoRepository m_demo;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto demo = demo::createDemoRepository(m_dir.filePath(QStringLiteral("shop")),
                                               QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC));
        QVERIFY2(demo.ok(), demo.ok() ? "" : demo.error().toString().c_str());
        m_demo = *demo;
    }

    void hasTheSeedsLayout_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("app-of-apps") << "argocd/app-of-apps.yaml";
        QTest::newRow("project") << "argocd/projects/platform.yaml";
        QTest::newRow("applications") << "argocd/applications/frontend.yaml";
        QTest::newRow("base deployment") << "k8s/base/order-service/deployment.yaml";
        QTest::newRow("base service") << "k8s/base/order-service/service.yaml";
        QTest::newRow("base hpa") << "k8s/base/order-service/hpa.yaml";
        QTest::newRow("network policies") << "k8s/base/network-policies/policies.yaml";
        QTest::newRow("prod pdb") << "k8s/overlays/prod/order-service/pdb.yaml";
        QTest::newRow("prod anti-affinity") << "k8s/overlays/prod/frontend/patches/anti-affinity.yaml";
        QTest::newRow("dev replicas") << "k8s/overlays/dev/payment-service/patches/replicas.yaml";
    }

    void hasTheSeedsLayout()
    {
        QFETCH(QString, path);
        auto repo = git::Repository::open(m_demo.path);
        QVERIFY(repo.ok());
        auto content = repo->readFile(QStringLiteral("HEAD"), path);
        QVERIFY2(content.ok(), qPrintable(path));
        QVERIFY(!content->isEmpty());
    }

    void prodIsManualAndTheOthersAutomated()
    {
        auto repo = git::Repository::open(m_demo.path);
        const QString apps = QString::fromUtf8(*repo->readFile(QStringLiteral("HEAD"),
                                                               QStringLiteral("argocd/applications/order-service.yaml")));
        const QStringList docs = apps.split(QStringLiteral("---\n"));
        QCOMPARE(docs.size(), 3);
        for (const QString &doc : docs) {
            const bool prod = doc.contains(QLatin1String("name: order-service-prod"));
            QCOMPARE(doc.contains(QLatin1String("automated:")), !prod);
        }
    }

    void historyTellsTheReleaseStory()
    {
        auto repo = git::Repository::open(m_demo.path);
        auto log = repo->log(QStringLiteral("k8s/overlays/prod/order-service"));
        QVERIFY(log.ok());
        QStringList subjects;
        for (const git::CommitInfo &c : *log)
            subjects << c.summary;
        QCOMPARE(subjects.value(0), QStringLiteral("release: order-service v1.2.1 to production"));
        QVERIFY(subjects.value(1).startsWith(QLatin1String("revert: release: order-service v1.2.0")));
        QCOMPARE(subjects.value(2), QStringLiteral("release: order-service v1.2.0 to production"));
        QCOMPARE(subjects.last(), QStringLiteral("chore: bootstrap the shop's GitOps repository"));
        QCOMPARE(log->first().author.name, QStringLiteral("Ravi Iyer"));

        auto devLog = repo->log(QStringLiteral("k8s/overlays/dev/order-service"));
        QVERIFY(devLog->first().summary.startsWith(QLatin1String("ci: update order-service image to 7d9e3f4")));
    }

    void prodRunsOneReleaseBehind()
    {
        auto repo = git::Repository::open(m_demo.path);
        QCOMPARE(repo->resolve(QStringLiteral("HEAD~1"))->id, m_demo.prodRevision);
        QCOMPARE(repo->headCommit()->id, m_demo.headRevision);
        const QString path = QStringLiteral("k8s/overlays/prod/order-service/kustomization.yaml");
        QVERIFY(repo->readFile(m_demo.prodRevision, path)->contains("newTag: v1.1.0"));
        QVERIFY(repo->readFile(m_demo.headRevision, path)->contains("newTag: v1.2.1"));
        // Only order-service's production overlay differs between what prod runs and main.
        auto changes = repo->diff(QString(), m_demo.prodRevision, m_demo.headRevision);
        QVERIFY(changes.ok());
        QCOMPARE(changes->size(), 1);
        QCOMPARE(changes->first().newPath, path);
    }

    void registryKnowsTheBadRelease()
    {
        QVERIFY(m_demo.brokenImages.contains(QStringLiteral("registry.acme.example/shop/order-service:v1.2.0")));
        QVERIFY(m_demo.knownImages.contains(QStringLiteral("registry.acme.example/shop/order-service:v1.2.1")));
        QVERIFY(m_demo.knownImages.contains(QStringLiteral("registry.acme.example/shop/frontend:v2.3.0")));
    }

    void refusesANonEmptyFolder()
    {
        auto again = demo::createDemoRepository(m_demo.path);
        QVERIFY(!again.ok());
        QVERIFY(QString::fromStdString(again.error().toString()).contains(QLatin1String("not empty")));
    }

    void workTreeIsClean()
    {
        auto repo = git::Repository::open(m_demo.path);
        QCOMPARE(*repo->isClean(git::UntrackedFiles::CountAsChanges), true);
    }
};

QTEST_GUILESS_MAIN(TestDemoRepository)
#include "tst_demo_repository.moc"
