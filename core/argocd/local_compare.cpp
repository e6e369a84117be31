#include "argocd/local_compare.h"

#include "argo/application.h"
#include "manifest/yaml_writer.h"
#include "reconcile/compare/normalize.h"
#include "reconcile/compare/secrets.h"
#include "reconcile/engine/app_assessor.h"

namespace capstan::argocd {

namespace {

// A live object Git no longer has (Argo CD: requires pruning), shown as a diff shows it.
std::string maskedLiveYaml(manifest::Object object)
{
    manifest::Node &root = object.root();
    compare::stripServerFields(root);
    if (compare::isSecret(root)) {
        compare::foldStringData(root);
        compare::maskSecretData(nullptr, &root);
    }
    return manifest::emitYaml(root);
}

} // namespace

capstan::Result<void> compareWithClone(const git::Repository &clone, cluster::Cluster &cluster,
    const manifest::Object &application, engine::AppState &state, render::SourceCache *cache)
{
    auto app = argo::readApplication(application);
    if (!app)
        return app.error();
    if (!app->source)
        return makeError(state.name + " has no source Capstan can render", state.name);
    if (state.revision.empty())
        return makeError("Argo CD has not compared " + state.name + " with Git yet (status.sync.revision is empty)",
            state.name);
    auto snapshot = clone.snapshot(QString::fromStdString(state.revision));
    if (!snapshot)
        return makeError("the local clone has no commit " + state.revision.substr(0, 7) + " of "
                + app->source->repoURL + ": fetch, or open a clone of that repository, to see Git's side",
            state.name);
    auto rendered = render::renderApplicationSource(*snapshot, *app->source, cache);
    if (!rendered)
        return rendered.error();
    const std::vector<manifest::Object> desired = engine::desiredObjects(**rendered, *app, cluster);

    // The objects Argo CD lists as the application's, as the cluster has them now.
    std::vector<manifest::Object> live;
    for (const engine::ResourceState &resource : state.resources) {
        auto object = cluster.get(cluster::ResourceKey::of(resource.id));
        if (object)
            live.push_back(std::move(*object));
        else if (object.code() != cluster::ErrorCode::NotFound)
            return object.error();
    }
    const compare::CompareResult compared
        = engine::compareApplication(*app, desired, live, compare::Detail::All, engine::Tracking::AsGiven);
    if (compared.error)
        return *compared.error;

    std::vector<engine::ResourceState> filled = state.resources;
    for (engine::ResourceState &resource : filled) {
        const compare::ResourceComparison *match = nullptr;
        for (const compare::ResourceComparison &c : compared.resources)
            if (c.id.sameObject(resource.id))
                match = &c;
        if (match) {
            resource.desiredYaml = match->desiredYaml;
            resource.liveYaml = match->liveYaml;
            resource.diff = match->diff;
            continue;
        }
        for (const manifest::Object &object : live)
            if (object.id().sameObject(resource.id))
                resource.liveYaml = maskedLiveYaml(object);
    }
    state.resources = std::move(filled);
    state.warnings.insert(state.warnings.end(), (*rendered)->warnings.begin(), (*rendered)->warnings.end());
    return {};
}

} // namespace capstan::argocd
