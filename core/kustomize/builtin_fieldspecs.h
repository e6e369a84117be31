#pragma once

#include "kustomize/fieldspec.h"

#include <vector>

namespace capstan::kustomize {

// A kind that others refer to by name, and the fields where they do.
struct NameReference
{
    Gvk referral;
    std::vector<FieldSpec> referrers;
};

// kustomize's default field specs for each built-in transformer.
const std::vector<FieldSpec> &commonLabelFieldSpecs();   // labels incl. selectors
const std::vector<FieldSpec> &templateLabelFieldSpecs(); // labels in metadata and pod templates
const std::vector<FieldSpec> &commonAnnotationFieldSpecs();
const std::vector<FieldSpec> &namespaceFieldSpecs();
const std::vector<FieldSpec> &imageFieldSpecs();
const std::vector<FieldSpec> &replicaFieldSpecs();
const std::vector<NameReference> &nameReferences();
const std::vector<FieldSpec> &varReferenceFieldSpecs(); // where $(VAR) is expanded

} // namespace capstan::kustomize
