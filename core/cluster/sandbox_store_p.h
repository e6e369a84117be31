#pragma once

// The sandbox's SQLite file: objects as compact JSON rows keyed by group/kind/namespace/
// name, their owner references, counters, and the simulated registry. One connection;
// the caller serialises access.

#include "cluster/api_result.h"
#include "cluster/resource_key.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace capstan::cluster::detail {

struct StoredObject
{
    ResourceKey key;
    std::string uid;
    std::string labels; // JSON map
    std::string annotations; // JSON map
    std::string body; // the whole object, JSON
};

class SandboxStore
{
public:
    static ApiResult<std::unique_ptr<SandboxStore>> open(const std::string &path);
    ~SandboxStore();
    SandboxStore(const SandboxStore &) = delete;
    SandboxStore &operator=(const SandboxStore &) = delete;

    ApiResult<void> begin();
    ApiResult<void> commit();
    void rollback();

    ApiResult<std::optional<std::string>> body(const ResourceKey &key);
    // Rows of one kind (or all kinds when `kind` is empty) in one namespace (all when empty).
    ApiResult<std::vector<StoredObject>> select(const std::optional<GroupKind> &kind, const std::string &ns);
    ApiResult<void> put(const StoredObject &object, const std::vector<std::string> &ownerUids);
    ApiResult<void> erase(const ResourceKey &key, const std::string &uid);
    ApiResult<std::vector<ResourceKey>> dependentsOf(const std::string &ownerUid);
    // Objects every owner of which is gone: what the garbage collector deletes.
    ApiResult<std::vector<ResourceKey>> orphans();

    ApiResult<std::int64_t> counter(const std::string &name, std::int64_t fallback);
    ApiResult<void> setCounter(const std::string &name, std::int64_t value);

    // Registry tables: repositories with explicit tag lists, and broken references.
    ApiResult<void> addTags(const std::string &repository, const std::vector<std::string> &tags);
    ApiResult<void> markBroken(const std::string &reference, bool broken);
    ApiResult<std::optional<std::vector<std::string>>> tagsOf(const std::string &repository);
    ApiResult<bool> isBroken(const std::string &reference);

private:
    explicit SandboxStore(sqlite3 *db)
        : m_db(db)
    {
    }
    class Statement;
    // Statements are prepared once per connection and reused.
    sqlite3_stmt *prepared(const std::string &sql, int &rc);
    ApiResult<void> exec(const char *sql);
    ApiError failure(const std::string &what) const;

    sqlite3 *m_db = nullptr;
    std::unordered_map<std::string, sqlite3_stmt *> m_statements;
};

} // namespace capstan::cluster::detail
