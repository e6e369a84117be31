#pragma once

#include "manifest/node.h"

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace capstan::manifest::yaml {

// The documents of a stream written in the block subset of YAML that
// Kubernetes manifests nearly always use: block mappings and lists, plain and
// single-line quoted scalars, '|'/'>' scalars, one-line flow collections,
// comments and "---"/"..." separators. Each document comes with its 0-based
// index in the stream (empty documents counted, and dropped).
//
// yaml-cpp scans about a hundred times slower than this, and rendering
// hundreds of overlays parses a lot of YAML. Anything outside the subset
// (anchors, tags, multi-line plain or quoted scalars, complex keys, tabs,
// merge keys, duplicate keys, errors of any kind) gives nullopt: the caller
// then reads the whole stream with yaml-cpp, which also words the errors.
std::optional<std::vector<std::pair<int, Node>>> readBlockSubset(std::string_view text);

} // namespace capstan::manifest::yaml
