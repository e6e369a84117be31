#include "reconcile/render/kustomize_options.h"

#include "manifest/yaml_reader.h"
#include "manifest/yaml_writer.h"

namespace capstan::render {

namespace {

bool hasNonImageOptions(const argo::KustomizeOptions &o)
{
    return !o.namePrefix.empty() || !o.nameSuffix.empty() || !o.ns.empty() || !o.commonLabels.empty() ||
           !o.commonAnnotations.empty() || !o.replicas.empty();
}

void mergeStringMap(manifest::Node &root, const char *field, const std::map<std::string, std::string> &values)
{
    if (values.empty())
        return;
    manifest::Node &map = root[field];
    if (!map.isMap())
        map = manifest::Node::map();
    for (const auto &[key, value] : values)
        map.set(key, manifest::Node::string(value));
}

void setReplicas(manifest::Node &root, const std::vector<argo::KustomizeReplica> &replicas)
{
    if (replicas.empty())
        return;
    manifest::Node &list = root["replicas"];
    if (!list.isSequence())
        list = manifest::Node::sequence();
    for (const argo::KustomizeReplica &r : replicas) {
        manifest::Node *entry = nullptr;
        for (manifest::Node &item : list.items())
            if (item.textAt({"name"}) == r.name)
                entry = &item;
        if (!entry) {
            list.append(manifest::Node::map());
            entry = &list.items().back();
            entry->set("name", manifest::Node::string(r.name));
        }
        entry->set("count", manifest::Node::integer(r.count));
    }
}

} // namespace

Result<kustomize::ImageOverride> parseImageOverride(const std::string &text)
{
    kustomize::ImageOverride image;
    std::string reference = text;
    const auto equals = text.find('=');
    if (equals != std::string::npos) {
        image.name = text.substr(0, equals);
        reference = text.substr(equals + 1);
    }
    std::string name = reference;
    if (const auto at = reference.find('@'); at != std::string::npos) {
        name = reference.substr(0, at);
        image.digest = reference.substr(at + 1);
    } else {
        const auto colon = reference.rfind(':');
        const auto slash = reference.rfind('/');
        if (colon != std::string::npos && (slash == std::string::npos || colon > slash)) {
            name = reference.substr(0, colon);
            image.newTag = reference.substr(colon + 1);
        }
    }
    if (equals != std::string::npos)
        image.newName = name;
    else
        image.name = name;
    if (image.name.empty() || name.empty())
        return makeError("expected an image as name=newName:tag, name:tag or name@digest, got '" + text + "'");
    return image;
}

Result<std::string> applyKustomizeOptions(const std::string &text, const argo::KustomizeOptions &options,
                                          const std::string &file)
{
    std::string edited = text;
    for (const std::string &spec : options.images) {
        auto image = parseImageOverride(spec);
        if (!image)
            return makeError("spec.source.kustomize.images: " + image.error().message, file);
        auto next = kustomize::setImageInText(edited, *image, file);
        if (!next)
            return next.error();
        edited = std::move(*next);
    }
    if (!hasNonImageOptions(options))
        return edited;

    auto documents = manifest::parseDocuments(edited, file);
    if (!documents)
        return documents.error();
    manifest::Node root = documents->empty() ? manifest::Node::map() : documents->front();
    if (!options.namePrefix.empty())
        root.set("namePrefix", manifest::Node::string(options.namePrefix));
    if (!options.nameSuffix.empty())
        root.set("nameSuffix", manifest::Node::string(options.nameSuffix));
    if (!options.ns.empty())
        root.set("namespace", manifest::Node::string(options.ns));
    mergeStringMap(root, "commonLabels", options.commonLabels);
    mergeStringMap(root, "commonAnnotations", options.commonAnnotations);
    setReplicas(root, options.replicas);
    return manifest::emitYaml(root);
}

std::string fingerprint(const argo::KustomizeOptions &o)
{
    std::string out;
    const auto add = [&out](const std::string &part) {
        out += std::to_string(part.size());
        out += ':';
        out += part;
    };
    for (const std::string &i : o.images)
        add("i" + i);
    add("p" + o.namePrefix);
    add("s" + o.nameSuffix);
    add("n" + o.ns);
    for (const auto &[k, v] : o.commonLabels)
        add("l" + k + "=" + v);
    for (const auto &[k, v] : o.commonAnnotations)
        add("a" + k + "=" + v);
    for (const auto &r : o.replicas)
        add("r" + r.name + "=" + std::to_string(r.count));
    return out;
}

} // namespace capstan::render
