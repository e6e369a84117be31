#pragma once

#include "manifest/node.h"

#include <string>

namespace capstan::kustomize {

// A node as Go's encoding/json writes the equivalent value (keys sorted, HTML
// characters escaped), which is what kustomize hashes.
std::string encodeJson(const manifest::Node &node);

// kustomize's name suffix for a generated ConfigMap or Secret: the first ten hex
// digits of the SHA-256 of its identifying JSON, with 0,1,3,a,e swapped for
// g,h,k,m,t so the suffix never reads as a number or a word.
std::string contentHash(const manifest::Node &object);

} // namespace capstan::kustomize
