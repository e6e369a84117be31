#pragma once

#include <string_view>
#include <vector>

namespace capstan::textdiff {

// A text split into lines. The views point into the text the caller passed to
// splitLines(), which must outlive this value. Lines carry no terminator.
struct Lines
{
    std::vector<std::string_view> lines;
    // False when the text is non-empty and its last line has no "\n": that line
    // then differs from the same words followed by a newline, as in `diff`.
    bool finalNewline = true;

    int count() const { return static_cast<int>(lines.size()); }
};

// Splits on "\n" (a "\r" before it stays part of the line). "" has no lines;
// "a\n" has one.
Lines splitLines(std::string_view text);

} // namespace capstan::textdiff
