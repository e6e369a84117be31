#pragma once

#include <string>
#include <string_view>

namespace capstan::kustomize {

// Standard base64 (RFC 4648, with '=' padding) of data.
std::string base64(std::string_view data);

// True when text is well-formed UTF-8 (RFC 3629), as Go's utf8.Valid decides:
// no overlong forms, no surrogates, nothing above U+10FFFF. A byte order mark
// is text like any other character.
bool isValidUtf8(std::string_view text);

} // namespace capstan::kustomize
