#pragma once

#include <string_view>
#include <vector>

namespace capstan::textdiff {

// A byte range within one line (UTF-8 offsets).
struct Span
{
    int start = 0;
    int length = 0;

    bool operator==(const Span &) const = default;
};

// The changed parts of a pair of lines: what to highlight on each side.
struct WordDiff
{
    std::vector<Span> left;
    std::vector<Span> right;
};

// Diffs two lines word by word. Tokens are runs of letters, digits and "_"
// (non-ASCII bytes count as letters), runs of whitespace, and single
// punctuation characters; changed tokens separated only by whitespace are
// highlighted as one span.
WordDiff diffWords(std::string_view left, std::string_view right);

// The UTF-16 index (a QString position) of a byte offset into UTF-8 text, so
// a view can highlight spans without decoding the line twice.
int utf16Offset(std::string_view utf8, int byteOffset);

} // namespace capstan::textdiff
