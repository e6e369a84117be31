#pragma once

#include "common/result.h"

#include <optional>
#include <string>

namespace capstan::kustomize {

// The change `kustomize edit set image` makes: the images entry for `name`.
// Fields left nullopt keep their current value, except that a new tag drops an
// old digest and a new digest drops an old tag (unless both are given). An
// empty string removes the field.
struct ImageOverride
{
    std::string name;
    std::optional<std::string> newName;
    std::optional<std::string> newTag;
    std::optional<std::string> digest;
};

// Returns kustomization text with only that images entry changed (or appended),
// keeping every other byte — comments, order, blank lines — as it was.
Result<std::string> setImageInText(const std::string &text, const ImageOverride &image, const std::string &file = {});

// Edits the kustomization file (kustomization.yaml, .yml or Kustomization) in
// overlayDir on disk.
Result<void> setImage(const std::string &overlayDir, const std::string &name,
                      const std::optional<std::string> &newName = std::nullopt,
                      const std::optional<std::string> &newTag = std::nullopt,
                      const std::optional<std::string> &digest = std::nullopt);

} // namespace capstan::kustomize
