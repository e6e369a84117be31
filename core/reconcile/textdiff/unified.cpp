#include "reconcile/textdiff/unified.h"

#include <algorithm>

namespace capstan::textdiff {
namespace {

void appendRange(std::string &out, int start, int count)
{
    // A range of 0 lines names the line after which the other side's lines go.
    out += std::to_string(count == 0 ? start : start + 1);
    if (count != 1) {
        out += ',';
        out += std::to_string(count);
    }
}

void appendLine(std::string &out, char prefix, const Lines &text, int index)
{
    out += prefix;
    out += text.lines[index];
    out += '\n';
    if (index + 1 == text.count() && !text.finalNewline)
        out += "\\ No newline at end of file\n";
}

} // namespace

std::string unifiedDiff(
    std::string_view left, std::string_view right, std::string_view leftLabel, std::string_view rightLabel, int context)
{
    const Lines a = splitLines(left);
    const Lines b = splitLines(right);
    const std::vector<Hunk> hunks = diffLines(a, b);
    if (hunks.empty())
        return {};
    context = std::max(context, 0);

    std::string out;
    out += "--- ";
    out += leftLabel;
    out += "\n+++ ";
    out += rightLabel;
    out += '\n';

    std::size_t h = 0;
    while (h < hunks.size()) {
        // Group changes whose context would touch or overlap into one hunk.
        std::size_t last = h;
        while (last + 1 < hunks.size()
            && hunks[last + 1].leftStart - (hunks[last].leftStart + hunks[last].leftCount) <= 2 * context)
            ++last;
        const int before = std::min(context, hunks[h].leftStart);
        const int leftBegin = hunks[h].leftStart - before;
        const int rightBegin = hunks[h].rightStart - before;
        const int leftTail = a.count() - (hunks[last].leftStart + hunks[last].leftCount);
        const int after = std::min(context, leftTail);
        const int leftEnd = hunks[last].leftStart + hunks[last].leftCount + after;
        const int rightEnd = hunks[last].rightStart + hunks[last].rightCount + after;

        out += "@@ -";
        appendRange(out, leftBegin, leftEnd - leftBegin);
        out += " +";
        appendRange(out, rightBegin, rightEnd - rightBegin);
        out += " @@\n";

        int l = leftBegin;
        int r = rightBegin;
        for (std::size_t i = h; i <= last; ++i) {
            for (; l < hunks[i].leftStart; ++l, ++r)
                appendLine(out, ' ', a, l);
            for (int k = 0; k < hunks[i].leftCount; ++k)
                appendLine(out, '-', a, l++);
            for (int k = 0; k < hunks[i].rightCount; ++k)
                appendLine(out, '+', b, r++);
        }
        for (; l < leftEnd; ++l, ++r)
            appendLine(out, ' ', a, l);
        h = last + 1;
    }
    return out;
}

} // namespace capstan::textdiff
