#pragma once

#include "kustomize/filesystem.h"

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace capstan::kustomize {

// What the renderer parsed from files (kustomizations, resources, patches), kept
// across renders in one process: a base that several overlays share is read and
// parsed once. An entry is used only while the file system's content key for the
// file is unchanged, so a render never sees stale content; a file system that
// cannot key its files ("") is never cached. One entry per path (a newer version
// replaces the older); the whole cache is dropped when it holds more than
// kMaxEntries files or kMaxSourceBytes of their text (parsed trees take several
// times their text), so it stays about as large as the trees being rendered.
template <typename T>
class ParseCache
{
public:
    static ParseCache &instance()
    {
        static ParseCache cache;
        return cache;
    }

    std::shared_ptr<const T> find(const std::string &path, const std::string &key) const
    {
        if (key.empty())
            return nullptr;
        std::lock_guard lock(m_mutex);
        const auto it = m_entries.find(path);
        if (it == m_entries.end() || it->second.key != key)
            return nullptr;
        return it->second.value;
    }

    // sourceBytes: the size of the text value was parsed from.
    void insert(const std::string &path, std::string key, std::shared_ptr<const T> value, std::size_t sourceBytes)
    {
        if (key.empty())
            return;
        std::lock_guard lock(m_mutex);
        if (m_entries.size() >= kMaxEntries || m_sourceBytes + sourceBytes > kMaxSourceBytes) {
            m_entries.clear();
            m_sourceBytes = 0;
        }
        m_entries.insert_or_assign(path, Entry{std::move(key), std::move(value)});
        m_sourceBytes += sourceBytes; // a replaced version stays counted until the next drop
    }

    void clear()
    {
        std::lock_guard lock(m_mutex);
        m_entries.clear();
        m_sourceBytes = 0;
    }

private:
    static constexpr std::size_t kMaxEntries = 20000;
    static constexpr std::size_t kMaxSourceBytes = 16 * 1024 * 1024;

    struct Entry
    {
        std::string key;
        std::shared_ptr<const T> value;
    };
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, Entry> m_entries;
    std::size_t m_sourceBytes = 0;
};

// Drops everything every parse cache holds (tests; memory pressure).
void clearParseCaches();

} // namespace capstan::kustomize
