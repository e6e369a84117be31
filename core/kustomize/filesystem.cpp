#include "kustomize/filesystem.h"

#include <algorithm>
#include <mutex>
#include <unordered_map>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <filesystem>
#include <system_error>

namespace capstan::kustomize {

namespace fs = std::filesystem;

struct DiskFileSystem::Entry
{
    bool exists = false;
    bool directory = false;
    bool symlink = false;
};

struct DiskFileSystem::Cache
{
    std::mutex mutex;
    std::unordered_map<std::string, Entry> entries;
    std::unordered_map<std::string, std::string> canonical;
};

DiskFileSystem::DiskFileSystem() : m_cache(std::make_unique<Cache>()) {}
DiskFileSystem::~DiskFileSystem() = default;

DiskFileSystem::Entry DiskFileSystem::entry(const std::string &path) const
{
    {
        std::lock_guard lock(m_cache->mutex);
        if (auto it = m_cache->entries.find(path); it != m_cache->entries.end())
            return it->second;
    }
    Entry e;
    struct stat info;
    if (::lstat(path.c_str(), &info) == 0) {
        e.exists = true;
        e.symlink = S_ISLNK(info.st_mode);
        if (e.symlink && ::stat(path.c_str(), &info) != 0)
            e.exists = false;
        e.directory = e.exists && S_ISDIR(info.st_mode);
    }
    std::lock_guard lock(m_cache->mutex);
    m_cache->entries.emplace(path, e);
    return e;
}

Result<std::string> DiskFileSystem::readFile(const std::string &path) const
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return makeError("cannot read file", path);
    std::string content;
    struct stat info;
    if (::fstat(fd, &info) == 0 && info.st_size > 0)
        content.reserve(static_cast<std::size_t>(info.st_size));
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            ::close(fd);
            return makeError("cannot read file", path);
        }
        if (n == 0)
            break;
        content.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return content;
}

bool DiskFileSystem::exists(const std::string &path) const
{
    return entry(path).exists;
}

bool DiskFileSystem::isDirectory(const std::string &path) const
{
    return entry(path).directory;
}

Result<std::vector<std::string>> DiskFileSystem::listDirectory(const std::string &path) const
{
    std::error_code ec;
    std::vector<std::string> names;
    for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
        names.push_back(it->path().filename().string());
    if (ec)
        return makeError("cannot list directory: " + ec.message(), path);
    std::sort(names.begin(), names.end());
    return names;
}

Result<std::string> DiskFileSystem::canonicalPath(const std::string &path) const
{
    {
        std::lock_guard lock(m_cache->mutex);
        if (auto it = m_cache->canonical.find(path); it != m_cache->canonical.end())
            return it->second;
    }
    std::string resolved;
    const Entry e = entry(path);
    if (!e.exists)
        return makeError("cannot resolve path: no such file or directory", path);
    // A path that is no link itself resolves through its (cached) parent.
    const std::string parent = parentPath(path);
    if (!e.symlink && !path.empty() && path[0] == '/' && path != "/" && parent != path) {
        auto parentResolved = canonicalPath(parent);
        if (!parentResolved)
            return parentResolved;
        resolved = (*parentResolved == "/" ? std::string() : *parentResolved) + "/" + baseName(path);
    } else {
        std::error_code ec;
        const fs::path p = fs::canonical(path, ec);
        if (ec)
            return makeError("cannot resolve path: " + ec.message(), path);
        resolved = p.generic_string();
    }
    std::lock_guard lock(m_cache->mutex);
    m_cache->canonical.emplace(path, resolved);
    return resolved;
}

void RecordingFileSystem::record(const std::string &path) const
{
    std::lock_guard lock(m_mutex);
    m_paths.insert(path);
}

Result<std::string> RecordingFileSystem::readFile(const std::string &path) const
{
    record(path);
    return m_inner.readFile(path);
}

bool RecordingFileSystem::exists(const std::string &path) const
{
    record(path);
    return m_inner.exists(path);
}

bool RecordingFileSystem::isDirectory(const std::string &path) const
{
    record(path);
    return m_inner.isDirectory(path);
}

Result<std::vector<std::string>> RecordingFileSystem::listDirectory(const std::string &path) const
{
    record(path);
    return m_inner.listDirectory(path);
}

Result<std::string> RecordingFileSystem::canonicalPath(const std::string &path) const
{
    record(path);
    return m_inner.canonicalPath(path);
}

std::vector<std::string> RecordingFileSystem::pathsUsed() const
{
    std::lock_guard lock(m_mutex);
    return {m_paths.begin(), m_paths.end()};
}

std::string cleanPath(const std::string &path)
{
    const bool absolute = !path.empty() && path[0] == '/';
    std::vector<std::string> parts;
    std::size_t i = 0;
    while (i <= path.size()) {
        std::size_t j = path.find('/', i);
        if (j == std::string::npos)
            j = path.size();
        std::string part = path.substr(i, j - i);
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
        parts.push_back(std::move(part));
    }
    std::string out = absolute ? "/" : "";
    for (std::size_t k = 0; k < parts.size(); ++k) {
        if (k > 0)
            out += '/';
        out += parts[k];
    }
    return out.empty() ? std::string(".") : out;
}

std::string joinPath(const std::string &dir, const std::string &relative)
{
    if (!relative.empty() && relative[0] == '/')
        return cleanPath(relative);
    return cleanPath(dir + "/" + relative);
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
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool isWithin(const std::string &path, const std::string &dir)
{
    if (dir == "/")
        return !path.empty() && path[0] == '/';
    return path == dir || (path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 && path[dir.size()] == '/');
}

std::optional<std::string> findKustomizationFile(const FileSystem &fs, const std::string &dir)
{
    for (const char *name : kKustomizationFileNames) {
        const std::string path = joinPath(dir, name);
        if (fs.exists(path) && !fs.isDirectory(path))
            return path;
    }
    return std::nullopt;
}

} // namespace capstan::kustomize
