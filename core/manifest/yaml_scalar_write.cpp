#include "manifest/yaml_scalar_chars_p.h"
#include "manifest/yaml_scalar_style.h"

#include <cstdint>
#include <cstring>

namespace capstan::manifest::yaml {

namespace {

using namespace chars;

// go-yaml folds plain and quoted scalars at spaces past this column.
constexpr int kBestWidth = 80;

// A space where go-yaml folds (fold): a line break and the indentation; else the
// space itself. Returns fold.
bool foldOrSpace(Output &out, bool fold, int indent)
{
    if (!fold) {
        out.put(' ');
        return false;
    }
    out.newline();
    out.padTo(indent);
    return true;
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
            foldOrSpace(out, allowBreaks && !spaces && out.column > kBestWidth && !isSpace(s, i + 1), indent);
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
            foldOrSpace(out, allowBreaks && !spaces && out.column > kBestWidth && i > 0 && i < s.size() - 1
                    && !isSpace(s, i + 1), indent);
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
            if (foldOrSpace(out, allowBreaks && !spaces && out.column > kBestWidth && i > 0 && i < s.size() - 1, indent)
                && isSpace(s, i + 1))
                out.put('\\'); // the next space would be lost at the start of the line
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
