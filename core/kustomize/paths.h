#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace capstan::kustomize {

// Lexical path helpers ('/'-separated, no file-system access).
std::string cleanPath(const std::string &path);        // folds "//", "." and ".."
std::string joinPath(const std::string &dir, const std::string &relative); // relative may be absolute
// joinPath for a dir that is clean already (as cleanPath returns it, as every
// loader root is): only relative is looked at, which is what makes it cheaper.
std::string joinToCleanDir(const std::string &cleanDir, const std::string &relative);
std::string parentPath(const std::string &path);
std::string baseName(const std::string &path);
std::string_view baseNameView(std::string_view path);
// True when path is dir itself or lies below it (both clean).
bool isWithin(const std::string &path, const std::string &dir);
// True when cleanPath would return path unchanged: no empty, "." or ".." segment
// and no trailing slash (most paths the renderer builds).
bool isCleanPath(std::string_view path);
// The length of the longest directory path a and b (absolute, clean) both lie
// in or are; 0 when that is the root alone.
std::size_t sharedDirectoryLength(std::string_view a, std::string_view b);

} // namespace capstan::kustomize
