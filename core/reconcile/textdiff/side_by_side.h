#pragma once

#include "reconcile/textdiff/line_diff.h"
#include "reconcile/textdiff/word_diff.h"

#include <string_view>
#include <vector>

namespace capstan::textdiff {

enum class RowKind { Equal, Changed, Added, Removed };

// One row of a side-by-side view. Line numbers are 0-based indexes into the
// left and right Lines; NoLine where that side shows a gap (Added, Removed).
struct Row
{
    static constexpr int NoLine = -1;

    int left = NoLine;
    int right = NoLine;
    RowKind kind = RowKind::Equal;
    // Changed rows only: the words to highlight on each side.
    std::vector<Span> leftSpans;
    std::vector<Span> rightSpans;
};

// Both sides aligned row by row.
struct SideBySide
{
    std::vector<Row> rows;
    // First row of each block of consecutive non-Equal rows, for next/previous change.
    std::vector<int> changeStarts;
    int addedLines = 0; // right-only lines (Added rows, plus the extra lines of a Changed block)
    int removedLines = 0; // left-only lines
    int changedLines = 0; // Changed rows

    bool identical() const { return changeStarts.empty(); }
};

// Aligns two texts: equal lines side by side; within a changed hunk, lines are
// paired in order as Changed rows (with word spans) and the surplus on either
// side becomes Added or Removed rows.
SideBySide alignSideBySide(const Lines &left, const Lines &right);
SideBySide alignSideBySide(const Lines &left, const Lines &right, const std::vector<Hunk> &hunks);

// A run of Equal rows [firstRow, firstRow+rowCount) that a view folds away.
struct Fold
{
    int firstRow = 0;
    int rowCount = 0;

    bool operator==(const Fold &) const = default;
};

// The Equal runs to fold: each run keeps `context` rows next to every change
// and is folded only if more than `minFolded - 1` rows would be hidden. With no
// changes at all, the whole text is one fold.
std::vector<Fold> foldUnchanged(const std::vector<Row> &rows, int context = 3, int minFolded = 4);

} // namespace capstan::textdiff
