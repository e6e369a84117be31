#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace capstan::manifest {
class Node;
}

namespace capstan::kustomize {

// The facts of the Kubernetes OpenAPI schema that strategic merge needs: which
// lists merge (x-kubernetes-patch-strategy: merge) and by which keys. They are
// those of the schema Kustomize v5.5.0 embeds (Kubernetes v1.21.2), generated
// into schema/merge_facts.inc (see schema/README.md).
//
// A SchemaType is an index into that table. Besides the two named values it
// takes generated values: the types with a merged list somewhere beneath them.
enum class SchemaType : std::uint16_t {
    None = 0, // no schema: a custom resource, a kind/version the schema lacks, a field it does not have
    Opaque = 1, // known to the schema, with no merged list beneath
};

struct FieldSchema
{
    SchemaType type = SchemaType::None; // the value's schema; for a list, its items'
    bool mergeList = false; // a list merged rather than replaced
    std::vector<std::string> keys; // merge keys; empty for a merged list of primitives
};

// The schema of a top-level object; None for kinds/versions the schema does not have.
SchemaType objectSchema(const std::string &apiVersion, const std::string &kind);
// The schema of field `name` inside a value of type parent (for lists: of their items).
// kind is not needed any more (parent says it all) and is ignored.
FieldSchema fieldSchema(SchemaType parent, std::string_view name, const std::string &kind = {});
// The schema kustomize gives a map it has no schema for when the map names a
// known apiVersion and kind itself (an object embedded in a custom resource);
// None otherwise.
SchemaType embeddedObjectSchema(const manifest::Node &map);
// The Kubernetes version the facts come from.
std::string_view schemaVersion();

} // namespace capstan::kustomize
