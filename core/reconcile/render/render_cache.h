#pragma once

#include "git/snapshot.h"

#include <QString>

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace capstan::render {

// A path a render looked at and the Git id it had then (empty: it did not exist).
struct Dependency
{
    QString path;
    QString id;
};

// The ids, in snapshot, of every path in paths ("/a/b" form).
std::vector<Dependency> dependenciesAt(const std::vector<std::string> &paths, const git::Snapshot &snapshot);

// Render results keyed by what was rendered (a path plus any options) and
// valid for every revision in which each path the render looked at has the same
// Git id: an unchanged overlay is never rendered twice, whichever commit is asked
// for, while a change to anything it reads — its base included — is seen at once.
// Thread-safe.
template<typename Value>
class RenderCache final
{
public:
    struct Stats
    {
        std::size_t hits = 0;
        std::size_t misses = 0;
    };

    explicit RenderCache(std::size_t entriesPerKey = 4) : m_entriesPerKey(entriesPerKey) {}

    std::shared_ptr<const Value> find(const std::string &key, const git::Snapshot &snapshot)
    {
        std::vector<Entry> candidates;
        {
            std::lock_guard lock(m_mutex);
            auto it = m_entries.find(key);
            if (it != m_entries.end())
                candidates = it->second;
        }
        for (const Entry &entry : candidates) {
            if (stillValid(entry.dependencies, snapshot)) {
                std::lock_guard lock(m_mutex);
                ++m_stats.hits;
                return entry.value;
            }
        }
        std::lock_guard lock(m_mutex);
        ++m_stats.misses;
        return nullptr;
    }

    void insert(const std::string &key, std::vector<Dependency> dependencies, std::shared_ptr<const Value> value)
    {
        std::lock_guard lock(m_mutex);
        std::vector<Entry> &list = m_entries[key];
        list.insert(list.begin(), Entry{std::move(dependencies), std::move(value)});
        if (list.size() > m_entriesPerKey)
            list.resize(m_entriesPerKey);
    }

    Stats stats() const
    {
        std::lock_guard lock(m_mutex);
        return m_stats;
    }

    void clear()
    {
        std::lock_guard lock(m_mutex);
        m_entries.clear();
    }

private:
    struct Entry
    {
        std::vector<Dependency> dependencies;
        std::shared_ptr<const Value> value;
    };

    static bool stillValid(const std::vector<Dependency> &dependencies, const git::Snapshot &snapshot)
    {
        for (const Dependency &d : dependencies) {
            auto id = snapshot.entryId(d.path);
            if ((id ? *id : QString()) != d.id)
                return false;
        }
        return true;
    }

    std::size_t m_entriesPerKey;
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, std::vector<Entry>> m_entries;
    Stats m_stats;
};

} // namespace capstan::render
