#pragma once

#include "common/result.h"
#include "kustomize/fieldspec.h"
#include "manifest/node.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <string>
#include <utility>
#include <vector>

namespace capstan::kustomize {

using StringPairs = std::vector<std::pair<std::string, std::string>>;

// Which resources a patch or replacement applies to (kustomize's Selector).
struct Selector
{
    Gvk gvk;
    std::string name; // a regular expression, anchored
    std::string ns;
    std::string labelSelector;
    std::string annotationSelector;
};

struct PatchSpec
{
    std::string path;  // file, relative to the kustomization
    std::string patch; // inline text
    std::optional<Selector> target;
    bool allowNameChange = false;
    bool allowKindChange = false;
    bool fromJson6902Field = false; // patchesJson6902: always a JSON patch
    bool fromStrategicMergeField = false;
};

struct ImageSpec
{
    std::string name;
    std::optional<std::string> newName;
    std::optional<std::string> newTag;
    std::optional<std::string> digest;
    std::optional<std::string> tagSuffix;
};

struct ReplicaSpec
{
    std::string name;
    std::int64_t count = 0;
};

struct GeneratorOptions
{
    StringPairs labels;
    StringPairs annotations;
    std::optional<bool> disableNameSuffixHash;
    std::optional<bool> immutable;
};

struct GeneratorSpec
{
    std::string name;
    std::string ns;
    std::string behavior; // "", create, merge, replace
    std::string type;     // secrets
    std::vector<std::string> literals;
    std::vector<std::string> files;
    std::vector<std::string> envs;
    std::optional<GeneratorOptions> options;
};

struct LabelSpec
{
    StringPairs pairs;
    bool includeSelectors = false;
    bool includeTemplates = false;
    std::vector<FieldSpec> fields;
};

// A parsed kustomization.yaml (or Component), with the deprecated fields already
// folded into their successors the way kustomize does.
struct Kustomization
{
    std::string apiVersion;
    std::string kind; // Kustomization or Component
    std::string ns;
    std::string namePrefix;
    std::string nameSuffix;
    StringPairs commonLabels;
    bool hasCommonLabels = false;
    std::vector<LabelSpec> labels;
    StringPairs commonAnnotations;
    std::vector<std::string> resources; // bases appended
    std::vector<std::string> components;
    std::vector<std::string> crds;
    std::vector<std::string> configurations;
    std::vector<std::string> patchesStrategicMerge;
    std::vector<PatchSpec> patchesJson6902;
    std::vector<PatchSpec> patches;
    std::vector<ImageSpec> images;
    std::vector<ReplicaSpec> replicas;
    std::vector<GeneratorSpec> configMapGenerator;
    std::vector<GeneratorSpec> secretGenerator;
    std::optional<GeneratorOptions> generatorOptions;
    manifest::Node replacements; // sequence, as written
    manifest::Node sortOptions;
    manifest::Node vars; // deprecated; see vars.h
    std::vector<std::string> buildMetadata;

    std::vector<std::string> warnings; // deprecation lines, in kustomize's order
};

// Parses a kustomization document; `file` is named in errors. `text`, the
// document's source, lets it refuse what kustomize's YAML 1.1 reading refuses
// (an unquoted `on` or `yes` where a string is expected).
Result<Kustomization> parseKustomization(const manifest::Node &doc, const std::string &file,
                                         std::string_view text = {});

// Merges generatorOptions into one generator's options as kustomize does.
GeneratorOptions mergeGeneratorOptions(const std::optional<GeneratorOptions> &local,
                                       const std::optional<GeneratorOptions> &global);

} // namespace capstan::kustomize
