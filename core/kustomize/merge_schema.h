#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace capstan::kustomize {

// The few facts of the Kubernetes OpenAPI schema that strategic merge needs:
// which lists merge (x-kubernetes-patch-strategy: merge) and by which keys.
enum class SchemaType {
    None, // no schema: a custom resource, or a field the schema says nothing special about
    Object,
    ObjectMeta,
    WorkloadSpec,
    CronJobSpec,
    JobTemplateSpec,
    PodTemplateSpec,
    PodSpec,
    Container,
    ServiceSpec,
    Status,
    Opaque, // known to the schema, no mergeable lists below
};

struct FieldSchema
{
    SchemaType type = SchemaType::None;
    bool mergeList = false;          // a list merged rather than replaced
    std::vector<std::string> keys;   // merge keys; empty for a merged list of primitives
};

// The schema of a top-level object of kind; None for kinds kustomize has no schema for.
SchemaType objectSchema(const std::string &apiVersion, const std::string &kind);
// The schema of field `name` inside a value of type parent (for lists: of their items).
FieldSchema fieldSchema(SchemaType parent, std::string_view name, const std::string &kind);

} // namespace capstan::kustomize
