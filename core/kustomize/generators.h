#pragma once

#include "common/result.h"
#include "kustomize/kustomization.h"
#include "kustomize/loader.h"
#include "kustomize/transformers.h"

namespace capstan::kustomize {

enum class GeneratedKind { ConfigMap, Secret };

// Builds the ConfigMap or Secret a configMapGenerator/secretGenerator entry describes
// (literals, then files, then env files are read in kustomize's order: envs, literals, files).
Result<Resource> generate(GeneratedKind kind, const GeneratorSpec &spec, const GeneratorOptions &options,
                          const Loader &loader);

// Adds generated resources to the list honouring their behavior: create appends,
// merge and replace update the existing resource with the same id.
Result<void> absorbGenerated(ResourceList &resources, Resource generated);

// Appends the content hash to the name of every resource that asks for one.
void addHashSuffixes(ResourceList &resources);

} // namespace capstan::kustomize
