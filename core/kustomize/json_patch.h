#pragma once

#include "common/result.h"
#include "manifest/node.h"

namespace capstan::kustomize {

// Applies an RFC 6902 JSON patch (a sequence of {op, path, value, from}) to a
// document in place: add, remove, replace, move, copy and test, with RFC 6901
// pointers (~0, ~1, "-" for the end of a list).
Result<void> applyJsonPatch(manifest::Node &document, const manifest::Node &operations);

} // namespace capstan::kustomize
