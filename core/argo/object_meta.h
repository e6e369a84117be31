#pragma once

#include "argo/field_reader.h"

#include <map>
#include <string>
#include <vector>

namespace capstan::argo {

// The metadata Capstan uses from an Argo CD object.
struct ObjectMeta
{
    std::string name;
    std::string ns;
    std::map<std::string, std::string> labels;
    std::map<std::string, std::string> annotations;
    std::vector<std::string> finalizers;
};

// Reads metadata of the reader's object; a missing name is an error.
ObjectMeta readObjectMeta(FieldReader &reader);

// Whether an object is argoproj.io's `kind`; otherwise an error saying what it is.
capstan::Result<void> expectArgoKind(const manifest::Object &object, const std::string &kind);

} // namespace capstan::argo
