#include "kustomize/merge_schema.h"

#include "manifest/node.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>
#include <utility>

namespace capstan::kustomize {

namespace facts {

struct FieldFact
{
    std::string_view name;
    std::uint16_t type; // SchemaType of the value (of a list: of its items)
    std::uint8_t merge; // 0: replaced; else 1 + index into kMergeKeys
};

struct TypeFact
{
    std::uint16_t first; // kFields[first, first + count): the properties, sorted by name
    std::uint16_t count;
    std::int16_t additional; // kFields index of the entry for any other name, or -1
};

struct ObjectFact
{
    std::string_view apiVersion;
    std::string_view kind;
    std::uint16_t type;
};

} // namespace facts

} // namespace capstan::kustomize

#include "kustomize/schema/merge_facts.inc"

namespace capstan::kustomize {

namespace {

using namespace facts;

constexpr bool objectsSorted()
{
    for (std::size_t i = 1; i < kObjects.size(); ++i)
        if (!(std::pair(kObjects[i - 1].apiVersion, kObjects[i - 1].kind)
                < std::pair(kObjects[i].apiVersion, kObjects[i].kind)))
            return false;
    return true;
}

constexpr bool fieldsSorted()
{
    for (const TypeFact &type : kTypes)
        for (std::size_t i = type.first + 1u; i < std::size_t(type.first) + type.count; ++i)
            if (!(kFields[i - 1].name < kFields[i].name))
                return false;
    return true;
}

// Lookups binary-search these tables.
static_assert(objectsSorted(), "merge_facts.inc: kObjects must be sorted by apiVersion, kind");
static_assert(fieldsSorted(), "merge_facts.inc: each type's fields must be sorted by name");

SchemaType findObject(std::string_view apiVersion, std::string_view kind)
{
    const auto key = std::pair(apiVersion, kind);
    const auto it = std::lower_bound(kObjects.begin(), kObjects.end(), key,
        [](const ObjectFact &fact, const auto &k) { return std::pair(fact.apiVersion, fact.kind) < k; });
    if (it == kObjects.end() || it->apiVersion != apiVersion || it->kind != kind)
        return SchemaType::None;
    return static_cast<SchemaType>(it->type);
}

FieldSchema fromFact(const FieldFact &fact)
{
    FieldSchema schema;
    schema.type = static_cast<SchemaType>(fact.type);
    if (fact.merge == 0)
        return schema;
    schema.mergeList = true;
    for (std::string_view key : kMergeKeys[fact.merge - 1u])
        if (!key.empty())
            schema.keys.emplace_back(key);
    return schema;
}

// A scalar field's text, as kyaml reads an object's apiVersion and kind.
std::string_view scalarField(const manifest::Node &map, std::string_view name)
{
    const manifest::Node *field = map.find(name);
    if (!field || !field->isScalar() || field->isNull())
        return {};
    return field->text();
}

} // namespace

SchemaType objectSchema(const std::string &apiVersion, const std::string &kind)
{
    if (kind.empty() || apiVersion.empty())
        return SchemaType::None;
    return findObject(apiVersion, kind);
}

FieldSchema fieldSchema(SchemaType parent, std::string_view name, const std::string & /*kind*/)
{
    FieldSchema schema;
    const auto index = static_cast<std::size_t>(parent);
    if (parent == SchemaType::Opaque) {
        schema.type = SchemaType::Opaque;
        return schema;
    }
    if (index < 2 || index - 2 >= kTypes.size())
        return schema;
    const TypeFact &type = kTypes[index - 2];
    const auto begin = kFields.begin() + type.first;
    const auto end = begin + type.count;
    const auto it
        = std::lower_bound(begin, end, name, [](const FieldFact &fact, std::string_view n) { return fact.name < n; });
    if (it != end && it->name == name)
        return fromFact(*it);
    if (type.additional >= 0)
        return fromFact(kFields[static_cast<std::size_t>(type.additional)]);
    return schema; // a field the schema does not have
}

SchemaType embeddedObjectSchema(const manifest::Node &map)
{
    if (!map.isMap())
        return SchemaType::None;
    const std::string_view apiVersion = scalarField(map, "apiVersion");
    const std::string_view kind = scalarField(map, "kind");
    if (apiVersion.empty() || kind.empty())
        return SchemaType::None;
    return findObject(apiVersion, kind);
}

std::string_view schemaVersion()
{
    return kSchemaVersion;
}

} // namespace capstan::kustomize
