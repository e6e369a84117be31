#pragma once

#include "common/result.h"
#include "kustomize/filesystem.h"
#include "manifest/object.h"

#include <string>
#include <vector>

namespace capstan::kustomize {

struct RenderResult
{
    std::vector<capstan::manifest::Object> objects; // in kustomize's output order
    std::vector<std::string> warnings;              // lines kubectl kustomize prints on stderr, without trailing newline
    std::string yaml;                               // the whole stdout text, byte-identical to kubectl kustomize
};

// A render that failed, with the warnings kubectl kustomize prints before its
// error (deprecations of the kustomizations read until the failure).
struct RenderError : capstan::Error
{
    std::vector<std::string> warnings;
};

using RenderOutcome = capstan::Result<RenderResult, RenderError>;

// Renders the kustomization in `dir` from the local disk.
RenderOutcome renderDirectory(const std::string &dir);

// Renders the kustomization in `dir` of any file system. The result depends only
// on the files read through `fs`, so it can be cached by the tree they come from.
RenderOutcome render(const FileSystem &fs, const std::string &dir);

} // namespace capstan::kustomize
