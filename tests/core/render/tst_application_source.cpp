#include "../git/scratchrepository.h"
#include "git/repository.h"
#include "manifest/yaml_writer.h"
#include "reconcile/render/application_source.h"
#include "reconcile/render/kustomize_options.h"

#include <QTest>

using namespace capstan;

namespace {

QByteArray configMap(const char *name)
{
    return QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ") + name + "\ndata:\n  k: v\n";
}

QStringList namesOf(const render::RenderedSource &rendered)
{
    QStringList names;
    for (const manifest::Object &o : rendered.objects)
        names << QString::fromStdString(o.name());
    return names;
}

} // namespace

class TestApplicationSource : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ScratchRepository> m_scratch;
    std::optional<git::Snapshot> m_snapshot;

    Result<std::shared_ptr<const render::RenderedSource>> renderSource(const argo::ApplicationSource &source)
    {
        return render::renderApplicationSource(*m_snapshot, source);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_scratch = std::make_unique<ScratchRepository>();
        m_scratch->commit({{QStringLiteral("plain/a.yaml"), configMap("a")},
                           {QStringLiteral("plain/b.yml"), configMap("b")},
                           {QStringLiteral("plain/notes.txt"), "not a manifest"},
                           {QStringLiteral("plain/nested/c.yaml"), configMap("c")},
                           {QStringLiteral("plain/nested/list.json"),
                            R"({"apiVersion":"v1","kind":"List","items":[{"apiVersion":"v1","kind":"ConfigMap",)"
                            R"("metadata":{"name":"d"}},{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"e"}}]})"},
                           {QStringLiteral("broken/x.yaml"), "kind: ConfigMap\nmetadata:\n  name: [unclosed\n"},
                           {QStringLiteral("kust/kustomization.yaml"),
                            "# the app's overlay\nresources:\n- deploy.yaml\nimages:\n- name: web\n  newTag: v1\n"},
                           {QStringLiteral("kust/deploy.yaml"),
                            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n"
                            "  template:\n    spec:\n      containers:\n      - name: web\n        image: web\n"}},
                          QStringLiteral("fixtures"));
        auto repo = git::Repository::open(m_scratch->path());
        QVERIFY(repo.ok());
        auto snapshot = repo->snapshot(QStringLiteral("HEAD"));
        QVERIFY(snapshot.ok());
        m_snapshot = *snapshot;
    }

    void directorySources_data()
    {
        QTest::addColumn<bool>("recurse");
        QTest::addColumn<QString>("include");
        QTest::addColumn<QString>("exclude");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("top level only") << false << "" << "" << QStringList{"a", "b"};
        QTest::newRow("recursive, List expanded") << true << "" << "" << QStringList{"a", "b", "c", "d", "e"};
        QTest::newRow("include") << true << "*.yaml" << "" << QStringList{"a", "c"};
        QTest::newRow("include list") << true << "{a.yaml,nested/*.json}" << "" << QStringList{"a", "d", "e"};
        QTest::newRow("exclude") << true << "" << "nested/*" << QStringList{"a", "b"};
    }

    void directorySources()
    {
        QFETCH(bool, recurse);
        QFETCH(QString, include);
        QFETCH(QString, exclude);
        QFETCH(QStringList, names);
        argo::ApplicationSource source;
        source.path = "plain";
        source.directory = argo::DirectoryOptions{recurse, include.toStdString(), exclude.toStdString()};
        auto rendered = renderSource(source);
        QVERIFY2(rendered.ok(), rendered.ok() ? "" : rendered.error().toString().c_str());
        QCOMPARE((*rendered)->type, render::SourceType::Directory);
        QCOMPARE(namesOf(**rendered), names);
    }

    void brokenYamlNamesFileAndLine()
    {
        argo::ApplicationSource source;
        source.path = "broken";
        auto rendered = renderSource(source);
        QVERIFY(!rendered.ok());
        const std::string message = rendered.error().toString();
        QVERIFY2(message.rfind("broken/x.yaml:", 0) == 0, message.c_str());
        QVERIFY2(message.find("flow list") != std::string::npos, message.c_str());
    }

    void missingPathIsNamed()
    {
        argo::ApplicationSource source;
        source.path = "k8s/overlays/qa";
        source.where = "argocd/app.yaml:9:5";
        auto rendered = renderSource(source);
        QVERIFY(!rendered.ok());
        QCOMPARE(rendered.error().toString(),
                 std::string("argocd/app.yaml:9:5: the source path 'k8s/overlays/qa' does not exist at this revision"));
    }

    void kustomizeOptionsAreLayeredOnTheRootKustomization()
    {
        argo::ApplicationSource source;
        source.path = "kust";
        argo::KustomizeOptions options;
        options.images = {"web=registry.example:5000/team/web:v2"};
        options.namePrefix = "prod-";
        options.ns = "shop-prod";
        options.commonLabels = {{"team", "shop"}};
        options.replicas = {{"web", 4}};
        source.kustomize = options;
        auto rendered = renderSource(source);
        QVERIFY2(rendered.ok(), rendered.ok() ? "" : rendered.error().toString().c_str());
        QCOMPARE((*rendered)->type, render::SourceType::Kustomize);
        const std::string yaml = manifest::emitObjects((*rendered)->objects);
        QVERIFY2(yaml.find("image: registry.example:5000/team/web:v2") != std::string::npos, yaml.c_str());
        QVERIFY(yaml.find("name: prod-web") != std::string::npos);
        QVERIFY(yaml.find("namespace: shop-prod") != std::string::npos);
        QVERIFY(yaml.find("team: shop") != std::string::npos);
        QVERIFY(yaml.find("replicas: 4") != std::string::npos);
    }

    void imageOverrideSyntax_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("newName");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("digest");
        QTest::newRow("tag") << "web:v2" << "web" << "" << "v2" << "";
        QTest::newRow("rename and tag") << "web=reg/web:v3" << "web" << "reg/web" << "v3" << "";
        QTest::newRow("registry port") << "reg:5000/web:v3" << "reg:5000/web" << "" << "v3" << "";
        QTest::newRow("digest") << "web@sha256:abc" << "web" << "" << "" << "sha256:abc";
        QTest::newRow("rename only") << "web=other/web" << "web" << "other/web" << "" << "";
    }

    void imageOverrideSyntax()
    {
        QFETCH(QString, text);
        QFETCH(QString, name);
        QFETCH(QString, newName);
        QFETCH(QString, tag);
        QFETCH(QString, digest);
        auto image = render::parseImageOverride(text.toStdString());
        QVERIFY(image.ok());
        QCOMPARE(QString::fromStdString(image->name), name);
        QCOMPARE(QString::fromStdString(image->newName.value_or("")), newName);
        QCOMPARE(QString::fromStdString(image->newTag.value_or("")), tag);
        QCOMPARE(QString::fromStdString(image->digest.value_or("")), digest);
    }
};

QTEST_GUILESS_MAIN(TestApplicationSource)
#include "tst_application_source.moc"
