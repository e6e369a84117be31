#pragma once

namespace capstan::manifest {

// Unicode letters and decimal digits as Go's unicode.IsLetter and
// unicode.IsDigit see them: go-yaml sorts map keys by them. Tables of code
// point ranges, so that the renderer needs no Unicode library.
bool isNonAsciiLetter(char32_t c);
bool isNonAsciiDigit(char32_t c);

inline bool isUnicodeLetter(char32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return isNonAsciiLetter(c);
}

inline bool isUnicodeDigit(char32_t c)
{
    if (c < 0x80)
        return c >= '0' && c <= '9';
    return isNonAsciiDigit(c);
}

} // namespace capstan::manifest
