#include "kustomize/filesystem.h"

#include <algorithm>
#include <mutex>
#include <string_view>
#include <unordered_map>

#include <cerrno>
#include <ctime>

#include <fcntl.h>
#if __has_include(<linux/openat2.h>)
#include <linux/openat2.h>
#include <sys/syscall.h>
#endif
#include <sys/stat.h>
#include <unistd.h>
#include <filesystem>
#include <system_error>

namespace capstan::kustomize {

namespace fs = std::filesystem;

namespace {

// What stat() tells about a file or directory that a write or a new entry changes.
struct FileIdentity
{
    std::int64_t device = 0;
    std::int64_t inode = 0;
    std::int64_t size = 0;
    std::int64_t mtimeSec = 0;
    std::int64_t mtimeNsec = 0;
    std::int64_t ctimeSec = 0;
    std::int64_t ctimeNsec = 0;

    bool operator==(const FileIdentity &) const = default;
};

// Names known to be missing from a directory while it keeps its identity: adding,
// removing or renaming an entry changes the directory's modification and change
// times. Spares the renderer the lookups of the kustomization file names a root
// does not use ("kustomization.yml", "Kustomization"), kept across renders.
class AbsentNames
{
public:
    static AbsentNames &instance()
    {
        static AbsentNames names;
        return names;
    }

    bool contains(const std::string &dir, const FileIdentity &identity, std::string_view name) const
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_dirs.find(dir);
        if (it == m_dirs.end() || !(it->second.identity == identity))
            return false;
        return std::find(it->second.names.begin(), it->second.names.end(), name) != it->second.names.end();
    }

    void add(const std::string &dir, const FileIdentity &identity, std::string name)
    {
        std::lock_guard lock(m_mutex);
        if (m_dirs.size() >= kMaxDirectories)
            m_dirs.clear();
        Known &known = m_dirs[dir];
        if (!(known.identity == identity)) {
            known.identity = identity;
            known.names.clear();
        }
        if (std::find(known.names.begin(), known.names.end(), name) == known.names.end())
            known.names.push_back(std::move(name));
    }

private:
    static constexpr std::size_t kMaxDirectories = 50000;
    struct Known
    {
        FileIdentity identity;
        std::vector<std::string> names;
    };
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, Known> m_dirs;
};

bool isKustomizationFileName(std::string_view name)
{
    for (const char *candidate : kKustomizationFileNames)
        if (name == candidate)
            return true;
    return false;
}

// True when the kernel walks the absolute directory path without meeting a
// symbolic link (openat2's RESOLVE_NO_SYMLINKS); false also where the kernel or
// a sandbox lacks openat2.
bool noLinkOnTheWay(const std::string &path)
{
#if !__has_include(<linux/openat2.h>)
    (void)path;
    return false;
#else
    open_how how {};
    how.flags = O_PATH | O_DIRECTORY | O_CLOEXEC;
    how.resolve = RESOLVE_NO_SYMLINKS;
    const long fd = ::syscall(SYS_openat2, AT_FDCWD, path.c_str(), &how, sizeof how);
    if (fd < 0)
        return false;
    ::close(static_cast<int>(fd));
    return true;
#endif
}

} // namespace

struct DiskFileSystem::Entry
{
    bool exists = false;
    bool directory = false;
    bool symlink = false;
    bool regular = false;
    // Set for regular files and directories whose change time lies before the
    // moment we looked: any later change gives them a later change time.
    bool settled = false;
    FileIdentity identity;
};

struct DiskFileSystem::Cache
{
    std::mutex mutex;
    std::unordered_map<std::string, Entry> entries;
    std::unordered_map<std::string, std::string> canonical;
    // Directories the kernel reached without meeting a symbolic link, at or
    // above them (see noLinkOnTheWay): the roots of this render, mostly.
    std::vector<std::string> linkFree;
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
    // The directory holding path, when this file system has looked at it and it
    // has not changed since (see AbsentNames): for the kustomization file names,
    // the only names the renderer looks for that are often missing.
    const std::string dir = isKustomizationFileName(baseNameView(path)) ? parentPath(path) : std::string();
    const Entry *settledDir = nullptr;
    Entry dirEntry;
    if (!dir.empty()) {
        std::lock_guard lock(m_cache->mutex);
        if (auto it = m_cache->entries.find(dir); it != m_cache->entries.end() && it->second.directory && it->second.settled
            && dir != path) {
            dirEntry = it->second;
            settledDir = &dirEntry;
        }
    }
    Entry e;
    if (settledDir && AbsentNames::instance().contains(dir, settledDir->identity, baseName(path))) {
        std::lock_guard lock(m_cache->mutex);
        m_cache->entries.emplace(path, e);
        return e;
    }
    // The file system stamps change times from the kernel's coarse clock: a file
    // whose change time is before this moment gets a later one from any change
    // that follows (git's "racy" rule).
    timespec now {};
    ::clock_gettime(CLOCK_REALTIME_COARSE, &now);
    struct stat info;
    if (::lstat(path.c_str(), &info) == 0) {
        e.exists = true;
        e.symlink = S_ISLNK(info.st_mode);
        if (e.symlink && ::stat(path.c_str(), &info) != 0)
            e.exists = false;
        e.directory = e.exists && S_ISDIR(info.st_mode);
        e.regular = e.exists && S_ISREG(info.st_mode);
        if (e.regular || e.directory) {
            e.identity = {static_cast<std::int64_t>(info.st_dev), static_cast<std::int64_t>(info.st_ino),
                          static_cast<std::int64_t>(info.st_size), info.st_mtim.tv_sec, info.st_mtim.tv_nsec,
                          info.st_ctim.tv_sec, info.st_ctim.tv_nsec};
            // A change time without a fraction may come from a file system that
            // keeps whole seconds only: then it must lie in an earlier second.
            e.settled = info.st_ctim.tv_sec < now.tv_sec
                || (info.st_ctim.tv_sec == now.tv_sec && info.st_ctim.tv_nsec != 0 && info.st_ctim.tv_nsec < now.tv_nsec);
        }
    } else if (errno == ENOENT && settledDir) {
        AbsentNames::instance().add(dir, settledDir->identity, baseName(path));
    }
    std::lock_guard lock(m_cache->mutex);
    m_cache->entries.emplace(path, e);
    return e;
}

