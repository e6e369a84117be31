#include "manifest/yaml_scalar_style.h"

#include "manifest/yaml_scalar.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace capstan::manifest::yaml {

namespace {

// go-yaml folds plain and quoted scalars at spaces past this column.
constexpr int kBestWidth = 80;

using Bytes = std::string_view;

unsigned char at(Bytes s, std::size_t i)
{
    return i < s.size() ? static_cast<unsigned char>(s[i]) : 0;
}

// Byte length of the UTF-8 character starting at i.
std::size_t width(Bytes s, std::size_t i)
{
    const unsigned char c = at(s, i);
    if ((c & 0x80) == 0)
        return 1;
    if ((c & 0xE0) == 0xC0)
        return 2;
    if ((c & 0xF0) == 0xE0)
        return 3;
    if ((c & 0xF8) == 0xF0)
        return 4;
    return 1;
}

bool isSpace(Bytes s, std::size_t i)
{
    return at(s, i) == ' ';
}

bool isBlank(Bytes s, std::size_t i)
{
    return at(s, i) == ' ' || at(s, i) == '\t';
}

// \r, \n, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR.
bool isBreak(Bytes s, std::size_t i)
{
    const unsigned char c = at(s, i);
    return c == '\r' || c == '\n' || (c == 0xC2 && at(s, i + 1) == 0x85)
        || (c == 0xE2 && at(s, i + 1) == 0x80 && (at(s, i + 2) == 0xA8 || at(s, i + 2) == 0xA9));
}

bool isBlankOrEnd(Bytes s, std::size_t i)
{
    return isBlank(s, i) || isBreak(s, i) || i >= s.size() || at(s, i) == 0;
}

// The characters go-yaml writes unescaped (YAML's printable set minus 4-byte
// characters, which its check does not admit).
bool isPrintable(Bytes s, std::size_t i)
{
    const unsigned char c = at(s, i), c1 = at(s, i + 1), c2 = at(s, i + 2);
    return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c == 0xC2 && c1 >= 0xA0) || (c > 0xC2 && c < 0xED)
        || (c == 0xED && c1 < 0xA0) || c == 0xEE
        || (c == 0xEF && !(c1 == 0xBB && c2 == 0xBF) && !(c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF)));
}

bool isBom(Bytes s, std::size_t i)
{
    return at(s, i) == 0xEF && at(s, i + 1) == 0xBB && at(s, i + 2) == 0xBF;
}

// What go-yaml's emitter allows for a text, from one pass over it.
struct Analysis
{
    bool multiline = false;
    bool blockPlainAllowed = true;
    bool singleQuotedAllowed = true;
    bool blockAllowed = true;
};

Analysis analyze(Bytes s)
{
    Analysis a;
    if (s.empty()) {
        a.blockAllowed = false;
        return a;
    }
    // Printable ASCII without blanks (names, images, paths, most values): no
    // breaks or spaces to weigh, so only the indicators can forbid plain style.
    if (std::all_of(s.begin(), s.end(), [](char c) { return c > ' ' && c < '\x7F'; })) {
        bool indicators = s.substr(0, 3) == "---" || s.substr(0, 3) == "..." || (s.size() > 1 && s.back() == ':');
        switch (s[0]) {
        case '#': case ',': case '[': case ']': case '{': case '}': case '&': case '*': case '!': case '|':
        case '>': case '\'': case '"': case '%': case '@': case '`':
            indicators = true;
            break;
        case '?':
        case ':':
        case '-':
            indicators = indicators || s.size() == 1; // followed by the end, which counts as a blank
            break;
        default:
            break;
        }
        a.blockPlainAllowed = !indicators;
        return a;
    }
    bool blockIndicators = false;
    bool lineBreaks = false, special = false;
    bool leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
    bool breakSpace = false, spaceBreak = false;
    bool previousSpace = false, previousBreak = false;
    bool precededByWhitespace = true;

    if (s.size() >= 3 && (s.substr(0, 3) == "---" || s.substr(0, 3) == "..."))
        blockIndicators = true;

    for (std::size_t i = 0; i < s.size(); i += width(s, i)) {
        const std::size_t w = width(s, i);
        const bool followedByWhitespace = i + w >= s.size() || isBlank(s, i + w);
        const char c = s[i];
        if (i == 0) {
            switch (c) {
            case '#':
            case ',':
            case '[':
            case ']':
            case '{':
            case '}':
            case '&':
            case '*':
            case '!':
            case '|':
            case '>':
            case '\'':
            case '"':
            case '%':
            case '@':
            case '`':
                blockIndicators = true;
                break;
            case '?':
            case ':':
            case '-':
                if (followedByWhitespace)
                    blockIndicators = true;
                break;
            default:
                break;
            }
        } else if ((c == ':' && followedByWhitespace) || (c == '#' && precededByWhitespace)) {
            blockIndicators = true;
        }

        if (!isPrintable(s, i))
            special = true;
        if (isSpace(s, i)) {
            leadingSpace = leadingSpace || i == 0;
            trailingSpace = trailingSpace || i + w == s.size();
            breakSpace = breakSpace || previousBreak;
            previousSpace = true;
            previousBreak = false;
        } else if (isBreak(s, i)) {
            lineBreaks = true;
            leadingBreak = leadingBreak || i == 0;
            trailingBreak = trailingBreak || i + w == s.size();
            spaceBreak = spaceBreak || previousSpace;
            previousSpace = false;
            previousBreak = true;
        } else {
            previousSpace = previousBreak = false;
        }
        precededByWhitespace = isBlankOrEnd(s, i);
    }

    a.multiline = lineBreaks;
    if (leadingSpace || leadingBreak || trailingSpace || trailingBreak || lineBreaks || blockIndicators)
        a.blockPlainAllowed = false;
    if (trailingSpace)
        a.blockAllowed = false;
    if (breakSpace) {
        a.blockPlainAllowed = false;
        a.singleQuotedAllowed = false;
    }
    if (spaceBreak || special) {
        a.blockPlainAllowed = false;
        a.singleQuotedAllowed = false;
        a.blockAllowed = false;
    }
    return a;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// go-yaml v2 quotes YAML 1.1 sexagesimal numbers: ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$
bool isBase60Float(Bytes s)
{
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        ++i;
    if (i >= s.size() || !isDigit(s[i]))
        return false;
    while (i < s.size() && (isDigit(s[i]) || s[i] == '_'))
        ++i;
    int groups = 0;
    while (i < s.size() && s[i] == ':') {
        ++i;
        const std::size_t start = i;
        while (i < s.size() && isDigit(s[i]) && i - start < 2)
            ++i;
        const std::size_t n = i - start;
        if (n == 0 || (n == 2 && s[start] > '5'))
            return false;
        ++groups;
    }
    if (groups == 0)
        return false;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && (isDigit(s[i]) || s[i] == '_'))
            ++i;
    }
    return i == s.size();
}

