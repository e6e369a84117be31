#pragma once

#include <string>

namespace capstan::kustomize {

// Whether kustomize knows apiVersion/kind to be cluster-scoped (it never gets a namespace).
bool isClusterScoped(const std::string &apiVersion, const std::string &kind);

} // namespace capstan::kustomize
