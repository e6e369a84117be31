#pragma once

#include "common/result.h"
#include "kustomize/resource.h"
#include "manifest/node.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace capstan::kustomize {

// Where in which types a transformer works: kustomize's FieldSpec. The path is
// '/'-separated ("\/" escapes a slash inside a key); a "[]" suffix or any
// sequence met on the way visits every item.
struct FieldSpec
{
    Gvk gvk;
    std::string path;
    bool create = false;
};

// What to create for a missing last field when the spec allows creating.
enum class CreateKind { None, Scalar, Map };

using FieldVisitor = std::function<Result<void>(manifest::Node &field)>;

// Splits a field path on '/', honouring "\/".
std::vector<std::string> splitFieldPath(const std::string &path);

// Calls visit on every node at spec.path in root when the resource's type matches
// spec.gvk, creating missing fields as the spec and createKind allow.
Result<void> visitFieldSpec(manifest::Node &root, const Gvk &gvk, const FieldSpec &spec, CreateKind createKind,
                            const FieldVisitor &visit);

// Same, without the type check, for a path as written in a field spec.
Result<void> visitFieldPathText(manifest::Node &node, std::string_view path, bool create, CreateKind createKind,
                                const FieldVisitor &visit);

// Same, with the path already split.
Result<void> visitFieldPath(manifest::Node &node, const std::vector<std::string> &path, std::size_t index,
                            bool create, CreateKind createKind, const FieldVisitor &visit);

} // namespace capstan::kustomize