void writePlain(Output &out, Bytes s, int indent, bool allowBreaks)
{
    if (s.find(' ') == Bytes::npos) {
        out.write(s);
        return;
    }
    bool spaces = false;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t w = width(s, i);
        if (isSpace(s, i)) {
            if (allowBreaks && !spaces && out.column > kBestWidth && !isSpace(s, i + 1)) {
                out.newline();
                out.padTo(indent);
            } else {
                out.put(' ');
            }
            spaces = true;
        } else {
            out.write(s.substr(i, w));
            spaces = false;
        }
        i += w;
    }
}

void writeSingleQuoted(Output &out, Bytes s, int indent, bool allowBreaks)
{
    out.put('\'');
    bool spaces = false;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t w = width(s, i);
        if (isSpace(s, i)) {
            if (allowBreaks && !spaces && out.column > kBestWidth && i > 0 && i < s.size() - 1 && !isSpace(s, i + 1)) {
                out.newline();
                out.padTo(indent);
            } else {
                out.put(' ');
            }
            spaces = true;
        } else {
            if (s[i] == '\'')
                out.put('\'');
            out.write(s.substr(i, w));
            spaces = false;
        }
        i += w;
    }
    out.put('\'');
}

char32_t decode(Bytes s, std::size_t i, std::size_t w)
{
    const unsigned char c = at(s, i);
    char32_t v = w == 1 ? c : w == 2 ? (c & 0x1F) : w == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < w; ++k)
        v = (v << 6) | (at(s, i + k) & 0x3F);
    return v;
}

void writeEscape(Output &out, char32_t v)
{
    out.put('\\');
    switch (v) {
    case 0x00:
        out.put('0');
        return;
    case 0x07:
        out.put('a');
        return;
    case 0x08:
        out.put('b');
        return;
    case 0x09:
        out.put('t');
        return;
    case 0x0A:
        out.put('n');
        return;
    case 0x0B:
        out.put('v');
        return;
    case 0x0C:
        out.put('f');
        return;
    case 0x0D:
        out.put('r');
        return;
    case 0x1B:
        out.put('e');
        return;
    case 0x22:
        out.put('"');
        return;
    case 0x5C:
        out.put('\\');
        return;
    case 0x85:
        out.put('N');
        return;
    case 0xA0:
        out.put('_');
        return;
    case 0x2028:
        out.put('L');
        return;
    case 0x2029:
        out.put('P');
        return;
    default:
        break;
    }
    int digits = 8;
    if (v <= 0xFF)
        out.put('x'), digits = 2;
    else if (v <= 0xFFFF)
        out.put('u'), digits = 4;
    else
        out.put('U');
    for (int k = (digits - 1) * 4; k >= 0; k -= 4)
        out.put("0123456789ABCDEF"[(v >> k) & 0xF]);
}

