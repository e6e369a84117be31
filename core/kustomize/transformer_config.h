#pragma once

#include "common/result.h"
#include "kustomize/builtin_fieldspecs.h"
#include "manifest/node.h"

#include <memory>
#include <string>
#include <vector>

namespace capstan::kustomize {

// Where the built-in transformers work: kustomize's defaults, extended by
// `configurations:` files and by the OpenAPI definitions named in `crds:`.
// A kustomization's configuration includes everything its bases and
// components contributed.
struct TransformerLists
{
    std::vector<FieldSpec> namePrefix;
    std::vector<FieldSpec> nameSuffix;
    std::vector<FieldSpec> ns;
    std::vector<FieldSpec> commonLabels;
    std::vector<FieldSpec> labels;
    std::vector<FieldSpec> templateLabels;
    std::vector<FieldSpec> commonAnnotations;
    std::vector<FieldSpec> images;
    std::vector<FieldSpec> replicas;
    std::vector<NameReference> nameReference;
    std::vector<FieldSpec> varReference;
};

// kustomize's defaults plus what configurations and crds added. Cheap to copy:
// the (immutable) lists are shared, and the defaults are never copied.
class TransformerConfig
{
public:
    const TransformerLists &lists() const;
    // Adds what other has and this lacks (field specs compare by type and path).
    void merge(const TransformerConfig &other);

    // A `configurations:` file (namePrefix, commonLabels, nameReference, ... lists).
    static Result<TransformerConfig> fromConfigurationFile(const manifest::Node &document);
    // A `crds:` file: OpenAPI definitions keyed by type name, with kustomize's
    // x-kubernetes-* extensions.
    static Result<TransformerConfig> fromCrdFile(const manifest::Node &document);

private:
    std::shared_ptr<const TransformerLists> m_additions; // null: defaults only
    std::shared_ptr<const TransformerLists> m_merged;    // defaults + additions
};

} // namespace capstan::kustomize
