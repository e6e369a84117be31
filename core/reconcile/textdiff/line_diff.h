#pragma once

#include "reconcile/textdiff/lines.h"

#include <vector>

namespace capstan::textdiff {

// A maximal changed region between equal lines, in 0-based line indexes:
// left lines [leftStart, leftStart+leftCount) became right lines
// [rightStart, rightStart+rightCount). A count of 0 means a pure insertion or
// deletion, and its start is where the other side's lines go.
struct Hunk
{
    int leftStart = 0;
    int leftCount = 0;
    int rightStart = 0;
    int rightCount = 0;

    bool operator==(const Hunk &) const = default;
};

// The changed regions of a shortest line diff of left against right, in order.
// Empty when the texts are equal line for line (including the final newline).
std::vector<Hunk> diffLines(const Lines &left, const Lines &right);

} // namespace capstan::textdiff
