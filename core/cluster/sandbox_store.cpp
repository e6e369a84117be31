#include "cluster/sandbox_store_p.h"

#include <sqlite3.h>

namespace capstan::cluster::detail {

// One use of a cached prepared statement; resets it when done. Binds are 1-based, as SQLite's.
class SandboxStore::Statement
{
public:
    Statement(SandboxStore &store, const std::string &sql) { m_stmt = store.prepared(sql, m_rc); }
    ~Statement()
    {
        if (m_stmt) {
            sqlite3_reset(m_stmt);
            sqlite3_clear_bindings(m_stmt);
        }
    }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool ok() const { return m_rc == SQLITE_OK || m_rc == SQLITE_ROW || m_rc == SQLITE_DONE; }
    Statement &bind(int i, const std::string &s)
    {
        sqlite3_bind_text(m_stmt, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement &bind(int i, std::int64_t v)
    {
        sqlite3_bind_int64(m_stmt, i, v);
        return *this;
    }
    // True while there is a row; check ok() after the loop.
    bool step()
    {
        if (!ok())
            return false;
        m_rc = sqlite3_step(m_stmt);
        return m_rc == SQLITE_ROW;
    }
    std::string text(int col) const
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, col))) : std::string();
    }
    std::int64_t integer(int col) const { return sqlite3_column_int64(m_stmt, col); }
    ResourceKey key(int first) const { return { text(first), text(first + 1), text(first + 2), text(first + 3) }; }

private:
    sqlite3_stmt *m_stmt = nullptr;
    int m_rc = SQLITE_OK;
};

namespace {

const char *const kSchema = R"(
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS objects (
    grp TEXT NOT NULL, kind TEXT NOT NULL, ns TEXT NOT NULL, name TEXT NOT NULL,
    uid TEXT NOT NULL, labels TEXT NOT NULL, annotations TEXT NOT NULL, body TEXT NOT NULL,
    PRIMARY KEY (grp, kind, ns, name));
CREATE INDEX IF NOT EXISTS objects_ns ON objects (ns);
CREATE UNIQUE INDEX IF NOT EXISTS objects_uid ON objects (uid);
CREATE TABLE IF NOT EXISTS owners (child_uid TEXT NOT NULL, owner_uid TEXT NOT NULL,
    PRIMARY KEY (child_uid, owner_uid));
CREATE INDEX IF NOT EXISTS owners_owner ON owners (owner_uid);
CREATE TABLE IF NOT EXISTS registry_tags (repository TEXT NOT NULL, tag TEXT NOT NULL,
    PRIMARY KEY (repository, tag));
CREATE TABLE IF NOT EXISTS registry_broken (reference TEXT PRIMARY KEY);
)";

} // namespace

ApiResult<std::unique_ptr<SandboxStore>> SandboxStore::open(const std::string &path)
{
    sqlite3 *db = nullptr;
    const int rc
        = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        ApiError error(
            ErrorCode::Unavailable, std::string("cannot open the sandbox database: ") + sqlite3_errstr(rc), path);
        sqlite3_close(db);
        return error;
    }
    std::unique_ptr<SandboxStore> store(new SandboxStore(db));
    sqlite3_busy_timeout(db, 5000);
    for (const char *sql : { "PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", kSchema }) {
        if (auto r = store->exec(sql); !r)
            return r.error();
    }
    return store;
}

SandboxStore::~SandboxStore()
{
    for (auto &[sql, stmt] : m_statements)
        sqlite3_finalize(stmt);
    sqlite3_close(m_db);
}

sqlite3_stmt *SandboxStore::prepared(const std::string &sql, int &rc)
{
    rc = SQLITE_OK;
    if (auto it = m_statements.find(sql); it != m_statements.end())
        return it->second;
    sqlite3_stmt *stmt = nullptr;
    rc = sqlite3_prepare_v3(m_db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return nullptr;
    }
    m_statements.emplace(sql, stmt);
    return stmt;
}

ApiError SandboxStore::failure(const std::string &what) const
{
    return ApiError(ErrorCode::Unavailable, "sandbox storage failed to " + what + ": " + sqlite3_errmsg(m_db));
}

ApiResult<void> SandboxStore::exec(const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        ApiError error(ErrorCode::Unavailable, std::string("sandbox storage failed: ") + (message ? message : "?"));
        sqlite3_free(message);
        return error;
    }
    return {};
}

ApiResult<void> SandboxStore::begin()
{
    return exec("BEGIN IMMEDIATE");
}

ApiResult<void> SandboxStore::commit()
{
    return exec("COMMIT");
}

void SandboxStore::rollback()
{
    if (!sqlite3_get_autocommit(m_db))
        (void)exec("ROLLBACK");
}

ApiResult<std::optional<std::string>> SandboxStore::body(const ResourceKey &key)
{
    Statement st(*this, "SELECT body FROM objects WHERE grp=?1 AND kind=?2 AND ns=?3 AND name=?4");
    st.bind(1, key.group).bind(2, key.kind).bind(3, key.ns).bind(4, key.name);
    std::optional<std::string> out;
    if (st.step())
        out = st.text(0);
    if (!st.ok())
        return failure("read " + key.toString());
    return out;
}

ApiResult<std::vector<StoredObject>> SandboxStore::select(const std::optional<GroupKind> &kind, const std::string &ns)
{
    std::string sql = "SELECT grp, kind, ns, name, uid, labels, annotations, body FROM objects WHERE 1";
    if (kind)
        sql += " AND grp=?1 AND kind=?2";
    if (!ns.empty())
        sql += " AND ns=?3";
    sql += " ORDER BY grp, kind, ns, name";
    Statement st(*this, sql);
    if (kind)
        st.bind(1, kind->group).bind(2, kind->kind);
    if (!ns.empty())
        st.bind(3, ns);
    std::vector<StoredObject> out;
    while (st.step())
        out.push_back({ st.key(0), st.text(4), st.text(5), st.text(6), st.text(7) });
    if (!st.ok())
        return failure("list objects");
    return out;
}

