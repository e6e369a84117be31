#include "kustomize/cluster_scope.h"
#include "kustomize/transformers.h"

#include <unordered_set>

namespace capstan::kustomize {

using manifest::Node;

namespace {

Result<void> withContext(Result<void> result, const Resource &r)
{
    if (result)
        return result;
    return makeError(result.error().message + " in " + r.currentId().toString(), r.object.source().fileName());
}

} // namespace

Result<void> applyNamespace(ResourceList &resources, const std::string &ns, const std::vector<FieldSpec> &specs)
{
    if (ns.empty())
        return {};
    const auto setNamespace = [&](Node &field) -> Result<void> {
        if (field.isMap() || field.isSequence())
            return makeError("namespace field specs must target scalar nodes");
        field = Node::string(ns);
        return {};
    };
    for (Resource &r : resources) {
        r.storePreviousId();
        const std::string apiVersion = r.object.apiVersion();
        const Gvk gvk = r.gvk();
        if (!isClusterScoped(apiVersion, gvk.kind)) {
            if (auto ok = visitFieldPathText(r.root(), "metadata/namespace", true, CreateKind::Scalar, setNamespace); !ok)
                return withContext(ok, r);
        }
        if (gvk.kind == "RoleBinding" || gvk.kind == "ClusterRoleBinding") {
            if (Node *subjects = r.root().find("subjects"); subjects && subjects->isSequence()) {
                for (Node &subject : subjects->items()) {
                    const Node *name = subject.find("name");
                    if (subject.isMap() && name && name->isScalar() && name->text() == "default")
                        subject.set("namespace", Node::string(ns));
                }
            }
        }
        for (const FieldSpec &spec : specs) {
            if (!gvk.isSelectedBy(spec.gvk) || spec.path == "metadata/namespace")
                continue;
            if ((gvk.kind == "RoleBinding" || gvk.kind == "ClusterRoleBinding") && spec.path == "subjects/namespace"
                && (spec.gvk.kind == "RoleBinding" || spec.gvk.kind == "ClusterRoleBinding"))
                continue;
            if (spec.path == "metadata/name" && apiVersion != "v1")
                continue;
            if (auto ok = visitFieldSpec(r.root(), gvk, spec, CreateKind::Scalar, setNamespace); !ok)
                return withContext(ok, r);
        }
    }
    std::unordered_set<std::string> seen;
    for (const Resource &r : resources) {
        const ResId id = r.currentId();
        if (!seen.insert(id.gvk.apiVersion() + '/' + id.gvk.kind + '/' + id.effectiveNamespace() + '/' + id.name).second)
            return makeError("namespace transformation produces ID conflict: " + id.toString());
    }
    return {};
}

namespace {

bool skipsNameChange(const ResId &id)
{
    return id.gvk.kind == "CustomResourceDefinition" || id.gvk.kind == "Namespace"
        || (id.gvk.kind == "APIService" && id.gvk.group == "apiregistration.k8s.io");
}

Result<void> applyAffix(ResourceList &resources, const std::string &affix, bool prefix, const std::vector<FieldSpec> &specs)
{
    if (affix.empty())
        return {};
    const auto rename = [&](Node &field) -> Result<void> {
        if (!field.isScalar())
            return makeError("a name field must be a string");
        field = Node::string(prefix ? affix + field.text() : field.text() + affix);
        return {};
    };
    for (Resource &r : resources) {
        const ResId original = r.originalId();
        if (skipsNameChange(original))
            continue;
        for (const FieldSpec &spec : specs) {
            if (!original.gvk.isSelectedBy(spec.gvk))
                continue;
            if (spec.path == "metadata/name") {
                (prefix ? r.prefixes : r.suffixes).push_back(affix);
                r.storePreviousId();
            }
            if (auto ok = visitFieldSpec(r.root(), r.gvk(), spec, CreateKind::None, rename); !ok)
                return withContext(ok, r);
        }
    }
    return {};
}

} // namespace

Result<void> applyNamePrefix(ResourceList &resources, const std::string &prefix, const std::vector<FieldSpec> &specs)
{
    return applyAffix(resources, prefix, true, specs);
}

Result<void> applyNameSuffix(ResourceList &resources, const std::string &suffix, const std::vector<FieldSpec> &specs)
{
    return applyAffix(resources, suffix, false, specs);
}

Result<void> applyStringMap(ResourceList &resources, const StringPairs &pairs, const std::vector<FieldSpec> &specs)
{
    if (pairs.empty())
        return {};
    const auto setPairs = [&](Node &field) -> Result<void> {
        if (field.isNull())
            field = Node::map();
        if (!field.isMap())
            return makeError("expected a map for labels or annotations");
        for (const auto &[key, value] : pairs)
            field.set(key, Node::string(value));
        return {};
    };
    for (Resource &r : resources) {
        const Gvk gvk = r.gvk();
        for (const FieldSpec &spec : specs)
            if (auto ok = visitFieldSpec(r.root(), gvk, spec, CreateKind::Map, setPairs); !ok)
                return withContext(ok, r);
    }
    return {};
}

Result<void> applyReplicas(ResourceList &resources, const ReplicaSpec &replicas, const std::vector<FieldSpec> &specs)
{
    bool found = false;
    for (const FieldSpec &spec : specs) {
        for (Resource &r : resources) {
            const bool matches = anyIdMatches(
                r, [&](const ResId &id) { return id.name == replicas.name && id.gvk.isSelectedBy(spec.gvk); });
            if (!matches)
                continue;
            found = true;
            auto ok = visitFieldSpec(r.root(), r.gvk(), spec, CreateKind::Scalar, [&](Node &field) -> Result<void> {
                field = Node::integer(replicas.count);
                return {};
            });
            if (!ok)
                return withContext(ok, r);
        }
    }
    if (!found) {
        std::string kinds;
        for (const FieldSpec &spec : specs)
            kinds += (kinds.empty() ? "" : " ") + spec.gvk.kind;
        return makeError("resource with name " + replicas.name + " does not match a config with the following GVK [" + kinds + "]");
    }
    return {};
}

} // namespace capstan::kustomize
