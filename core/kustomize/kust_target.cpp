#include "kustomize/kust_target.h"

#include "kustomize/generators.h"
#include "kustomize/name_reference.h"
#include "kustomize/parse_cache.h"
#include "kustomize/patches.h"
#include "kustomize/replacements.h"
#include "manifest/yaml_reader.h"

#include <memory>
#include <unordered_set>

namespace capstan::kustomize {

using manifest::Node;

namespace {

// The identity kustomize refuses to see twice: type, name and effective namespace.
std::string idKey(const ResId &id)
{
    const std::string ns = id.effectiveNamespace();
    std::string key;
    key.reserve(id.gvk.group.size() + id.gvk.version.size() + id.gvk.kind.size() + ns.size() + id.name.size() + 4);
    for (const std::string *part : {&id.gvk.group, &id.gvk.version, &id.gvk.kind, &ns}) {
        key += *part;
        key += '/';
    }
    key += id.name;
    return key;
}

// Appends resources, refusing ids already present; `known` caches the ids of the list.
class UniqueAppender
{
public:
    explicit UniqueAppender(ResourceList &resources) : m_resources(resources)
    {
        for (const Resource &r : resources)
            m_known.insert(idKey(r.currentId()));
    }

    Result<void> append(Resource resource, const std::string &from)
    {
        const ResId id = resource.currentId();
        if (!m_known.insert(idKey(id)).second)
            return makeError("may not add resource with an already registered id: " + id.toString(), from);
        m_resources.push_back(std::move(resource));
        return {};
    }

private:
    ResourceList &m_resources;
    std::unordered_set<std::string> m_known;
};

// The objects of a resource file, parsed once per version of the file.
Result<std::vector<Resource>> loadResourceFile(const Loader &loader, const std::string &entry, const std::string &path)
{
    std::string key = loader.contentKey(entry);
    auto &cache = ParseCache<std::vector<Resource>>::instance();
    if (auto cached = cache.find(path, key))
        return *cached;
    auto text = loader.load(entry);
    if (!text)
        return text.error();
    auto parsed = parseResourceStream(*text, path);
    if (parsed && !key.empty())
        cache.insert(path, std::move(key), std::make_shared<const std::vector<Resource>>(*parsed), text->size());
    return parsed;
}

Error wrap(const Error &error, const std::string &context)
{
    return makeError(context + ": " + error.message, error.where);
}

} // namespace

Result<std::shared_ptr<const Kustomization>> loadKustomization(const Loader &loader, std::string *fileName)
{
    std::string found;
    for (const char *name : kKustomizationFileNames) {
        const std::string candidate = loader.absolute(name);
        if (loader.fileSystem().exists(candidate) && !loader.fileSystem().isDirectory(candidate)) {
            if (!found.empty())
                return makeError("Found multiple kustomization files", loader.root());
            found = name;
        }
    }
    if (found.empty())
        return makeError("unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory",
                         loader.root());
    const std::string path = loader.absolute(found);
    if (fileName)
        *fileName = found;
    std::string key = loader.contentKey(found);
    auto &cache = ParseCache<Kustomization>::instance();
    if (auto cached = cache.find(path, key))
        return cached;
    auto text = loader.load(found);
    if (!text)
        return text.error();
    auto docs = manifest::parseDocuments(*text, path);
    if (!docs)
        return docs.error();
    static const Node empty;
    auto parsed = parseKustomization(docs->empty() ? empty : docs->front(), path, *text);
    if (!parsed)
        return parsed.error();
    auto shared = std::make_shared<const Kustomization>(std::move(*parsed));
    cache.insert(path, std::move(key), shared, text->size());
    return shared;
}

Result<ResourceList> KustTarget::build(const Loader &loader)
{
    ResourceList resources;
    Context context;
    if (auto ok = accumulate(loader, resources, context, false); !ok)
        return ok.error();
    addHashSuffixes(resources);
    if (auto ok = fixNameReferences(resources, context.config.lists().nameReference); !ok)
        return ok.error();
    if (auto ok = resolveVars(resources, context.vars, context.config.lists().varReference); !ok)
        return ok.error();
    return resources;
}

Result<void> KustTarget::accumulate(const Loader &loader, ResourceList &resources, Context &context, bool isComponent)
{
    TransformerConfig &config = context.config;
    auto loaded = loadKustomization(loader);
    if (!loaded)
        return loaded.error();
    const std::shared_ptr<const Kustomization> k = std::move(*loaded);
    if (m_depth == 0) {
        m_sortOptions = k->sortOptions;
        m_buildMetadata = k->buildMetadata;
    }
    struct DepthGuard
    {
        int &depth;
        explicit DepthGuard(int &d) : depth(d) { ++depth; }
        ~DepthGuard() { --depth; }
    } guard(m_depth);
    m_warnings.insert(m_warnings.end(), k->warnings.begin(), k->warnings.end());
    if (isComponent && k->kind != "Component" && m_depth > 1)
        return makeError("expected kind 'Component' for path '" + loader.root() + "' but got '" + k->kind + "'");
    if (!isComponent && k->kind == "Component" && m_depth > 1)
        return makeError("expected kind != 'Component' for path '" + loader.root() + "'");

    auto vars = parseVars(k->vars, loader.absolute("kustomization.yaml"));
    if (!vars)
        return vars.error();
    if (auto ok = accumulateResources(loader, *k, resources, context); !ok)
        return wrap(ok.error(), "accumulating resources");
    if (auto ok = loadConfigurations(loader, *k, context.config); !ok)
        return ok;
    if (auto ok = runGenerators(loader, *k, resources); !ok)
        return ok;
    for (const std::string &component : k->components) {
        if (isRemoteReference(component))
            return makeError("remote components are not supported: '" + component + "'", loader.root());
        auto child = loader.child(component);
        if (!child)
            return wrap(child.error(), "accumulating components");
        if (auto ok = accumulate(*child, resources, context, true); !ok)
            return wrap(ok.error(), "accumulating components");
    }
    if (auto ok = runTransformers(loader, *k, resources, config); !ok)
        return ok;
    if (auto ok = mergeVars(context.vars, *vars, resources); !ok)
        return makeError(ok.error().message, loader.absolute("kustomization.yaml"));
    return {};
}

Result<void> KustTarget::loadConfigurations(const Loader &loader, const Kustomization &k, TransformerConfig &config)
{
    const auto readDocument = [&](const std::string &path) -> Result<Node> {
        auto text = loader.load(path);
        if (!text)
            return text.error();
        auto docs = manifest::parseDocuments(*text, loader.absolute(path));
        if (!docs)
            return docs.error();
        return docs->empty() ? Node() : docs->front();
    };
    for (const std::string &path : k.configurations) {
        auto doc = readDocument(path);
        if (!doc)
            return doc.error();
        auto loaded = TransformerConfig::fromConfigurationFile(*doc);
        if (!loaded)
            return makeError(loaded.error().message, loader.absolute(path));
        config.merge(*loaded);
    }
    for (const std::string &path : k.crds) {
        auto doc = readDocument(path);
        if (!doc)
            return doc.error();
        auto loaded = TransformerConfig::fromCrdFile(*doc);
        if (!loaded)
            return makeError(loaded.error().message, loader.absolute(path));
        config.merge(*loaded);
    }
    return {};
}

Result<void> KustTarget::accumulateResources(const Loader &loader, const Kustomization &k, ResourceList &resources,
                                             Context &context)
{
    const FileSystem &fs = loader.fileSystem();
    UniqueAppender appender(resources);
    for (const std::string &entry : k.resources) {
        const std::string path = loader.absolute(entry);
        if (!fs.exists(path)) {
            if (isRemoteReference(entry))
                return makeError("remote resource '" + entry + "' in 'resources' is not supported (Capstan renders local "
                                 "trees only)",
                                 loader.absolute("kustomization.yaml"));
            return makeError("resource '" + entry + "' does not exist", path);
        }
        if (fs.isDirectory(path)) {
            auto child = loader.child(entry);
            if (!child)
                return child.error();
            ResourceList sub;
            Context subContext;
            if (auto ok = accumulate(*child, sub, subContext, false); !ok)
                return wrap(ok.error(), "recursed accumulation of path '" + child->root() + "'");
            context.config.merge(subContext.config);
            for (const Var &v : subContext.vars) {
                for (const Var &existing : context.vars)
                    if (existing.name == v.name)
                        return makeError("var '" + v.name + "' already encountered", child->root());
                context.vars.push_back(v);
            }
            for (Resource &r : sub)
                if (auto ok = appender.append(std::move(r), child->root()); !ok)
                    return ok;
            continue;
        }
        auto parsed = loadResourceFile(loader, entry, path);
        if (!parsed)
            return parsed.error();
        for (Resource &r : *parsed) {
            if (r.kind().empty())
                return makeError("missing kind in object", r.object.where());
            if (r.name().empty())
                return makeError("missing metadata.name in object", r.object.where());
            if (auto ok = appender.append(std::move(r), path); !ok)
                return ok;
        }
    }
    return {};
}

Result<void> KustTarget::runGenerators(const Loader &loader, const Kustomization &k, ResourceList &resources)
{
    for (const auto &[kind, specs] : {std::pair{GeneratedKind::ConfigMap, &k.configMapGenerator},
                                      std::pair{GeneratedKind::Secret, &k.secretGenerator}}) {
        for (const GeneratorSpec &spec : *specs) {
            auto generated = generate(kind, spec, mergeGeneratorOptions(spec.options, k.generatorOptions), loader);
            if (!generated)
                return generated.error();
            if (auto ok = absorbGenerated(resources, std::move(*generated)); !ok)
                return makeError(ok.error().message, loader.absolute("kustomization.yaml"));
        }
    }
    return {};
}

Result<void> KustTarget::runTransformers(const Loader &loader, const Kustomization &k, ResourceList &resources,
                                         const TransformerConfig &config)
{
    if (auto ok = applyStrategicMergeEntries(resources, k.patchesStrategicMerge, loader); !ok)
        return ok;
    if (auto ok = applyPatchSpecs(resources, k.patches, loader); !ok)
        return ok;
    if (auto ok = applyNamespace(resources, k.ns, config.lists().ns); !ok)
        return ok;
    if (auto ok = applyNamePrefix(resources, k.namePrefix, config.lists().namePrefix); !ok)
        return ok;
    if (auto ok = applyNameSuffix(resources, k.nameSuffix, config.lists().nameSuffix); !ok)
        return ok;
    for (const LabelSpec &label : k.labels) {
        std::vector<FieldSpec> specs = label.fields;
        specs.insert(specs.end(), config.lists().labels.begin(), config.lists().labels.end());
        if (label.includeSelectors) {
            specs.insert(specs.end(), config.lists().commonLabels.begin(), config.lists().commonLabels.end());
        } else {
            if (label.includeTemplates)
                specs.insert(specs.end(), config.lists().templateLabels.begin(), config.lists().templateLabels.end());
            specs.push_back(FieldSpec{{}, "metadata/labels", true});
        }
        if (auto ok = applyStringMap(resources, label.pairs, specs); !ok)
            return ok;
    }
    if (auto ok = applyStringMap(resources, k.commonLabels, config.lists().commonLabels); !ok)
        return ok;
    if (auto ok = applyStringMap(resources, k.commonAnnotations, config.lists().commonAnnotations); !ok)
        return ok;
    if (auto ok = applyPatchSpecs(resources, k.patchesJson6902, loader); !ok)
        return ok;
    for (const ReplicaSpec &replicas : k.replicas)
        if (auto ok = applyReplicas(resources, replicas, config.lists().replicas); !ok)
            return ok;
    for (const ImageSpec &image : k.images)
        if (auto ok = applyImage(resources, image, config.lists().images); !ok)
            return ok;
    if (auto ok = applyReplacements(resources, k.replacements, loader); !ok)
        return ok;
    return {};
}

} // namespace capstan::kustomize
