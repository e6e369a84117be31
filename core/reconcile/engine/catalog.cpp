#include "reconcile/engine/catalog.h"

#include "manifest/yaml_reader.h"

namespace capstan::engine {

namespace {

bool isYamlFile(const QString &name)
{
    return name.endsWith(QLatin1String(".yaml")) || name.endsWith(QLatin1String(".yml"));
}

void scanDirectory(const git::Snapshot &snapshot, const QString &dir, Catalog &catalog)
{
    auto entries = snapshot.list(dir);
    if (!entries) {
        catalog.errors.push_back({argo::ConditionType::UnknownError, entries.error().message, dir.toStdString()});
        return;
    }
    for (const git::TreeEntry &entry : *entries) {
        const QString path = dir.isEmpty() ? entry.name : dir + QLatin1Char('/') + entry.name;
        if (entry.kind == git::EntryKind::Tree) {
            if (!entry.name.startsWith(QLatin1Char('.')))
                scanDirectory(snapshot, path, catalog);
            continue;
        }
        if (entry.kind != git::EntryKind::Blob || !isYamlFile(entry.name))
            continue;
        auto text = snapshot.readFile(path);
        if (!text)
            continue;
        // Cheap test first: most files of a GitOps repository are workloads.
        if (!text->contains("kind: Application") && !text->contains("kind: AppProject"))
            continue;
        auto objects = manifest::parseObjects(std::string_view(text->constData(), std::size_t(text->size())),
                                              path.toStdString());
        if (!objects) {
            catalog.errors.push_back(
                {argo::ConditionType::InvalidSpecError, objects.error().message, objects.error().where});
            continue;
        }
        collectArgoObjects(*objects, catalog);
    }
}

} // namespace

void collectArgoObjects(const std::vector<manifest::Object> &objects, Catalog &into)
{
    for (const manifest::Object &object : objects) {
        if (argo::isApplication(object)) {
            auto app = argo::readApplication(object);
            if (app)
                into.applications.push_back(std::move(*app));
            else
                into.broken.push_back({object.name(),
                                       {argo::ConditionType::InvalidSpecError, app.error().message,
                                        app.error().where}});
        } else if (argo::isAppProject(object)) {
            auto project = argo::readAppProject(object);
            if (project)
                into.projects[project->name()] = std::move(*project);
            else
                into.errors.push_back(
                    {argo::ConditionType::InvalidSpecError, project.error().message, project.error().where});
        }
    }
}

Catalog scanCatalog(const git::Snapshot &snapshot)
{
    Catalog catalog;
    scanDirectory(snapshot, QString(), catalog);
    return catalog;
}

} // namespace capstan::engine
