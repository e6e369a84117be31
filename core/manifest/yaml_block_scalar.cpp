#include "manifest/yaml_block_scalar.h"

#include "manifest/yaml_scalar_style.h"

#include <algorithm>

namespace capstan::manifest::yaml {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

bool isBreak(char c)
{
    return c == '\n' || c == '\r';
}

class BlockScanner
{
public:
    BlockScanner(std::string_view text, std::size_t pos)
        : m_text(text)
        , m_pos(pos)
    {
    }

    std::optional<BlockScalar> read(int parentIndent)
    {
        skipProperties();
        if (!readHeader())
            return std::nullopt;
        int indent = 0;
        if (m_increment > 0)
            indent = parentIndent >= 0 ? parentIndent + m_increment : m_increment;

        // The break ending the last content line, and the empty lines after it.
        std::string value;
        bool leadingBreak = false;
        std::size_t trailingBreaks = 0;
        int column = emptyLines(indent, parentIndent, trailingBreaks);
        bool leadingBlank = false;
        while (column == indent && !atEnd()) {
            const bool trailingBlank = isBlank(current());
            // Folding: a single break between two lines that are not more
            // indented becomes a space; empty lines in between stay breaks.
            if (m_folded && leadingBreak && !leadingBlank && !trailingBlank) {
                if (trailingBreaks == 0)
                    value += ' ';
            } else if (leadingBreak) {
                value += '\n';
            }
            leadingBreak = false;
            value.append(trailingBreaks, '\n');
            trailingBreaks = 0;
            leadingBlank = trailingBlank;

            const std::size_t end = std::min(m_text.find_first_of("\r\n", m_pos), m_text.size());
            value.append(m_text.substr(m_pos, end - m_pos));
            m_pos = end;
            if (atEnd())
                break;
            skipBreak();
            leadingBreak = true;
            column = emptyLines(indent, parentIndent, trailingBreaks);
        }
        if (m_chomp != '-' && leadingBreak)
            value += '\n';
        if (m_chomp == '+')
            value.append(trailingBreaks, '\n');
        return BlockScalar { std::move(value), m_folded, atEnd() ? m_text.size() : m_lineStart };
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char current() const { return m_text[m_pos]; }

    void skipBreak()
    {
        if (current() == '\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n')
            ++m_pos;
        ++m_pos;
    }

    // Tags and anchors written before the indicator ("!!str |", "&a >").
    void skipProperties()
    {
        while (!atEnd() && (current() == '!' || current() == '&')) {
            while (!atEnd() && !isBlank(current()) && !isBreak(current()))
                ++m_pos;
            while (!atEnd() && isBlank(current()))
                ++m_pos;
        }
    }

    // '|' or '>', then chomping (+/-) and indentation (1-9) in either order,
    // then an optional comment and the line break.
    bool readHeader()
    {
        if (atEnd() || (current() != '|' && current() != '>'))
            return false;
        m_folded = current() == '>';
        ++m_pos;
        for (int i = 0; i < 2 && !atEnd(); ++i) {
            const char c = current();
            if ((c == '+' || c == '-') && m_chomp == 0)
                m_chomp = c;
            else if (c >= '1' && c <= '9' && m_increment == 0)
                m_increment = c - '0';
            else
                break;
            ++m_pos;
        }
        while (!atEnd() && isBlank(current()))
            ++m_pos;
        if (!atEnd() && current() == '#')
            while (!atEnd() && !isBreak(current()))
                ++m_pos;
        if (atEnd())
            return true;
        if (!isBreak(current()))
            return false;
        skipBreak();
        return true;
    }

    // Eats indentation and empty lines (counted in `breaks`); fixes an
    // automatic indentation at the first non-empty line. Returns the column reached.
    int emptyLines(int &indent, int parentIndent, std::size_t &breaks)
    {
        int maxIndent = 0;
        int column = 0;
        for (;;) {
            column = 0;
            m_lineStart = m_pos;
            while ((indent == 0 || column < indent) && !atEnd() && current() == ' ') {
                ++m_pos;
                ++column;
            }
            maxIndent = std::max(maxIndent, column);
            if (atEnd() || !isBreak(current()))
                break;
            skipBreak();
            ++breaks;
        }
        if (indent == 0)
            indent = std::max({ maxIndent, parentIndent + 1, 1 });
        return column;
    }

    std::string_view m_text;
    std::size_t m_pos;
    std::size_t m_lineStart = 0;
    bool m_folded = false;
    char m_chomp = 0;
    int m_increment = 0;
};

} // namespace

std::optional<BlockScalar> readBlockScalar(std::string_view text, std::size_t pos, int parentIndent)
{
    return BlockScanner(text, pos).read(parentIndent);
}

std::string foldedRoundTrip(const std::string &value)
{
    if (value.empty() || !blockStyleAllowed(value))
        return value; // go-yaml v3 writes these double-quoted: unchanged
    // go-yaml v3 decides whether to double a break by looking at the start of
    // the value (after any leading breaks) instead of the next line.
    std::size_t k = value.find_first_not_of("\r\n");
    const bool startsBlank = k == std::string::npos || isBlank(value[k]) || value[k] == '\0';

    std::string block = ">";
    if (isBlank(value[0]) || isBreak(value[0]))
        block += '2';
    const std::size_t n = value.size();
    if (!isBreak(value[n - 1]))
        block += '-';
    else if (n == 1 || isBreak(value[n - 2]))
        block += '+';
    block += '\n';

    bool breaks = true, leadingSpaces = true;
    for (char c : value) {
        if (c == '\n') {
            if (!breaks && !leadingSpaces && !startsBlank)
                block += '\n';
            block += '\n';
            breaks = true;
            continue;
        }
        if (breaks) {
            block += "  ";
            leadingSpaces = isBlank(c);
        }
        block += c;
        breaks = false;
    }
    std::optional<BlockScalar> reread = readBlockScalar(block, 0, 0);
    return reread ? std::move(reread->value) : value;
}

} // namespace capstan::manifest::yaml
