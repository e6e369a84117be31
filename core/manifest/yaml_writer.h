#pragma once

#include "manifest/node.h"
#include "manifest/object.h"

#include <string>
#include <vector>

namespace capstan::manifest {

// One node as `kubectl kustomize` prints it (go-yaml v2 over JSON-like values:
// keys sorted, two-space indent, quoting only where go-yaml needs it). Ends with "\n".
std::string emitYaml(const Node &node);

// Objects as `kubectl kustomize` prints a stream: documents separated by "---\n".
std::string emitObjects(const std::vector<Object> &objects);

} // namespace capstan::manifest
