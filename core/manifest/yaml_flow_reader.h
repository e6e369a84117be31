#pragma once

#include "manifest/node.h"

#include <optional>
#include <string_view>

namespace capstan::manifest::yaml {

struct FlowCollection
{
    Node node;
    std::size_t end = 0; // index after the closing bracket
};

// A flow collection ("[a, 'b', {c: 1}]") that starts at text[pos] and closes
// on the same line, which spans [lineStart, lineEnd) and is numbered `line`.
// Empty where it spans lines or leaves the block subset (see yaml_fast_reader.h).
std::optional<FlowCollection> readOneLineFlow(
    std::string_view text, std::size_t lineStart, std::size_t lineEnd, int line, std::size_t pos);

} // namespace capstan::manifest::yaml