ApiResult<void> SandboxStore::put(const StoredObject &o, const std::vector<std::string> &ownerUids)
{
    Statement st(*this,
        "INSERT INTO objects (grp, kind, ns, name, uid, labels, annotations, body) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (grp, kind, ns, name) DO UPDATE SET "
        "uid=excluded.uid, labels=excluded.labels, annotations=excluded.annotations, body=excluded.body");
    st.bind(1, o.key.group).bind(2, o.key.kind).bind(3, o.key.ns).bind(4, o.key.name);
    st.bind(5, o.uid).bind(6, o.labels).bind(7, o.annotations).bind(8, o.body);
    st.step();
    if (!st.ok())
        return failure("write " + o.key.toString());
    Statement clear(*this, "DELETE FROM owners WHERE child_uid=?1");
    clear.bind(1, o.uid).step();
    for (const std::string &owner : ownerUids) {
        Statement add(*this, "INSERT OR IGNORE INTO owners (child_uid, owner_uid) VALUES (?1, ?2)");
        add.bind(1, o.uid).bind(2, owner).step();
        if (!add.ok())
            return failure("record the owners of " + o.key.toString());
    }
    return {};
}

ApiResult<void> SandboxStore::erase(const ResourceKey &key, const std::string &uid)
{
    Statement st(*this, "DELETE FROM objects WHERE grp=?1 AND kind=?2 AND ns=?3 AND name=?4");
    st.bind(1, key.group).bind(2, key.kind).bind(3, key.ns).bind(4, key.name).step();
    Statement owners(*this, "DELETE FROM owners WHERE child_uid=?1");
    owners.bind(1, uid).step();
    if (!st.ok() || !owners.ok())
        return failure("delete " + key.toString());
    return {};
}

ApiResult<std::vector<ResourceKey>> SandboxStore::dependentsOf(const std::string &ownerUid)
{
    Statement st(*this,
        "SELECT o.grp, o.kind, o.ns, o.name FROM owners w JOIN objects o ON o.uid = w.child_uid "
        "WHERE w.owner_uid=?1 ORDER BY o.grp, o.kind, o.ns, o.name");
    st.bind(1, ownerUid);
    std::vector<ResourceKey> out;
    while (st.step())
        out.push_back(st.key(0));
    if (!st.ok())
        return failure("find dependents");
    return out;
}

ApiResult<std::vector<ResourceKey>> SandboxStore::orphans()
{
    Statement st(*this,
        "SELECT o.grp, o.kind, o.ns, o.name FROM objects o WHERE o.uid IN (SELECT child_uid FROM owners) "
        "AND NOT EXISTS (SELECT 1 FROM owners w JOIN objects p ON p.uid = w.owner_uid "
        "WHERE w.child_uid = o.uid)");
    std::vector<ResourceKey> out;
    while (st.step())
        out.push_back(st.key(0));
    if (!st.ok())
        return failure("find orphaned objects");
    return out;
}

ApiResult<std::int64_t> SandboxStore::counter(const std::string &name, std::int64_t fallback)
{
    Statement st(*this, "SELECT value FROM counters WHERE name=?1");
    st.bind(1, name);
    std::int64_t out = fallback;
    if (st.step())
        out = st.integer(0);
    if (!st.ok())
        return failure("read counter " + name);
    return out;
}

ApiResult<void> SandboxStore::setCounter(const std::string &name, std::int64_t value)
{
    Statement st(*this,
        "INSERT INTO counters (name, value) VALUES (?1, ?2) "
        "ON CONFLICT (name) DO UPDATE SET value=excluded.value");
    st.bind(1, name).bind(2, value).step();
    if (!st.ok())
        return failure("write counter " + name);
    return {};
}

ApiResult<void> SandboxStore::addTags(const std::string &repository, const std::vector<std::string> &tags)
{
    for (const std::string &tag : tags) {
        Statement st(*this, "INSERT OR IGNORE INTO registry_tags (repository, tag) VALUES (?1, ?2)");
        st.bind(1, repository).bind(2, tag).step();
        if (!st.ok())
            return failure("record image " + repository + ":" + tag);
    }
    return {};
}

ApiResult<void> SandboxStore::markBroken(const std::string &reference, bool broken)
{
    Statement st(*this,
        broken ? "INSERT OR IGNORE INTO registry_broken (reference) VALUES (?1)"
               : "DELETE FROM registry_broken WHERE reference=?1");
    st.bind(1, reference).step();
    if (!st.ok())
        return failure("mark image " + reference);
    return {};
}

ApiResult<std::optional<std::vector<std::string>>> SandboxStore::tagsOf(const std::string &repository)
{
    Statement st(*this, "SELECT tag FROM registry_tags WHERE repository=?1 ORDER BY tag");
    st.bind(1, repository);
    std::vector<std::string> tags;
    while (st.step())
        tags.push_back(st.text(0));
    if (!st.ok())
        return failure("read registry");
    if (tags.empty())
        return std::optional<std::vector<std::string>>();
    return std::optional<std::vector<std::string>>(std::move(tags));
}

ApiResult<bool> SandboxStore::isBroken(const std::string &reference)
{
    Statement st(*this, "SELECT 1 FROM registry_broken WHERE reference=?1");
    st.bind(1, reference);
    const bool found = st.step();
    if (!st.ok())
        return failure("read registry");
    return found;
}

} // namespace capstan::cluster::detail
