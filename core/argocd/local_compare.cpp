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

// The source at `revision`, as rendered from the clone.
capstan::Result<std::shared_ptr<const render::RenderedSource>> renderSource(const git::Repository &clone,
    const argo::Application &application, const std::string &revision, const std::string &path,
    render::SourceCache *cache, std::vector<std::string> &warnings)
{
    const std::string name = application.name();
    if (!application.source)
        return makeError(name + " has no source Capstan can render", name);
    auto snapshot = clone.snapshot(QString::fromStdString(revision));
    if (!snapshot)
        return makeError("the local clone has no commit " + revision.substr(0, 7) + " of "
                + application.source->repoURL + ": fetch, or open a clone of that repository, to see Git's side",
            name);
    argo::ApplicationSource source = *application.source;
    if (!path.empty())
        source.path = path;
    auto rendered = render::renderApplicationSource(*snapshot, source, cache);
    if (rendered)
        warnings = (*rendered)->warnings;
    return rendered;
}

} // namespace

capstan::Result<std::vector<manifest::Object>> renderFromClone(const git::Repository &clone,
    cluster::Cluster &cluster, const argo::Application &application, const std::string &revision,
    const std::string &path, render::SourceCache *cache)
{
    std::vector<std::string> warnings;
    auto rendered = renderSource(clone, application, revision, path, cache, warnings);
    if (!rendered)
        return rendered.error();
    return engine::desiredObjects(**rendered, application, cluster);
}

capstan::Result<void> compareWithClone(const git::Repository &clone, cluster::Cluster &cluster,
    const manifest::Object &application, engine::AppState &state, render::SourceCache *cache)
{
    auto app = argo::readApplication(application);
    if (!app)
        return app.error();
    if (state.revision.empty())
        return makeError("Argo CD has not compared " + state.name + " with Git yet (status.sync.revision is empty)",
            state.name);
    std::vector<std::string> warnings;
    auto rendered = renderSource(clone, *app, state.revision, {}, cache, warnings);
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
    state.warnings.insert(state.warnings.end(), warnings.begin(), warnings.end());
    return {};
}

} // namespace capstan::argocd
