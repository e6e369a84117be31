#include "reconcile/textdiff/side_by_side.h"

#include <algorithm>

namespace capstan::textdiff {

SideBySide alignSideBySide(const Lines &left, const Lines &right)
{
    return alignSideBySide(left, right, diffLines(left, right));
}

SideBySide alignSideBySide(const Lines &left, const Lines &right, const std::vector<Hunk> &hunks)
{
    SideBySide result;
    result.rows.reserve(std::max(left.lines.size(), right.lines.size()) + 16);
    int l = 0;
    int r = 0;
    auto emitEqualUntil = [&](int leftEnd) {
        while (l < leftEnd) {
            result.rows.push_back(Row { l++, r++, RowKind::Equal, {}, {} });
        }
    };
    for (const Hunk &h : hunks) {
        emitEqualUntil(h.leftStart);
        result.changeStarts.push_back(static_cast<int>(result.rows.size()));
        const int paired = std::min(h.leftCount, h.rightCount);
        for (int i = 0; i < paired; ++i) {
            Row row { l, r, RowKind::Changed, {}, {} };
            WordDiff words = diffWords(left.lines[l], right.lines[r]);
            row.leftSpans = std::move(words.left);
            row.rightSpans = std::move(words.right);
            result.rows.push_back(std::move(row));
            ++l;
            ++r;
        }
        for (int i = paired; i < h.leftCount; ++i)
            result.rows.push_back(Row { l++, Row::NoLine, RowKind::Removed, {}, {} });
        for (int i = paired; i < h.rightCount; ++i)
            result.rows.push_back(Row { Row::NoLine, r++, RowKind::Added, {}, {} });
        result.changedLines += paired;
        result.removedLines += h.leftCount - paired;
        result.addedLines += h.rightCount - paired;
    }
    emitEqualUntil(left.count());
    return result;
}

std::vector<Fold> foldUnchanged(const std::vector<Row> &rows, int context, int minFolded)
{
    std::vector<Fold> folds;
    const int n = static_cast<int>(rows.size());
    int i = 0;
    while (i < n) {
        if (rows[i].kind != RowKind::Equal) {
            ++i;
            continue;
        }
        int end = i;
        while (end < n && rows[end].kind == RowKind::Equal)
            ++end;
        // Context is kept only on a side where a change is adjacent.
        const int first = i > 0 ? i + context : i;
        const int last = end < n ? end - context : end;
        if (last - first >= std::max(minFolded, 1))
            folds.push_back(Fold { first, last - first });
        i = end;
    }
    return folds;
}

} // namespace capstan::textdiff
