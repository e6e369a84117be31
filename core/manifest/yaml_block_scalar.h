#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace capstan::manifest::yaml {

// The value of the block scalar ('|' or '>') whose header starts at `pos` in
// `text` (tags and anchors before the indicator are skipped), read with YAML's
// folding and chomping rules as go-yaml applies them. yaml-cpp 0.7 gets folded
// scalars with more-indented lines and "keep" chomping wrong, hence our own.
// `parentIndent` is the indentation of the enclosing block collection (-1 at the
// root). Empty when there is no block scalar header at `pos`.
struct BlockScalar
{
    std::string value;
    bool folded = false; // '>' rather than '|'
    std::size_t end = 0; // where the line after the scalar starts
};
std::optional<BlockScalar> readBlockScalar(std::string_view text, std::size_t pos, int parentIndent);

// What a folded ('>') value becomes after kustomize's internal round trip: its
// YAML library (go-yaml v3) writes it back as a folded scalar, doubling the
// break after every line that does not start with a blank, and reads it again.
// Lines followed by more-indented lines and "keep" endings gain a break.
// (Refolding of lines longer than 80 columns is not modelled.)
std::string foldedRoundTrip(const std::string &value);

} // namespace capstan::manifest::yaml
