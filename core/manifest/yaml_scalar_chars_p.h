#pragma once

#include <cstddef>
#include <string_view>

// go-yaml's character classes over UTF-8 bytes, shared by the scalar style
// decision (yaml_scalar_style.cpp) and the scalar writers (yaml_scalar_write.cpp).
// Private to core/manifest.
namespace capstan::manifest::yaml::chars {

using Bytes = std::string_view;

inline unsigned char at(Bytes s, std::size_t i)
{
    return i < s.size() ? static_cast<unsigned char>(s[i]) : 0;
}

// Byte length of the UTF-8 character starting at i.
inline std::size_t width(Bytes s, std::size_t i)
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

// The code point of the w bytes at i (w from width()); a byte that starts no
// sequence stands for itself, and bytes past the end read as 0.
inline char32_t decode(Bytes s, std::size_t i, std::size_t w)
{
    const unsigned char c = at(s, i);
    char32_t v = w == 1 ? c : w == 2 ? (c & 0x1F) : w == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < w; ++k)
        v = (v << 6) | (at(s, i + k) & 0x3F);
    return v;
}

inline bool isSpace(Bytes s, std::size_t i)
{
    return at(s, i) == ' ';
}

inline bool isBlank(Bytes s, std::size_t i)
{
    return at(s, i) == ' ' || at(s, i) == '\t';
}

// \r, \n, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR.
inline bool isBreak(Bytes s, std::size_t i)
{
    const unsigned char c = at(s, i);
    return c == '\r' || c == '\n' || (c == 0xC2 && at(s, i + 1) == 0x85)
        || (c == 0xE2 && at(s, i + 1) == 0x80 && (at(s, i + 2) == 0xA8 || at(s, i + 2) == 0xA9));
}

inline bool isBlankOrEnd(Bytes s, std::size_t i)
{
    return isBlank(s, i) || isBreak(s, i) || i >= s.size() || at(s, i) == 0;
}

// The characters go-yaml writes unescaped (YAML's printable set minus 4-byte
// characters, which its check does not admit).
inline bool isPrintable(Bytes s, std::size_t i)
{
    const unsigned char c = at(s, i), c1 = at(s, i + 1), c2 = at(s, i + 2);
    return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c == 0xC2 && c1 >= 0xA0) || (c > 0xC2 && c < 0xED)
        || (c == 0xED && c1 < 0xA0) || c == 0xEE
        || (c == 0xEF && !(c1 == 0xBB && c2 == 0xBF) && !(c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF)));
}

inline bool isBom(Bytes s, std::size_t i)
{
    return at(s, i) == 0xEF && at(s, i + 1) == 0xBB && at(s, i + 2) == 0xBF;
}

} // namespace capstan::manifest::yaml::chars
