#include "kustomize/paths.h"

#include <algorithm>
#include <vector>

namespace capstan::kustomize {

bool isCleanPath(std::string_view path)
{
    if (path.empty())
        return false;
    if (path == "/")
        return true;
    std::size_t begin = path[0] == '/' ? 1 : 0;
    for (;;) {
        const std::size_t slash = path.find('/', begin);
        const std::string_view part = path.substr(begin, slash == std::string_view::npos ? std::string_view::npos : slash - begin);
        if (part.empty() || part == "." || part == "..")
            return false;
        if (slash == std::string_view::npos)
            return true;
        begin = slash + 1;
    }
}

namespace {

// cleanPath for a string the caller gives away: a clean one is returned as is.
std::string cleaned(std::string path)
{
    if (isCleanPath(path))
        return path;
    const bool absolute = !path.empty() && path[0] == '/';
    // Segments as views into path; ".." pops what it can.
    std::vector<std::string_view> parts;
    const std::string_view view(path);
    std::size_t i = 0;
    while (i <= view.size()) {
        std::size_t j = view.find('/', i);
        if (j == std::string_view::npos)
            j = view.size();
        const std::string_view part = view.substr(i, j - i);
        i = j + 1;
        if (part.empty() || part == ".")
            continue;
        if (part == "..") {
            if (!parts.empty() && parts.back() != "..")
                parts.pop_back();
            else if (!absolute)
                parts.push_back(part);
            continue;
        }
        parts.push_back(part);
    }
    std::string out = absolute ? "/" : "";
    out.reserve(path.size());
    for (std::size_t k = 0; k < parts.size(); ++k) {
        if (k > 0)
            out += '/';
        out += parts[k];
    }
    return out.empty() ? std::string(".") : out;
}

// dir and relative with one slash between them (none after the root).
std::string concatenated(const std::string &dir, const std::string &relative)
{
    std::string joined;
    joined.reserve(dir.size() + 1 + relative.size());
    joined += dir;
    if (dir != "/")
        joined += '/';
    joined += relative;
    return joined;
}

} // namespace

std::string cleanPath(const std::string &path)
{
    return cleaned(path);
}

std::string joinPath(const std::string &dir, const std::string &relative)
{
    if (!relative.empty() && relative[0] == '/')
        return cleanPath(relative);
    return cleaned(concatenated(dir, relative));
}

std::string joinToCleanDir(const std::string &cleanDir, const std::string &relative)
{
    // A clean relative path below a clean directory joins into a clean path;
    // "." (clean, but dropped by a join) and everything else take joinPath.
    if (cleanDir == "." || relative.empty() || relative[0] == '/' || !isCleanPath(relative))
        return joinPath(cleanDir, relative);
    return concatenated(cleanDir, relative);
}

std::string parentPath(const std::string &path)
{
    const auto slash = path.rfind('/');
    if (slash == std::string::npos)
        return ".";
    if (slash == 0)
        return "/";
    return path.substr(0, slash);
}

std::string baseName(const std::string &path)
{
    return std::string(baseNameView(path));
}

bool isWithin(const std::string &path, const std::string &dir)
{
    if (dir == "/")
        return !path.empty() && path[0] == '/';
    return path == dir || (path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 && path[dir.size()] == '/');
}

std::string_view baseNameView(std::string_view path)
{
    const std::size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::size_t sharedDirectoryLength(std::string_view a, std::string_view b)
{
    const std::size_t n = std::min(a.size(), b.size());
    std::size_t i = 0;
    while (i < n && a[i] == b[i])
        ++i;
    const auto ends = [](std::string_view s, std::size_t k) { return k == s.size() || s[k] == '/'; };
    while (i > 0 && !(ends(a, i) && ends(b, i)))
        --i;
    return i;
}

} // namespace capstan::kustomize
