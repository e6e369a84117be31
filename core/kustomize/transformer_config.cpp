#include "kustomize/transformer_config.h"

#include <functional>

namespace capstan::kustomize {

using manifest::Node;

namespace {

void addSpec(std::vector<FieldSpec> &into, const FieldSpec &spec)
{
    for (const FieldSpec &existing : into)
        if (existing.gvk == spec.gvk && existing.path == spec.path)
            return;
    into.push_back(spec);
}

void addReference(std::vector<NameReference> &into, const NameReference &reference)
{
    for (NameReference &existing : into) {
        if (existing.referral == reference.referral) {
            for (const FieldSpec &spec : reference.referrers)
                addSpec(existing.referrers, spec);
            return;
        }
    }
    into.push_back(reference);
}

Gvk readGvk(const Node &node)
{
    return Gvk{node.textAt({"group"}), node.textAt({"version"}), node.textAt({"kind"})};
}

Result<std::vector<FieldSpec>> readSpecs(const Node *list, const std::string &field)
{
    std::vector<FieldSpec> out;
    if (!list || list->isNull())
        return out;
    if (!list->isSequence())
        return makeError("configuration field '" + field + "' must be a list of field specs");
    for (const Node &item : list->items()) {
        if (!item.isMap())
            return makeError("configuration field '" + field + "' must be a list of field specs");
        out.push_back(FieldSpec{readGvk(item), item.textAt({"path"}), item.textAt({"create"}) == "true"});
    }
    return out;
}

} // namespace

namespace {

const TransformerLists &defaultLists()
{
    static const TransformerLists lists = [] {
        TransformerLists l;
        l.namePrefix = {FieldSpec{{}, "metadata/name", false}};
        l.nameSuffix = l.namePrefix;
        l.ns = namespaceFieldSpecs();
        l.commonLabels = commonLabelFieldSpecs();
        l.templateLabels = templateLabelFieldSpecs();
        l.commonAnnotations = commonAnnotationFieldSpecs();
        l.images = imageFieldSpecs();
        l.replicas = replicaFieldSpecs();
        l.nameReference = nameReferences();
        l.varReference = varReferenceFieldSpecs();
        return l;
    }();
    return lists;
}

void mergeLists(TransformerLists &into, const TransformerLists &from)
{
    for (auto member : {&TransformerLists::namePrefix, &TransformerLists::nameSuffix, &TransformerLists::ns,
                        &TransformerLists::commonLabels, &TransformerLists::labels, &TransformerLists::templateLabels,
                        &TransformerLists::commonAnnotations, &TransformerLists::images, &TransformerLists::replicas,
                        &TransformerLists::varReference})
        for (const FieldSpec &spec : from.*member)
            addSpec(into.*member, spec);
    for (const NameReference &reference : from.nameReference)
        addReference(into.nameReference, reference);
}

} // namespace

const TransformerLists &TransformerConfig::lists() const
{
    return m_merged ? *m_merged : defaultLists();
}

void TransformerConfig::merge(const TransformerConfig &other)
{
    if (!other.m_additions || other.m_additions == m_additions)
        return;
    auto additions = std::make_shared<TransformerLists>(m_additions ? *m_additions : TransformerLists{});
    mergeLists(*additions, *other.m_additions);
    auto merged = std::make_shared<TransformerLists>(defaultLists());
    mergeLists(*merged, *additions);
    m_additions = std::move(additions);
    m_merged = std::move(merged);
}

Result<TransformerConfig> TransformerConfig::fromConfigurationFile(const Node &document)
{
    TransformerLists c;
    if (document.isNull())
        return TransformerConfig{};
    if (!document.isMap())
        return makeError("a transformer configuration must be a map");
    const std::pair<const char *, std::vector<FieldSpec> TransformerLists::*> fields[] = {
        {"namePrefix", &TransformerLists::namePrefix}, {"nameSuffix", &TransformerLists::nameSuffix},
        {"namespace", &TransformerLists::ns}, {"commonLabels", &TransformerLists::commonLabels},
        {"labels", &TransformerLists::labels}, {"templateLabels", &TransformerLists::templateLabels},
        {"commonAnnotations", &TransformerLists::commonAnnotations}, {"images", &TransformerLists::images},
        {"replicas", &TransformerLists::replicas}, {"varReference", &TransformerLists::varReference}};
    for (const auto &entry : document.entries()) {
        bool known = entry.key == "nameReference";
        for (const auto &[name, member] : fields) {
            if (entry.key != name)
                continue;
            known = true;
            auto specs = readSpecs(&entry.value, name);
            if (!specs)
                return specs.error();
            for (const FieldSpec &spec : *specs)
                addSpec(c.*member, spec);
        }
        if (!known)
            return makeError("unknown transformer configuration field '" + entry.key + "'");
    }
    if (const Node *refs = document.find("nameReference"); refs && refs->isSequence()) {
        for (const Node &item : refs->items()) {
            NameReference reference{readGvk(item), {}};
            auto specs = readSpecs(item.find("fieldSpecs"), "nameReference.fieldSpecs");
            if (!specs)
                return specs.error();
            reference.referrers = std::move(*specs);
            addReference(c.nameReference, reference);
        }
    }
    TransformerConfig config;
    config.m_additions = std::make_shared<TransformerLists>(std::move(c));
    return config;
}

Result<TransformerConfig> TransformerConfig::fromCrdFile(const Node &document)
{
    TransformerLists c;
    if (!document.isMap())
        return makeError("a crds file must map OpenAPI type names to definitions");
    const auto definition = [&](const std::string &typeName) -> const Node * {
        const Node *api = document.find(typeName);
        return api ? api->at({"Schema", "properties"}) : nullptr;
    };
    // Walks a type's properties, recording kustomize's x-kubernetes-* extensions.
    std::function<void(const Gvk &, const std::string &, const std::string &, int)> load =
        [&](const Gvk &gvk, const std::string &typeName, const std::string &path, int depth) {
            const Node *properties = definition(typeName);
            if (!properties || !properties->isMap() || depth > 32)
                return;
            for (const auto &property : properties->entries()) {
                const Node &p = property.value;
                const std::string fieldPath = path.empty() ? property.key : path + "/" + property.key;
                if (p.find("x-kubernetes-annotation"))
                    addSpec(c.commonAnnotations, FieldSpec{gvk, fieldPath, false});
                if (p.find("x-kubernetes-label-selector"))
                    addSpec(c.commonLabels, FieldSpec{gvk, fieldPath, false});
                if (p.find("x-kubernetes-identity"))
                    addSpec(c.namePrefix, FieldSpec{gvk, fieldPath, false});
                if (p.find("x-kubernetes-object-ref-api-version") && p.find("x-kubernetes-object-ref-kind")) {
                    const std::string nameKey = p.textAt({"x-kubernetes-object-ref-name-key"}, "name");
                    addReference(c.nameReference,
                                 NameReference{Gvk{"", p.textAt({"x-kubernetes-object-ref-api-version"}),
                                                   p.textAt({"x-kubernetes-object-ref-kind"})},
                                               {FieldSpec{gvk, fieldPath + "/" + nameKey, false}}});
                }
                if (const Node *ref = p.find("$ref"); ref && ref->isScalar())
                    load(gvk, ref->text(), fieldPath, depth + 1);
            }
        };
    for (const auto &entry : document.entries()) {
        const Node *properties = definition(entry.key);
        if (!properties || !properties->find("kind") || !properties->find("apiVersion") || !properties->find("metadata"))
            continue;
        const auto dot = entry.key.rfind('.');
        load(Gvk{"", "", dot == std::string::npos ? entry.key : entry.key.substr(dot + 1)}, entry.key, "", 0);
    }
    TransformerConfig config;
    config.m_additions = std::make_shared<TransformerLists>(std::move(c));
    return config;
}

} // namespace capstan::kustomize
