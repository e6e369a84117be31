#include "manifest/yaml_lexical.h"

#include <cstring>

namespace capstan::manifest::yaml {

bool startsIndicator(std::string_view text, std::size_t p, std::size_t lineEnd)
{
    if (p >= lineEnd)
        return false;
    switch (text[p]) {
    case '-':
    case '?':
    case ':':
        return p + 1 >= lineEnd || text[p + 1] == ' ';
    case ',': case '[': case ']': case '{': case '}': case '#': case '&': case '*':
    case '!': case '|': case '>': case '\'': case '"': case '%': case '@': case '`':
        return true;
    default:
        return false;
    }
}

void appendUtf8(std::string &out, char32_t c)
{
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

bool decodeEscape(std::string_view text, std::size_t lineEnd, std::size_t &i, std::string &out)
{
    if (i + 1 >= lineEnd)
        return false; // an escaped line break
    const char e = text[++i];
    int hexDigits = 0;
    switch (e) {
    case '0':
        out += '\0';
        return true;
    case 'a':
        out += '\a';
        return true;
    case 'b':
        out += '\b';
        return true;
    case 't':
        out += '\t';
        return true;
    case 'n':
        out += '\n';
        return true;
    case 'v':
        out += '\v';
        return true;
    case 'f':
        out += '\f';
        return true;
    case 'r':
        out += '\r';
        return true;
    case 'e':
        out += '\x1B';
        return true;
    case ' ':
    case '"':
    case '/':
    case '\\':
        out += e;
        return true;
    case 'N':
        appendUtf8(out, 0x85);
        return true;
    case '_':
        appendUtf8(out, 0xA0);
        return true;
    case 'L':
        appendUtf8(out, 0x2028);
        return true;
    case 'P':
        appendUtf8(out, 0x2029);
        return true;
    case 'x':
        hexDigits = 2;
        break;
    case 'u':
        hexDigits = 4;
        break;
    case 'U':
        hexDigits = 8;
        break;
    default:
        return false;
    }
    char32_t code = 0;
    for (int k = 0; k < hexDigits; ++k) {
        if (i + 1 >= lineEnd)
            return false;
        const char h = text[++i];
        int d = -1;
        if (h >= '0' && h <= '9')
            d = h - '0';
        else if (h >= 'a' && h <= 'f')
            d = h - 'a' + 10;
        else if (h >= 'A' && h <= 'F')
            d = h - 'A' + 10;
        if (d < 0)
            return false;
        code = code * 16 + char32_t(d);
    }
    if ((code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF)
        return false;
    appendUtf8(out, code);
    return true;
}

std::size_t readQuotedInLine(std::string_view text, std::size_t p, std::size_t lineEnd, std::string &value)
{
    const char quote = text[p];
    value.clear();
    for (std::size_t i = p + 1; i < lineEnd; ++i) {
        const char c = text[i];
        if (c == quote) {
            if (quote == '\'' && i + 1 < lineEnd && text[i + 1] == '\'') {
                value += '\'';
                ++i;
                continue;
            }
            return i + 1;
        }
        if (c == '\\' && quote == '"') {
            if (!decodeEscape(text, lineEnd, i, value))
                return std::string_view::npos;
            continue;
        }
        value += c;
    }
    return std::string_view::npos;
}

} // namespace capstan::manifest::yaml
