#pragma once

#include "manifest/node.h"
#include "manifest/yaml_lexical.h"

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace capstan::manifest::yaml {

// The line-by-line walk of yaml_fast_reader.cpp over a YAML text: the current
// line, the cursor in it, its indentation and line number, and the moves
// between content lines (blank and comment-only lines skipped). Anything the
// block subset does not cover (tabs, control characters, text after a value)
// leaves through outside(). Private to core/manifest; kept inline, as the
// reader calls these for every line and token.
class LineCursor
{
public:
    explicit LineCursor(std::string_view text) : m_text(text) {}

protected:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char at(std::size_t p) const { return p < m_lineEnd ? m_text[p] : '\n'; }
    int column(std::size_t p) const { return int(p - m_lineStart); }
    Mark markAt(std::size_t p) const { return { m_line, column(p) + 1 }; }

    bool isMarker(std::string_view marker) const
    {
        return m_indent == 0 && m_text.compare(m_pos, 3, marker) == 0
            && (at(m_pos + 3) == ' ' || at(m_pos + 3) == '\n');
    }
    bool atDocumentBoundary() const { return atEnd() || isMarker("---") || isMarker("..."); }

    // Makes the line starting at `start` current (not moving the cursor).
    void loadLine(std::size_t start)
    {
        m_lineStart = start;
        // The first byte below 0x20 ends the line: '\n', or a tab or control
        // character, which are left to yaml-cpp. Eight bytes at a time: a byte
        // below 0x20 sets its top bit in (w - 0x20..) & ~w; the lowest such
        // byte is a true one (bytes of 0x80 and above never count).
        const char *data = m_text.data();
        const std::size_t size = m_text.size();
        std::size_t i = start;
        for (; i + 8 <= size; i += 8) {
            std::uint64_t w;
            std::memcpy(&w, data + i, 8);
            const std::uint64_t below = (w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull;
            if (below) {
                i += std::size_t(std::countr_zero(below)) / 8;
                break;
            }
        }
        if (i + 8 > size)
            while (i < size && static_cast<unsigned char>(data[i]) >= 0x20)
                ++i;
        if (i < size && data[i] != '\n')
            outside(); // tabs and control characters: leave them to yaml-cpp
        m_lineEnd = i;
    }

    std::size_t firstNonSpace() const
    {
        // Eight bytes at a time: the lowest byte that is no space is the first
        // nonzero byte of w ^ "        ".
        std::size_t p = m_lineStart;
        for (; p + 8 <= m_lineEnd; p += 8) {
            std::uint64_t w;
            std::memcpy(&w, m_text.data() + p, 8);
            if (const std::uint64_t other = w ^ 0x2020202020202020ull)
                return p + std::size_t(std::countr_zero(other)) / 8;
        }
        while (p < m_lineEnd && m_text[p] == ' ')
            ++p;
        return p;
    }

    // Bytes of the eight at p that may equal c (its top bit set), the lowest
    // such byte surely equal; a byte above a match may be marked without being c.
    static std::uint64_t bytesMaybe(std::uint64_t w, char c)
    {
        const std::uint64_t x = w ^ (0x0101010101010101ull * static_cast<unsigned char>(c));
        return (x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull;
    }

    // Makes the line starting at `start` current and moves to its first
    // content, skipping blank and comment-only lines.
    void startLine(std::size_t start)
    {
        for (;;) {
            if (start >= m_text.size()) {
                m_pos = m_lineStart = m_lineEnd = m_text.size();
                return;
            }
            loadLine(start);
            const std::size_t p = firstNonSpace();
            if (p < m_lineEnd && m_text[p] != '#') {
                m_pos = p;
                m_indent = int(p - start);
                return;
            }
            start = m_lineEnd + 1;
            ++m_line;
        }
    }

    // Moves to the next line for a scalar continuing there; false at the end of the text.
    bool nextRawLine()
    {
        if (m_lineEnd >= m_text.size())
            return false;
        ++m_line;
        loadLine(m_lineEnd + 1);
        return true;
    }

    // The rest of the current line must be blank or a comment; moves on to the next content.
    void finishLine()
    {
        std::size_t p = m_pos;
        while (p < m_lineEnd && m_text[p] == ' ')
            ++p;
        if (p < m_lineEnd && (m_text[p] != '#' || (p > m_lineStart && m_text[p - 1] != ' ')))
            outside();
        if (m_lineEnd >= m_text.size()) {
            m_pos = m_lineStart = m_text.size();
            return;
        }
        ++m_line;
        startLine(m_lineEnd + 1);
    }

    void skipSpaces()
    {
        while (m_pos < m_lineEnd && m_text[m_pos] == ' ')
            ++m_pos;
    }

    bool isSequenceItem(std::size_t p) const { return at(p) == '-' && (at(p + 1) == ' ' || at(p + 1) == '\n'); }

    bool startsIndicator(std::size_t p) const { return yaml::startsIndicator(m_text, p, m_lineEnd); }

    // Whether a line indented deeper than parentIndent follows the current one
    // after blank lines: a quick look at indentation only (most plain scalars
    // end on their line); plainValue then reads the lines properly.
    bool continuationFollows(int parentIndent) const
    {
        std::size_t p = m_lineEnd;
        while (p < m_text.size()) {
            const std::size_t lineStart = ++p; // past the '\n'
            while (p < m_text.size() && m_text[p] == ' ')
                ++p;
            if (p < m_text.size() && m_text[p] == '\n')
                continue; // a blank line
            return p < m_text.size() && int(p - lineStart) > parentIndent;
        }
        return false;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    std::size_t m_lineStart = 0;
    std::size_t m_lineEnd = 0;
    int m_line = 1;
    int m_indent = 0;
};

} // namespace capstan::manifest::yaml
