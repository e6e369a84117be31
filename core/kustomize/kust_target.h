#pragma once

#include "common/result.h"
#include "kustomize/kustomization.h"
#include "kustomize/loader.h"
#include "kustomize/transformer_config.h"
#include "kustomize/transformers.h"
#include "kustomize/vars.h"

#include <memory>
#include <string>
#include <vector>

namespace capstan::kustomize {

// Builds one kustomization root the way kustomize's KustTarget does: resources
// (files and nested kustomizations), generators, components, then the built-in
// transformers in kustomize's fixed order.
class KustTarget
{
public:
    explicit KustTarget(std::vector<std::string> &warnings) : m_warnings(warnings) {}

    // The full build of a root: accumulate, then hash suffixes and name references.
    Result<ResourceList> build(const Loader &loader);
    // The top-level kustomization's sortOptions (null when it has none).
    const manifest::Node &sortOptions() const { return m_sortOptions; }
    // The top-level kustomization's buildMetadata options.
    const std::vector<std::string> &buildMetadata() const { return m_buildMetadata; }

private:
    // Accumulates the kustomization at loader into resources. A component works
    // on the resources accumulated so far; anything else starts from none.
    // config collects the transformer configuration of everything accumulated.
    // Everything a kustomization passes up besides its resources.
    struct Context
    {
        TransformerConfig config;
        std::vector<Var> vars;
    };
    Result<void> accumulate(const Loader &loader, ResourceList &resources, Context &context, bool isComponent);
    Result<void> accumulateResources(const Loader &loader, const Kustomization &k, ResourceList &resources,
                                     Context &context);
    Result<void> loadConfigurations(const Loader &loader, const Kustomization &k, TransformerConfig &config);
    Result<void> runGenerators(const Loader &loader, const Kustomization &k, ResourceList &resources);
    Result<void> runTransformers(const Loader &loader, const Kustomization &k, ResourceList &resources,
                                 const TransformerConfig &config);

    std::vector<std::string> &m_warnings;
    manifest::Node m_sortOptions;
    std::vector<std::string> m_buildMetadata;
    int m_depth = 0;
};

// Finds, reads and parses the kustomization file of a root (shared with the
// parse cache: a kustomization file is parsed once per version).
Result<std::shared_ptr<const Kustomization>> loadKustomization(const Loader &loader, std::string *fileName = nullptr);

} // namespace capstan::kustomize
