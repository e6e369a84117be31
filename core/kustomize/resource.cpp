#include "kustomize/resource.h"

#include "kustomize/cluster_scope.h"

namespace capstan::kustomize {

Gvk Gvk::fromApiVersion(const std::string &apiVersion, std::string kind)
{
    Gvk gvk;
    manifest::splitApiVersion(apiVersion, gvk.group, gvk.version);
    gvk.kind = std::move(kind);
    return gvk;
}

std::string ResId::toString() const
{
    auto orDefault = [](const std::string &s, const char *placeholder) { return s.empty() ? std::string(placeholder) : s; };
    return orDefault(gvk.kind, "[noKind]") + "." + orDefault(gvk.version, "[noVer]") + "." + orDefault(gvk.group, "[noGrp]")
        + "/" + orDefault(name, "[noName]") + "." + orDefault(ns, "[noNs]");
}

std::string ResId::effectiveNamespace() const
{
    if (isClusterScoped(gvk.apiVersion(), gvk.kind))
        return "_non_namespaceable_";
    return ns.empty() ? std::string("default") : ns;
}

bool ResId::equals(const ResId &other) const
{
    return gvk == other.gvk && name == other.name && effectiveNamespace() == other.effectiveNamespace();
}

namespace {

// What Node::textAt gives for one key, without copying it.
const std::string &textOf(const manifest::Node &map, std::string_view key)
{
    static const std::string none;
    const manifest::Node *node = map.isMap() ? map.find(key) : nullptr;
    return node && node->isScalar() && !node->isNull() ? node->text() : none;
}

} // namespace

Gvk Resource::gvk() const
{
    Gvk gvk;
    manifest::splitApiVersion(textOf(root(), "apiVersion"), gvk.group, gvk.version);
    gvk.kind = textOf(root(), "kind");
    return gvk;
}

ResId Resource::currentId() const
{
    ResId id{gvk(), {}, {}};
    if (const manifest::Node *metadata = root().isMap() ? root().find("metadata") : nullptr) {
        id.name = textOf(*metadata, "name");
        id.ns = textOf(*metadata, "namespace");
    }
    return id;
}

bool hasId(const Resource &r, const ResId &id)
{
    // Most resources differ from id by name: tell those apart without building ids.
    const manifest::Node *metadata = r.root().isMap() ? r.root().find("metadata") : nullptr;
    bool named = metadata && textOf(*metadata, "name") == id.name;
    for (std::size_t i = 0; !named && i < r.previousIds.size(); ++i)
        named = r.previousIds[i].name == id.name;
    return named && anyIdMatches(r, [&](const ResId &other) { return other.equals(id); });
}

ResId Resource::originalId() const
{
    if (previousIds.empty())
        return currentId();
    ResId id = previousIds.front();
    const Gvk current = gvk();
    id.gvk.group = current.group;
    id.gvk.version = current.version;
    return id;
}

void Resource::storePreviousId()
{
    ResId id = currentId();
    id.ns = id.effectiveNamespace();
    if (previousIds.empty())
        previousIds.reserve(4); // each of namespace, prefix, suffix and patches may add one
    previousIds.push_back(std::move(id));
}

void Resource::restoreTypedAnnotations()
{
    manifest::Node *annotations = root().at({"metadata", "annotations"});
    if (annotations && annotations->isMap()) {
        for (const manifest::MapEntry &typed : typedAnnotations) {
            manifest::Node *current = annotations->find(typed.key);
            if (current && current->isString() && current->mark().line == typed.value.mark().line
                && current->mark().column == typed.value.mark().column)
                *current = typed.value;
        }
    }
    typedAnnotations.clear();
}

} // namespace capstan::kustomize
