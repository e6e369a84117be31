#pragma once

#include "common/result.h"
#include "manifest/node.h"
#include "manifest/object.h"

#include <string>
#include <string_view>
#include <vector>

namespace capstan::manifest {

// What a mapping that repeats a key means. kubectl and kustomize reject it; Argo
// CD's controller and Kubernetes' own decoding keep the last value.
enum class DuplicateKeys { Reject, KeepLast };

// Every non-empty document of a YAML stream, in order, with 1-based marks on
// every node and key. Scalars resolve as go-yaml v3 decodes them (what
// kubectl and kustomize see); anchors are expanded, merge keys (<<) applied.
// Errors name `file:line:col` and what was expected.
capstan::Result<std::vector<Node>> parseDocuments(
    std::string_view text, const std::string &file, DuplicateKeys duplicates = DuplicateKeys::Reject);

// Same, as Objects (Source = file + 0-based index of the document in the
// stream, empty documents counted); each document must be a mapping.
capstan::Result<std::vector<Object>> parseObjects(
    std::string_view text, const std::string &file, DuplicateKeys duplicates = DuplicateKeys::Reject);

} // namespace capstan::manifest