void writeDoubleQuoted(Output &out, Bytes s, int indent, bool allowBreaks)
{
    out.put('"');
    // go-yaml's byte-order-mark test looks at the start of the text whatever
    // the position, so a text starting with one is escaped all through.
    const bool escapeAll = isBom(s, 0);
    bool spaces = false;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t w = width(s, i);
        if (escapeAll || !isPrintable(s, i) || isBreak(s, i) || s[i] == '"' || s[i] == '\\') {
            writeEscape(out, decode(s, i, w));
            spaces = false;
        } else if (isSpace(s, i)) {
            if (allowBreaks && !spaces && out.column > kBestWidth && i > 0 && i < s.size() - 1) {
                out.newline();
                out.padTo(indent);
                if (isSpace(s, i + 1))
                    out.put('\\');
            } else {
                out.put(' ');
            }
            spaces = true;
        } else {
            out.write(s.substr(i, w));
            spaces = false;
        }
        i += w;
    }
    out.put('"');
}

void writeLiteral(Output &out, Bytes s, int indent)
{
    out.put('|');
    if (isSpace(s, 0) || isBreak(s, 0))
        out.put('2'); // go-yaml's indentation indicator is its indent step
    // Chomping: '-' without a final break, '+' where more than one break ends it.
    std::size_t last = s.size() - 1;
    while (last > 0 && (static_cast<unsigned char>(s[last]) & 0xC0) == 0x80)
        --last;
    if (!isBreak(s, last)) {
        out.put('-');
    } else if (last == 0) {
        out.put('+');
    } else {
        std::size_t prev = last - 1;
        while (prev > 0 && (static_cast<unsigned char>(s[prev]) & 0xC0) == 0x80)
            --prev;
        if (isBreak(s, prev))
            out.put('+');
    }
    out.newline();
    bool breaks = true;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t w = width(s, i);
        if (isBreak(s, i)) {
            out.text.append(s.substr(i, w));
            out.column = 0;
            i += w;
            breaks = true;
            continue;
        }
        if (breaks) {
            out.padTo(indent);
            breaks = false;
        }
        out.write(s.substr(i, w));
        i += w;
    }
}

} // namespace

void Output::write(std::string_view s)
{
    text.append(s);
    // A column per character: every byte but UTF-8 continuation bytes. ASCII
    // (the usual) is counted eight bytes at a time.
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        if (w & 0x8080808080808080ull)
            break;
        column += 8;
    }
    for (; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80)
            ++column;
}

bool blockStyleAllowed(std::string_view value)
{
    return analyze(value).blockAllowed;
}

namespace {

// Names, images, paths: nothing in them needs the full analysis.
constexpr std::array<bool, 256> kWordBytes = [] {
    std::array<bool, 256> bytes {};
    for (int c = 0; c < 256; ++c)
        bytes[std::size_t(c)] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
            || c == '_' || c == '/' || c == '-';
    return bytes;
}();

bool isSimpleWord(std::string_view s)
{
    if (s.empty() || s[0] == '-' || s[0] == '.')
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return kWordBytes[static_cast<unsigned char>(c)]; });
}

} // namespace

ScalarStyle stringStyle(std::string_view value, bool isKey)
{
    if (isSimpleWord(value))
        return resolvesAsNonString(value) ? ScalarStyle::DoubleQuoted : ScalarStyle::Plain;
    ScalarStyle style = ScalarStyle::Plain;
    if (value.find('\n') != std::string_view::npos)
        style = ScalarStyle::Literal;
    else if (resolvesAsNonString(value) || isBase60Float(value))
        style = ScalarStyle::DoubleQuoted;

    const Analysis a = analyze(value);
    if (isKey && a.multiline)
        style = ScalarStyle::DoubleQuoted;
    if (style == ScalarStyle::Plain && (!a.blockPlainAllowed || (value.empty() && isKey)))
        style = ScalarStyle::SingleQuoted;
    if (style == ScalarStyle::SingleQuoted && !a.singleQuotedAllowed)
        style = ScalarStyle::DoubleQuoted;
    if (style == ScalarStyle::Literal && (!a.blockAllowed || isKey))
        style = ScalarStyle::DoubleQuoted;
    return style;
}

void writeString(Output &out, std::string_view value, ScalarStyle style, int indent, bool isKey)
{
    switch (style) {
    case ScalarStyle::Plain:
        writePlain(out, value, indent, !isKey);
        return;
    case ScalarStyle::SingleQuoted:
        writeSingleQuoted(out, value, indent, !isKey);
        return;
    case ScalarStyle::DoubleQuoted:
        writeDoubleQuoted(out, value, indent, !isKey);
        return;
    case ScalarStyle::Literal:
        writeLiteral(out, value, indent);
        return;
    }
}

} // namespace capstan::manifest::yaml
