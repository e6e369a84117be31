#pragma once

#include <string>
#include <string_view>

// Small lexical pieces of YAML shared by the block-subset reader and its flow
// collections. `text` is the whole input; `lineEnd` bounds the current line.
namespace capstan::manifest::yaml {

// Whether a plain scalar cannot start at p ('#', '&', '[', ..., or "- ", "? ", ": ").
bool startsIndicator(std::string_view text, std::size_t p, std::size_t lineEnd);

// Decodes the double-quoted escape whose backslash is at text[i] into `out`
// and leaves i on its last character. False for an unknown or unfinished one.
bool decodeEscape(std::string_view text, std::size_t lineEnd, std::size_t &i, std::string &out);

// Reads a quoted scalar that starts at text[p] (the quote) and closes before
// lineEnd; returns the index after the closing quote, or npos.
std::size_t readQuotedInLine(std::string_view text, std::size_t p, std::size_t lineEnd, std::string &value);

void appendUtf8(std::string &out, char32_t c);

// Thrown where the text leaves the subset the fast readers handle; each reader
// catches it and leaves the text to yaml-cpp.
struct OutsideSubset
{
};

[[noreturn]] inline void outside()
{
    throw OutsideSubset {};
}

// Deeper nesting is left to yaml-cpp, which limits it without exhausting the stack.
class DepthGuard
{
public:
    explicit DepthGuard(int &depth)
        : m_depth(depth)
    {
        if (++m_depth > 200)
            outside();
    }
    ~DepthGuard() { --m_depth; }
    DepthGuard(const DepthGuard &) = delete;
    DepthGuard &operator=(const DepthGuard &) = delete;

private:
    int &m_depth;
};

} // namespace capstan::manifest::yaml
