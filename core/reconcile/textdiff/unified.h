#pragma once

#include "reconcile/textdiff/line_diff.h"

#include <string>
#include <string_view>

namespace capstan::textdiff {

// A unified diff as `diff -u` / `git diff` print it: "--- <leftLabel>",
// "+++ <rightLabel>", then "@@ -l,n +l,n @@" hunks with `context` lines around
// each change (",n" omitted when n is 1), and "\ No newline at end of file"
// where a side lacks one. Returns "" when the texts are equal.
std::string unifiedDiff(std::string_view left, std::string_view right, std::string_view leftLabel,
    std::string_view rightLabel, int context = 3);

} // namespace capstan::textdiff
