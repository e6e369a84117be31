#pragma once

#include "common/result.h"
#include "manifest/node.h"
#include "manifest/object.h"

#include <string>
#include <vector>

namespace capstan::compare {

// One entry of an Application's `spec.ignoreDifferences`.
struct IgnoreDifference
{
    std::string group; // "" is the core group; "*" and globs match any
    std::string kind; // "*" and globs match any
    std::string name; // "" matches any
    std::string ns; // "" matches any
    std::vector<std::string> jsonPointers;
    std::vector<std::string> jqPathExpressions; // the subset jqPaths() documents
    std::vector<std::string> managedFieldsManagers;

    bool matches(const manifest::ResourceId &id) const;
};

// Reads `spec.ignoreDifferences` (a sequence of mappings) as Argo CD writes it.
capstan::Result<std::vector<IgnoreDifference>> parseIgnoreDifferences(const manifest::Node &sequence);

// Removes, from both objects' trees, every field the rules matching `id` ignore.
// Managers' fields are read from live's metadata.managedFields, so call this
// before that is stripped. An unsupported jq expression is an error.
capstan::Result<void> applyIgnoreDifferences(const std::vector<IgnoreDifference> &rules, const manifest::ResourceId &id,
    manifest::Node *desired, manifest::Node *live);

} // namespace capstan::compare
