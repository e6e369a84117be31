#include "kustomize/transformers.h"

namespace capstan::kustomize {

using manifest::Node;

namespace {

bool isTagChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '{' || c == '}' || c == '-';
}

// kustomize matches "^name(:tag)?(@sha256:digest)?$".
bool imageMatches(const std::string &image, const std::string &name)
{
    if (image.compare(0, name.size(), name) != 0)
        return false;
    std::size_t i = name.size();
    if (i < image.size() && image[i] == ':') {
        ++i;
        while (i < image.size() && isTagChar(image[i]))
            ++i;
    }
    if (i < image.size() && image.compare(i, 8, "@sha256:") == 0) {
        i += 8;
        while (i < image.size() && isTagChar(image[i]))
            ++i;
    }
    return i == image.size();
}

// Splits "registry:5000/name:tag@digest"; the first '/' protects a registry port.
void splitImage(const std::string &image, std::string &name, std::string &tag, std::string &digest)
{
    std::size_t searchFrom = 0;
    const std::size_t slash = image.find('/');
    if (slash != std::string::npos && slash > 0)
        searchFrom = slash;
    const std::size_t at = image.find('@', searchFrom);
    const std::size_t colon = image.find(':', searchFrom);
    tag.clear();
    digest.clear();
    if (at == std::string::npos && colon == std::string::npos) {
        name = image;
    } else if (at != std::string::npos && (colon == std::string::npos || at < colon)) {
        name = image.substr(0, at);
        digest = image.substr(at + 1);
    } else if (at != std::string::npos) {
        name = image.substr(0, colon);
        tag = image.substr(colon + 1, at - colon - 1);
        digest = image.substr(at + 1);
    } else {
        name = image.substr(0, colon);
        tag = image.substr(colon + 1);
    }
}

Result<void> updateImage(Node &field, const ImageSpec &spec)
{
    if (!field.isScalar())
        return makeError("container image must be a string");
    if (!imageMatches(field.text(), spec.name))
        return {};
    std::string name, tag, digest;
    splitImage(field.text(), name, tag, digest);
    const std::string newTag = spec.newTag.value_or("");
    const std::string newDigest = spec.digest.value_or("");
    if (!spec.newName.value_or("").empty())
        name = *spec.newName;
    if (!newTag.empty()) {
        tag = newTag;
        digest = newDigest;
    } else if (!newDigest.empty()) {
        tag.clear();
        digest = newDigest;
    } else if (!spec.tagSuffix.value_or("").empty()) {
        tag += *spec.tagSuffix;
        digest.clear();
    }
    if (!tag.empty())
        name += ":" + tag;
    if (!digest.empty())
        name += "@" + digest;
    field = Node::string(name);
    return {};
}

bool isContainerList(std::string_view key)
{
    return (key.size() == 10 && key == "containers") || (key.size() == 14 && key == "initContainers");
}

// Every containers/initContainers list anywhere in the object, innermost first.
Result<void> walkContainers(Node &node, const ImageSpec &spec)
{
    if (node.isMap()) {
        for (auto &entry : node.entries()) {
            if (entry.value.isScalar())
                continue; // holds no list
            if (auto ok = walkContainers(entry.value, spec); !ok)
                return ok;
            if (isContainerList(entry.key) && entry.value.isSequence()) {
                for (Node &container : entry.value.items()) {
                    if (!container.isMap())
                        continue;
                    if (Node *image = container.find("image"))
                        if (auto ok = updateImage(*image, spec); !ok)
                            return ok;
                }
            }
        }
    } else if (node.isSequence()) {
        for (Node &item : node.items())
            if (!item.isScalar())
                if (auto ok = walkContainers(item, spec); !ok)
                    return ok;
    }
    return {};
}

} // namespace

Result<void> applyImage(ResourceList &resources, const ImageSpec &image, const std::vector<FieldSpec> &specs)
{
    // kustomize runs two passes: every containers/initContainers list anywhere,
    // then the configured image fields.
    const auto update = [&](Node &field) { return updateImage(field, image); };
    for (Resource &r : resources) {
        if (r.kind() == "CustomResourceDefinition")
            continue;
        auto ok = walkContainers(r.root(), image);
        const Gvk gvk = r.gvk();
        for (std::size_t i = 0; ok && i < specs.size(); ++i)
            if (gvk.isSelectedBy(specs[i].gvk))
                ok = visitFieldPathText(r.root(), specs[i].path, false, CreateKind::None, update);
        if (!ok)
            return makeError(ok.error().message + " in " + r.currentId().toString(), r.object.source().fileName());
    }
    return {};
}

} // namespace capstan::kustomize
