#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace capstan::kustomize {

// Standard base64 (RFC 4648, with '=' padding) of data.
std::string base64(std::string_view data);

// The length of the well-formed UTF-8 sequence at text[i] (RFC 3629: no
// overlong form, no surrogate, nothing above U+10FFFF), with its code point;
// 0 when the bytes there are not one.
std::size_t utf8SequenceLength(std::string_view text, std::size_t i, char32_t &codePoint);

// True when text is well-formed UTF-8 (RFC 3629), as Go's utf8.Valid decides:
// no overlong forms, no surrogates, nothing above U+10FFFF. A byte order mark
// is text like any other character.
bool isValidUtf8(std::string_view text);

} // namespace capstan::kustomize
