#pragma once

#include <string_view>

namespace capstan::argo {

// Glob patterns as Argo CD uses them in AppProjects and sync windows (the
// gobwas/glob dialect): `*` any run of characters, `?` one character,
// `[abc]` / `[a-z]` / `[!abc]` a character class, `{a,b}` alternatives, `\`
// escapes the next character. With a separator, `*` and `?` do not cross it
// and `**` does (sourceRepos match with '/'), though a lone "*" matches
// anything. A malformed pattern matches nothing, as in Argo CD.
bool globMatch(std::string_view pattern, std::string_view text, char separator = '\0');

// Argo CD's negatable form (destinations, sourceRepos): "!pattern" matches
// whatever pattern does not.
bool isDenyPattern(std::string_view pattern);
bool globMatchNegatable(std::string_view pattern, std::string_view text, char separator = '\0');

} // namespace capstan::argo
