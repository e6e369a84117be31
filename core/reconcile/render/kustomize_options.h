#pragma once

#include "argo/application.h"
#include "common/result.h"
#include "kustomize/set_image.h"

#include <string>

namespace capstan::render {

// Parses an image override as Argo CD and `kustomize edit set image` write it:
// "name=newName:tag", "name=newName@digest", "name:tag", "name@digest".
Result<kustomize::ImageOverride> parseImageOverride(const std::string &text);

// The root kustomization text with an Application's spec.source.kustomize
// options applied, as Argo CD's `kustomize edit` calls apply them: images set,
// namePrefix/nameSuffix/namespace replaced, commonLabels/commonAnnotations
// merged, replicas set by name.
Result<std::string> applyKustomizeOptions(const std::string &text, const argo::KustomizeOptions &options,
                                          const std::string &file);

// A string that differs whenever the options differ (a cache key part).
std::string fingerprint(const argo::KustomizeOptions &options);

} // namespace capstan::render
