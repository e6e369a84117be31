#pragma once

#include "common/result.h"
#include "kustomize/fieldspec.h"
#include "kustomize/transformers.h"
#include "manifest/node.h"

#include <string>
#include <vector>

namespace capstan::kustomize {

// The deprecated `vars`: $(NAME) in the varReference fields is replaced by a
// field of the object the var names, once everything else is done.
struct Var
{
    std::string name;
    Gvk gvk;
    std::string objectName;
    std::string objectNamespace;
    std::string fieldPath = "metadata.name";
};

Result<std::vector<Var>> parseVars(const manifest::Node &vars, const std::string &file);

// Adds vars declared by one kustomization to the set accumulated so far (a
// name may occur once) and tags the resource each refers to.
Result<void> mergeVars(std::vector<Var> &set, const std::vector<Var> &incoming, ResourceList &resources);

// Replaces $(NAME) in the given fields of every resource.
Result<void> resolveVars(ResourceList &resources, const std::vector<Var> &vars, const std::vector<FieldSpec> &specs);

} // namespace capstan::kustomize
