#include "reconcile/textdiff/line_diff.h"

#include "reconcile/textdiff/myers_p.h"

#include <string_view>
#include <unordered_map>

namespace capstan::textdiff {
namespace {

// Gives every distinct line one integer, so the search compares ints.
class LineInterner
{
public:
    int id(std::string_view line, bool unterminated)
    {
        auto &table = unterminated ? m_unterminated : m_terminated;
        const auto [it, inserted] = table.try_emplace(line, m_next);
        if (inserted)
            ++m_next;
        return it->second;
    }

    std::vector<int> ids(const Lines &text)
    {
        std::vector<int> result;
        result.reserve(text.lines.size());
        for (std::size_t i = 0; i < text.lines.size(); ++i) {
            const bool last = i + 1 == text.lines.size();
            result.push_back(id(text.lines[i], last && !text.finalNewline));
        }
        return result;
    }

private:
    std::unordered_map<std::string_view, int> m_terminated;
    std::unordered_map<std::string_view, int> m_unterminated;
    int m_next = 0;
};

int indentOf(std::string_view line)
{
    const std::size_t first = line.find_first_not_of(" \t");
    return first == std::string_view::npos ? 1 << 20 : static_cast<int>(first); // blank lines score worst
}

// A pure insertion or deletion can often sit at several places with the same
// result. The shortest-edit search picks one arbitrarily; readers expect the
// block to start where a YAML item or key starts, so choose the place whose
// first line is least indented (the lowest one on a tie, as `diff` does).
void slideBlocks(std::vector<Hunk> &hunks, const Lines &left, const Lines &right, const std::vector<int> &a,
    const std::vector<int> &b)
{
    for (std::size_t h = 0; h < hunks.size(); ++h) {
        Hunk &hunk = hunks[h];
        const bool insertion = hunk.leftCount == 0;
        if (!insertion && hunk.rightCount != 0)
            continue;
        const std::vector<int> &ids = insertion ? b : a;
        const Lines &text = insertion ? right : left;
        const int start = insertion ? hunk.rightStart : hunk.leftStart;
        const int length = insertion ? hunk.rightCount : hunk.leftCount;
        const int lower = h == 0 ? 0
                                 : (insertion ? hunks[h - 1].rightStart + hunks[h - 1].rightCount
                                              : hunks[h - 1].leftStart + hunks[h - 1].leftCount);
        const int upper = h + 1 == hunks.size() ? static_cast<int>(ids.size())
                                                : (insertion ? hunks[h + 1].rightStart : hunks[h + 1].leftStart);
        int first = start;
        while (first > lower && ids[first - 1] == ids[first + length - 1])
            --first;
        int last = start;
        while (last + length < upper && ids[last] == ids[last + length])
            ++last;
        int best = first;
        for (int p = first + 1; p <= last; ++p)
            if (indentOf(text.lines[p]) <= indentOf(text.lines[best]))
                best = p;
        hunk.leftStart += best - start;
        hunk.rightStart += best - start;
    }
}

} // namespace

std::vector<Hunk> diffLines(const Lines &left, const Lines &right)
{
    LineInterner interner;
    const std::vector<int> a = interner.ids(left);
    const std::vector<int> b = interner.ids(right);
    std::vector<char> changedA;
    std::vector<char> changedB;
    detail::diffSymbols(a, b, changedA, changedB);
    std::vector<Hunk> hunks;
    for (const detail::Region &r : detail::regionsFromFlags(changedA, changedB))
        hunks.push_back(Hunk { r.aStart, r.aCount, r.bStart, r.bCount });
    slideBlocks(hunks, left, right, a, b);
    return hunks;
}

} // namespace capstan::textdiff
