#include "kustomize/patches.h"

#include "kustomize/json_patch.h"
#include "kustomize/parse_cache.h"
#include "kustomize/selector.h"
#include "kustomize/strategic_merge.h"
#include "manifest/yaml_reader.h"

#include <memory>

namespace capstan::kustomize {

using manifest::Node;

namespace {

struct LoadedPatch
{
    std::shared_ptr<const std::vector<Node>> documents; // shared with the parse cache
    std::string source; // file path or "inline patch"
};

Result<std::vector<Node>> parsePatch(const std::string &text, const std::string &source)
{
    auto documents = manifest::parseDocuments(text, source);
    if (!documents)
        return documents.error();
    for (Node &doc : *documents)
        if (doc.isMap())
            stringifyAnnotations(doc, text);
    return documents;
}

Result<LoadedPatch> loadPatch(const PatchSpec &spec, const Loader &loader)
{
    if (!spec.path.empty() && !spec.patch.empty())
        return makeError("patch has both 'path' and 'patch'; use one", loader.absolute(spec.path));
    if (spec.path.empty() && spec.patch.empty())
        return makeError("patch has neither 'path' nor 'patch'", loader.root());
    auto &cache = ParseCache<std::vector<Node>>::instance();
    LoadedPatch loaded;
    // A patch file is parsed once per version; an inline patch (small, and part
    // of a kustomization that may change often) every time.
    std::string key;
    if (!spec.path.empty()) {
        loaded.source = loader.absolute(spec.path);
        key = loader.contentKey(spec.path);
        if ((loaded.documents = cache.find(loaded.source, key)))
            return loaded;
    } else {
        loaded.source = loader.absolute("kustomization.yaml") + " (inline patch)";
    }
    std::string text;
    if (!spec.path.empty()) {
        auto content = loader.load(spec.path);
        if (!content)
            return content.error();
        text = std::move(*content);
    }
    const std::string &source = spec.path.empty() ? spec.patch : text;
    auto documents = parsePatch(source, loaded.source);
    if (!documents)
        return documents.error();
    loaded.documents = std::make_shared<const std::vector<Node>>(std::move(*documents));
    cache.insert(loaded.source, std::move(key), loaded.documents, source.size());
    return loaded;
}

ResId patchId(const Node &patch)
{
    ResId id;
    id.gvk = Gvk::fromApiVersion(patch.textAt({"apiVersion"}), patch.textAt({"kind"}));
    id.name = patch.textAt({"metadata", "name"});
    id.ns = patch.textAt({"metadata", "namespace"});
    return id;
}

// Merges patch into resource; false when the patch deleted the resource.
Result<bool> mergeInto(Resource &resource, const Node &patch, const PatchSpec &options)
{
    const std::string name = resource.name();
    const std::string ns = resource.ns();
    const std::string kind = resource.kind();
    if (options.allowNameChange || options.allowKindChange)
        resource.storePreviousId();
    auto kept = strategicMergeInPlace(resource.root(), patch);
    if (!kept)
        return makeError(kept.error().message + " (patching " + resource.currentId().toString() + ")");
    if (!*kept)
        return false;
    if (!options.allowKindChange)
        resource.root().set("kind", Node::string(kind));
    if (!options.allowNameChange)
        resource.object.setName(name);
    if (ns.empty()) {
        if (Node *metadata = resource.root().find("metadata"))
            metadata->remove("namespace");
    } else {
        resource.object.setNamespace(ns);
    }
    return true;
}

// Applies one strategic merge patch document to the one resource it names.
Result<void> applyById(ResourceList &resources, const Node &patch, const PatchSpec &options, const std::string &source)
{
    const ResId id = patchId(patch);
    std::vector<std::size_t> matches;
    for (std::size_t i = 0; i < resources.size(); ++i)
        if (hasId(resources[i], id))
            matches.push_back(i);
    if (matches.empty())
        return makeError("no resource matches strategic merge patch \"" + id.toString() + "\"", source);
    if (matches.size() > 1)
        return makeError("multiple resources match strategic merge patch \"" + id.toString() + "\"", source);
    auto kept = mergeInto(resources[matches[0]], patch, options);
    if (!kept)
        return makeError(kept.error().message, source);
    if (!*kept)
        resources.erase(resources.begin() + static_cast<std::ptrdiff_t>(matches[0]));
    return {};
}

Result<void> applyToSelected(ResourceList &resources, const Node &patch, const PatchSpec &spec, bool json,
                             const std::string &source)
{
    auto selector = ResourceSelector::compile(*spec.target);
    if (!selector)
        return makeError(selector.error().message, source);
    ResourceList kept;
    kept.reserve(resources.size());
    for (Resource &r : resources) {
        if (!selector->matches(r)) {
            kept.push_back(std::move(r));
            continue;
        }
        if (json) {
            r.storePreviousId();
            r.restoreTypedAnnotations();
            // kustomize's objects always carry internal annotations while a JSON patch
            // runs, so paths below /metadata/annotations exist even when the object
            // has none of its own.
            Node *metadata = r.root().find("metadata");
            const bool addedAnnotations = metadata && metadata->isMap() && !metadata->find("annotations");
            if (addedAnnotations)
                metadata->set("annotations", Node::map());
            if (auto ok = applyJsonPatch(r.root(), patch); !ok)
                return makeError(ok.error().message + " (patching " + r.currentId().toString() + ")", source);
            if (Node *md = r.root().find("metadata"); md && md->isMap())
                if (const Node *annotations = md->find("annotations"); annotations && annotations->isMap() && annotations->empty())
                    md->remove("annotations");
            kept.push_back(std::move(r));
            continue;
        }
        Node copy = patch;
        copy.set("apiVersion", Node::string(r.object.apiVersion()));
        auto survived = mergeInto(r, copy, spec);
        if (!survived)
            return makeError(survived.error().message, source);
        if (*survived)
            kept.push_back(std::move(r));
    }
    resources = std::move(kept);
    return {};
}

} // namespace

Result<void> applyStrategicMergeEntries(ResourceList &resources, const std::vector<std::string> &entries,
                                        const Loader &loader)
{
    for (const std::string &entry : entries) {
        PatchSpec spec;
        const bool isFile = entry.find('\n') == std::string::npos && !isRemoteReference(entry)
            && loader.fileSystem().exists(loader.absolute(entry));
        (isFile ? spec.path : spec.patch) = entry;
        auto loaded = loadPatch(spec, loader);
        if (!loaded)
            return loaded.error();
        for (const Node &doc : *loaded->documents) {
            if (!doc.isMap())
                return makeError("patchesStrategicMerge entry is not a strategic merge patch", loaded->source);
            if (auto ok = applyById(resources, doc, spec, loaded->source); !ok)
                return ok;
        }
    }
    return {};
}

Result<void> applyPatchSpecs(ResourceList &resources, const std::vector<PatchSpec> &patches, const Loader &loader)
{
    for (const PatchSpec &spec : patches) {
        auto loaded = loadPatch(spec, loader);
        if (!loaded)
            return loaded.error();
        const std::vector<Node> &docs = *loaded->documents;
        if (docs.empty())
            continue;
        const bool json = docs.size() == 1 && docs[0].isSequence();
        if (spec.fromJson6902Field && !json)
            return makeError("patchesJson6902 entry is not a JSON patch (a list of operations)", loaded->source);
        if (json) {
            if (!spec.target)
                return makeError("must specify a target for JSON patch", loaded->source);
            if (auto ok = applyToSelected(resources, docs[0], spec, true, loaded->source); !ok)
                return ok;
            continue;
        }
        for (const Node &doc : docs)
            if (!doc.isMap())
                return makeError("unable to parse SM or JSON patch", loaded->source);
        if (spec.target) {
            if (docs.size() > 1)
                return makeError("Multiple Strategic-Merge Patches in one `patches` entry is not allowed to set "
                                 "`patches.target` field",
                                 loaded->source);
            if (auto ok = applyToSelected(resources, docs[0], spec, false, loaded->source); !ok)
                return ok;
            continue;
        }
        for (const Node &doc : docs)
            if (auto ok = applyById(resources, doc, spec, loaded->source); !ok)
                return ok;
    }
    return {};
}

} // namespace capstan::kustomize
