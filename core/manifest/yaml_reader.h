#pragma once

#include "common/result.h"
#include "manifest/node.h"
#include "manifest/object.h"

#include <string>
#include <string_view>
#include <vector>

namespace capstan::manifest {

// Every non-empty document of a YAML stream, in order, with 1-based marks on
// every node and key. Scalars resolve as go-yaml v3 decodes them (what
// kubectl and kustomize see); anchors are expanded, merge keys (<<) applied.
// Errors name `file:line:col` and what was expected.
capstan::Result<std::vector<Node>> parseDocuments(std::string_view text, const std::string &file);

// Same, as Objects (Source = file + 0-based index of the document in the
// stream, empty documents counted); each document must be a mapping.
capstan::Result<std::vector<Object>> parseObjects(std::string_view text, const std::string &file);

} // namespace capstan::manifest
