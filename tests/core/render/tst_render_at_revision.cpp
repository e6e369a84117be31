#include "demo/demo_repository.h"
#include "git/repository.h"
#include "kustomize/render.h"
#include "reconcile/render/kustomize_at_revision.h"

#include <QTemporaryDir>
#include <QTest>

using namespace capstan;

class TestRenderAtRevision : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    demo::DemoRepository m_demo;
    std::optional<git::Repository> m_repo;

    std::string renderAt(const QString &revision, const QString &path, render::KustomizeCache *cache = nullptr)
    {
        auto snapshot = m_repo->snapshot(revision);
        if (!snapshot)
            return "error: " + snapshot.error().toString();
        auto result = render::renderKustomizationAt(*snapshot, path, cache);
        if (!result)
            return "error: " + result.error().toString();
        return (*result)->yaml;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto demo = demo::createDemoRepository(m_dir.filePath(QStringLiteral("shop")));
        QVERIFY2(demo.ok(), demo.ok() ? "" : demo.error().toString().c_str());
        m_demo = *demo;
        m_repo = *git::Repository::open(m_demo.path);
    }

    // Reading Git objects gives exactly what rendering the checked-out files gives.
    void sameAsRenderingTheWorkTree_data()
    {
        QTest::addColumn<QString>("overlay");
        QTest::newRow("prod order-service") << "k8s/overlays/prod/order-service";
        QTest::newRow("dev frontend") << "k8s/overlays/dev/frontend";
        QTest::newRow("staging network policies") << "k8s/overlays/staging/network-policies";
    }

    void sameAsRenderingTheWorkTree()
    {
        QFETCH(QString, overlay);
        auto onDisk = kustomize::renderDirectory((m_demo.path + QLatin1Char('/') + overlay).toStdString());
        QVERIFY2(onDisk.ok(), onDisk.ok() ? "" : onDisk.error().toString().c_str());
        QCOMPARE(renderAt(QStringLiteral("HEAD"), overlay), onDisk->yaml);
    }

    void rendersOlderRevisionsWithoutCheckout()
    {
        const QString overlay = QStringLiteral("k8s/overlays/prod/order-service");
        const std::string before = renderAt(m_demo.prodRevision, overlay);
        const std::string now = renderAt(m_demo.headRevision, overlay);
        QVERIFY(before.find("order-service:v1.1.0") != std::string::npos);
        QVERIFY(now.find("order-service:v1.2.1") != std::string::npos);
    }

    void anUnchangedOverlayIsRenderedOnce()
    {
        render::KustomizeCache cache;
        const QString overlay = QStringLiteral("k8s/overlays/prod/frontend");
        // prod's frontend overlay does not change in the last several commits.
        const std::string first = renderAt(QStringLiteral("HEAD~3"), overlay, &cache);
        const std::string second = renderAt(QStringLiteral("HEAD"), overlay, &cache);
        QCOMPARE(second, first);
        QCOMPARE(cache.stats().misses, std::size_t(1));
        QCOMPARE(cache.stats().hits, std::size_t(1));
    }

    void aChangedBaseIsRenderedAgain()
    {
        render::KustomizeCache cache;
        const QString overlay = QStringLiteral("k8s/overlays/dev/frontend");
        const std::string before = renderAt(QStringLiteral("HEAD"), overlay, &cache);

        QTemporaryDir clone;
        auto copy = git::Repository::clone(m_demo.path, clone.filePath(QStringLiteral("c")));
        QVERIFY(copy.ok());
        const QString basePath = QStringLiteral("k8s/base/frontend/service.yaml");
        QByteArray service = *copy->readFile(QStringLiteral("HEAD"), basePath);
        service.replace("port: 80", "port: 8080");
        auto changed = copy->commit(QStringLiteral("main"), {git::FileChange{basePath, service}},
                                    QStringLiteral("change the base"), git::Signature{QStringLiteral("T"),
                                                                                      QStringLiteral("t@x"), {}});
        QVERIFY2(changed.ok(), changed.ok() ? "" : changed.error().toString().c_str());
        auto snapshot = copy->snapshot(*changed);
        auto after = render::renderKustomizationAt(*snapshot, overlay, &cache);
        QVERIFY(after.ok());
        QCOMPARE(cache.stats().misses, std::size_t(2));
        QVERIFY((*after)->yaml != before);
        QVERIFY((*after)->yaml.find("port: 8080") != std::string::npos);
    }

    void aMissingOverlayNamesThePath()
    {
        const std::string out = renderAt(QStringLiteral("HEAD"), QStringLiteral("k8s/overlays/qa/frontend"));
        QVERIFY2(out.rfind("error: ", 0) == 0, out.c_str());
        QVERIFY2(out.find("k8s/overlays/qa/frontend") != std::string::npos, out.c_str());
    }
};

QTEST_GUILESS_MAIN(TestRenderAtRevision)
#include "tst_render_at_revision.moc"