std::string DiskFileSystem::contentKey(const std::string &path) const
{
    const Entry e = entry(path);
    if (!e.regular || !e.settled)
        return {};
    return std::string(reinterpret_cast<const char *>(&e.identity), sizeof e.identity);
}

Result<std::string> DiskFileSystem::readFile(const std::string &path) const
{
    // The size stat() saw is only a hint: read to the end of the file.
    std::size_t expected = 0;
    bool regular = false;
    {
        std::lock_guard lock(m_cache->mutex);
        if (auto it = m_cache->entries.find(path); it != m_cache->entries.end()) {
            regular = it->second.regular;
            expected = static_cast<std::size_t>(std::max<std::int64_t>(it->second.identity.size, 0));
        }
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return makeError("cannot read file", path);
    if (!regular) {
        struct stat info;
        if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode)) {
            regular = true;
            expected = static_cast<std::size_t>(std::max<off_t>(info.st_size, 0));
        }
    }
    // Manifests are small: most arrive in one read() into this buffer, and a
    // short read of a regular file is its end.
    char buffer[16384];
    std::string content;
    content.reserve(expected);
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            ::close(fd);
            return makeError("cannot read file", path);
        }
        content.append(buffer, static_cast<std::size_t>(n));
        if (n == 0 || (regular && static_cast<std::size_t>(n) < sizeof buffer))
            break;
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
    if (resolvesToItself(path))
        return path;
    Error error;
    const std::string *resolved = canonicalRef(path, error);
    if (!resolved)
        return error;
    return *resolved;
}

bool DiskFileSystem::resolvesToItself(const std::string &path) const
{
    if (path.empty() || path[0] != '/' || !isCleanPath(path))
        return false;
    // The longest directory path shares with a link-free directory: it and
    // everything above it hold no link.
    std::size_t shared = 0;
    {
        std::lock_guard lock(m_cache->mutex);
        for (const std::string &dir : m_cache->linkFree)
            shared = std::max(shared, sharedDirectoryLength(path, dir));
    }
    if (shared == 0)
        return false;
    // Below it, no step may be a link; each was looked at on the way here.
    for (std::size_t slash = path.find('/', shared + 1);; slash = path.find('/', slash + 1)) {
        const Entry e = entry(slash == std::string::npos ? path : path.substr(0, slash));
        if (!e.exists || e.symlink)
            return false;
        if (slash == std::string::npos)
            return true;
    }
}

const std::string *DiskFileSystem::canonicalRef(const std::string &path, Error &error) const
{
    {
        std::lock_guard lock(m_cache->mutex);
        if (auto it = m_cache->canonical.find(path); it != m_cache->canonical.end())
            return &it->second;
    }
    std::string resolved;
    if (path == "/") {
        resolved = path; // the root is never a link
    } else {
        const Entry e = entry(path);
        if (!e.exists) {
            error = makeError("cannot resolve path: no such file or directory", path);
            return nullptr;
        }
        // A path that is no link itself resolves through its (cached) parent.
        const std::string parent = parentPath(path);
        bool parentKnown = false;
        {
            std::lock_guard lock(m_cache->mutex);
            parentKnown = m_cache->canonical.find(parent) != m_cache->canonical.end();
        }
        if (e.directory && !e.symlink && path[0] == '/' && !parentKnown && noLinkOnTheWay(path)) {
            // One system call instead of a look at every directory above: it and
            // they resolve to themselves (see resolvesToItself).
            std::lock_guard lock(m_cache->mutex);
            m_cache->linkFree.push_back(path);
            return &m_cache->canonical.emplace(path, path).first->second;
        }
        if (!e.symlink && !path.empty() && path[0] == '/' && parent != path) {
            const std::string *parentResolved = canonicalRef(parent, error);
            if (!parentResolved)
                return nullptr;
            if (*parentResolved == parent)
                resolved = path; // no link above either: the path itself
            else
                resolved = (*parentResolved == "/" ? std::string() : *parentResolved) + "/" + baseName(path);
        } else {
            std::error_code ec;
            const fs::path p = fs::canonical(path, ec);
            if (ec) {
                error = makeError("cannot resolve path: " + ec.message(), path);
                return nullptr;
            }
            resolved = p.generic_string();
        }
    }
    // The map keeps its values in place, so the pointer stays valid.
    std::lock_guard lock(m_cache->mutex);
    return &m_cache->canonical.emplace(path, std::move(resolved)).first->second;
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
