#include "reconcile/textdiff/word_diff.h"

#include "reconcile/textdiff/myers_p.h"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace capstan::textdiff {
namespace {

enum class TokenClass { Word, Space, Other };

TokenClass classOf(unsigned char c)
{
    if (c >= 0x80 || c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return TokenClass::Word;
    if (c == ' ' || c == '\t' || c == '\r')
        return TokenClass::Space;
    return TokenClass::Other;
}

struct Tokens
{
    std::vector<Span> spans;
    std::vector<bool> isSpace;
};

Tokens tokenize(std::string_view line)
{
    Tokens tokens;
    std::size_t i = 0;
    while (i < line.size()) {
        const TokenClass cls = classOf(static_cast<unsigned char>(line[i]));
        std::size_t end = i + 1;
        if (cls != TokenClass::Other) {
            while (end < line.size() && classOf(static_cast<unsigned char>(line[end])) == cls)
                ++end;
        }
        tokens.spans.push_back(Span { static_cast<int>(i), static_cast<int>(end - i) });
        tokens.isSpace.push_back(cls == TokenClass::Space);
        i = end;
    }
    return tokens;
}

std::vector<Span> changedSpans(const Tokens &tokens, const std::vector<char> &changed)
{
    std::vector<Span> spans;
    const std::size_t n = tokens.spans.size();
    std::size_t i = 0;
    while (i < n) {
        if (!changed[i]) {
            ++i;
            continue;
        }
        std::size_t last = i;
        std::size_t j = i + 1;
        // Extend over further changed tokens, and over unchanged whitespace
        // that sits between two changed tokens.
        while (j < n) {
            if (changed[j]) {
                last = j;
                ++j;
            } else if (tokens.isSpace[j] && j + 1 < n && changed[j + 1]) {
                j += 1;
            } else {
                break;
            }
        }
        // Whitespace at the edges of a span with words in it is noise.
        std::size_t first = i;
        std::size_t final = last;
        while (first < final && tokens.isSpace[first])
            ++first;
        while (final > first && tokens.isSpace[final])
            --final;
        const int start = tokens.spans[first].start;
        const int end = tokens.spans[final].start + tokens.spans[final].length;
        spans.push_back(Span { start, end - start });
        i = last + 1;
    }
    return spans;
}

} // namespace

WordDiff diffWords(std::string_view left, std::string_view right)
{
    const Tokens leftTokens = tokenize(left);
    const Tokens rightTokens = tokenize(right);
    std::unordered_map<std::string_view, int> ids;
    auto symbols = [&ids](std::string_view line, const Tokens &tokens) {
        std::vector<int> result;
        result.reserve(tokens.spans.size());
        for (const Span &s : tokens.spans) {
            const auto [it, inserted] = ids.try_emplace(line.substr(s.start, s.length), static_cast<int>(ids.size()));
            result.push_back(it->second);
        }
        return result;
    };
    const std::vector<int> a = symbols(left, leftTokens);
    const std::vector<int> b = symbols(right, rightTokens);
    std::vector<char> changedA;
    std::vector<char> changedB;
    detail::diffSymbols(a, b, changedA, changedB);
    return WordDiff { changedSpans(leftTokens, changedA), changedSpans(rightTokens, changedB) };
}

int utf16Offset(std::string_view utf8, int byteOffset)
{
    int units = 0;
    const std::size_t end = std::min(utf8.size(), static_cast<std::size_t>(std::max(byteOffset, 0)));
    for (std::size_t i = 0; i < end; ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if ((c & 0xC0) == 0x80)
            continue; // continuation byte
        units += c >= 0xF0 ? 2 : 1; // four-byte sequences are surrogate pairs
    }
    return units;
}

} // namespace capstan::textdiff
