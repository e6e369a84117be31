#pragma once

// One SQLite connection to the history database, and the statements run on it.
// A connection belongs to one thread at a time; every error names the file.

#include "common/result.h"

#include <QDateTime>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace capstan::history::detail {

class Connection;

// A prepared statement. Bind errors are kept and reported by step()/run().
class Statement
{
public:
    Statement(Connection &connection, std::string_view sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    // Parameters are 1-based, as in SQLite.
    Statement &bind(int index, std::string_view text);
    Statement &bind(int index, std::int64_t value);
    Statement &bind(int index, const QDateTime &time); // UTC ISO 8601 with milliseconds
    Statement &bindNull(int index);

    // True while there is a row to read; false when done.
    capstan::Result<bool> step();
    // Steps to the end, for statements without rows.
    capstan::Result<void> run();
    // Steps through every row, calling `onRow` on each.
    capstan::Result<void> each(const std::function<void()> &onRow);

    // Columns are 0-based.
    bool isNull(int column) const;
    std::string text(int column) const;
    std::int64_t integer(int column) const;
    QDateTime time(int column) const; // invalid for NULL

private:
    void keep(int rc);

    Connection &m_connection;
    sqlite3_stmt *m_stmt = nullptr;
    int m_firstError = 0; // an SQLite result code, 0 while all went well
};

enum class TransactionMode { Read, Write };

class Connection
{
public:
    static capstan::Result<std::unique_ptr<Connection>> open(const std::string &path);
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    sqlite3 *handle() const { return m_db; }
    const std::string &path() const { return m_path; }

    // An Error about `what`, with SQLite's last message, naming the database file.
    capstan::Error failure(std::string_view what) const;
    capstan::Error failure(std::string_view what, int rc) const;
    // An Error that is not SQLite's, naming the database file.
    capstan::Error error(std::string message) const;

    capstan::Result<void> exec(const char *sql, std::string_view what);
    // Runs `body` in a transaction (BEGIN IMMEDIATE for writes, so writers queue
    // on the busy timeout instead of deadlocking); commits when it succeeds,
    // rolls back when it fails. Errors are prefixed with `what`.
    capstan::Result<void> transaction(
        TransactionMode mode, std::string_view what, const std::function<capstan::Result<void>()> &body);
    // A read transaction around `body`, for a consistent view over several queries.
    template<typename T> capstan::Result<T> read(std::string_view what, const std::function<capstan::Result<T>()> &body)
    {
        std::optional<T> value;
        auto done = transaction(TransactionMode::Read, what, [&]() -> capstan::Result<void> {
            capstan::Result<T> result = body();
            if (!result)
                return result.error();
            value = std::move(result.value());
            return {};
        });
        if (!done)
            return done.error();
        return std::move(*value);
    }
    std::int64_t lastInsertId() const;
    int changes() const;

private:
    Connection(sqlite3 *db, std::string path)
        : m_db(db)
        , m_path(std::move(path))
    {
    }

    sqlite3 *m_db = nullptr;
    std::string m_path;
};

// Times as stored: "2026-11-26T04:32:21.123Z", which sorts as text in time order.
std::string storedTime(const QDateTime &time);
// `time` in UTC, or now where it is invalid.
QDateTime orNow(const QDateTime &time);

} // namespace capstan::history::detail
