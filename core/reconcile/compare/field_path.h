#pragma once

#include "manifest/node.h"

#include <string>
#include <string_view>
#include <vector>

namespace capstan::compare {

// One step into a node: a mapping key, or a sequence index when index >= 0.
struct PathStep
{
    std::string key;
    int index = -1;

    bool operator==(const PathStep &) const = default;
};

using FieldPath = std::vector<PathStep>;

// The node at path, or nullptr where a step is missing.
const manifest::Node *resolvePath(const manifest::Node &root, const FieldPath &path);

// Removes every path that exists in root. Indexes refer to root as it was
// before any removal, so several items of one sequence can go at once.
void removePaths(manifest::Node &root, std::vector<FieldPath> paths);

// The path an RFC 6901 JSON pointer ("/spec/replicas", "/metadata/labels/a~1b",
// "/spec/containers/0/image") names in root: none when it does not resolve.
std::vector<FieldPath> jsonPointerPaths(const manifest::Node &root, std::string_view pointer);

// The leaf fields a managedFields entry's `fieldsV1` set owns ("f:name",
// "k:{json}", "v:json", "i:N"), as paths resolved in root.
std::vector<FieldPath> managedFieldPaths(const manifest::Node &root, const manifest::Node &fieldsV1);

} // namespace capstan::compare
