#pragma once

#include "common/result.h"
#include "kustomize/paths.h"

#include <memory>
#include <mutex>
#include <set>
#include <optional>
#include <string>
#include <vector>

namespace capstan::kustomize {

// The read-only view of a tree that the renderer works on. Paths are '/'-separated
// and absolute within the file system (for a Git tree: relative to the repository
// root, written with a leading '/'). The renderer reads nothing except through
// this interface, so a render is a pure function of the files it reads.
class FileSystem
{
public:
    virtual ~FileSystem() = default;

    virtual Result<std::string> readFile(const std::string &path) const = 0;
    virtual bool exists(const std::string &path) const = 0;
    virtual bool isDirectory(const std::string &path) const = 0;
    // Names (not paths) of the entries of a directory, sorted.
    virtual Result<std::vector<std::string>> listDirectory(const std::string &path) const = 0;
    // The path with every symbolic link resolved; the load restrictor compares these.
    virtual Result<std::string> canonicalPath(const std::string &path) const = 0;
    // A key that differs whenever the file at path may hold other content than when
    // the key was last taken, or "" when the file system cannot promise that. The
    // renderer keeps what it parsed from a file under path and key, across renders
    // in one process; "" (the default) means: parse afresh every time.
    virtual std::string contentKey(const std::string &path) const
    {
        (void)path;
        return {};
    }
};

// The local disk. It remembers what it has looked up (file types, resolved
// paths), so use a fresh one for each render that should see new changes.
// Across renders it keeps only facts tied to a directory's identity (which of
// the kustomization file names are missing; see filesystem.cpp), and it keys
// files for the renderer's parse cache by their metadata (contentKey).
class DiskFileSystem final : public FileSystem
{
public:
    DiskFileSystem();
    ~DiskFileSystem() override;

    Result<std::string> readFile(const std::string &path) const override;
    bool exists(const std::string &path) const override;
    bool isDirectory(const std::string &path) const override;
    Result<std::vector<std::string>> listDirectory(const std::string &path) const override;
    Result<std::string> canonicalPath(const std::string &path) const override;
    // Device, inode, size, modification and change times of a regular file, taken
    // when this file system first looked at it; "" while the file is younger than
    // the clock's resolution (a write in the same tick would leave it unchanged).
    std::string contentKey(const std::string &path) const override;

private:
    struct Entry;
    Entry entry(const std::string &path) const;
    // True when path is no link and lies below a directory known to be reached
    // without one, through directories that are no links: it is its own
    // canonical path, found without building those of the directories above.
    bool resolvesToItself(const std::string &path) const;
    // canonicalPath, as the string the cache holds (nullptr and error on failure).
    const std::string *canonicalRef(const std::string &path, Error &error) const;
    struct Cache;
    std::unique_ptr<Cache> m_cache;
};

// Wraps another file system and remembers every path the renderer asked about
// (read, tested, listed or resolved): the inputs a cached render depends on.
class RecordingFileSystem final : public FileSystem
{
public:
    explicit RecordingFileSystem(const FileSystem &inner) : m_inner(inner) {}

    Result<std::string> readFile(const std::string &path) const override;
    bool exists(const std::string &path) const override;
    bool isDirectory(const std::string &path) const override;
    Result<std::vector<std::string>> listDirectory(const std::string &path) const override;
    Result<std::string> canonicalPath(const std::string &path) const override;
    std::string contentKey(const std::string &path) const override;

    // Sorted, without duplicates.
    std::vector<std::string> pathsUsed() const;

private:
    void record(const std::string &path) const;

    const FileSystem &m_inner;
    mutable std::mutex m_mutex;
    mutable std::set<std::string> m_paths;
};

// The names a kustomization file may have, in the order kustomize looks for them.
inline constexpr const char *kKustomizationFileNames[] = {"kustomization.yaml", "kustomization.yml", "Kustomization"};

// The kustomization file in dir (its path), or nothing when dir holds none.
std::optional<std::string> findKustomizationFile(const FileSystem &fs, const std::string &dir);

} // namespace capstan::kustomize
