#pragma once

#include "common/result.h"
#include "manifest/node.h"
#include "reconcile/compare/field_path.h"

#include <string_view>
#include <vector>

namespace capstan::compare {

// The fields a jq path expression selects in root, for ignoreDifferences'
// `jqPathExpressions`. The supported subset, which covers Argo CD's documented
// uses:
//   .a.b   ."a.b"   .a["b/c"]     field access (quoted for keys with dots or slashes)
//   .a[]                          every item of a sequence (or value of a map)
//   .a[0]                         one item
//   E | select(P == LITERAL)      keep what has P equal to a string, number, true, false or null
//   E | select(P != LITERAL)      ... not equal
//   E | .c                        continue from each selected node
// Anything else is an error naming the expression and the position.
capstan::Result<std::vector<FieldPath>> jqPaths(const manifest::Node &root, std::string_view expression);

} // namespace capstan::compare
