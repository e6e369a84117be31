#include "reconcile/history/connection_p.h"

#include <sqlite3.h>

#include <QThread>

namespace capstan::history::detail {

namespace {

// Writers from other connections wait this long for the lock before failing.
constexpr int kBusyTimeoutMs = 10000;

} // namespace

std::string storedTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs).toStdString();
}

QDateTime orNow(const QDateTime &time)
{
    return time.isValid() ? time.toUTC() : QDateTime::currentDateTimeUtc();
}

// --- Statement ---

Statement::Statement(Connection &connection, std::string_view sql)
    : m_connection(connection)
{
    keep(sqlite3_prepare_v2(connection.handle(), sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr));
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

void Statement::keep(int rc)
{
    if (rc != SQLITE_OK && m_firstError == 0)
        m_firstError = rc;
}

Statement &Statement::bind(int index, std::string_view text)
{
    if (m_stmt)
        keep(sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT));
    return *this;
}

Statement &Statement::bind(int index, std::int64_t value)
{
    if (m_stmt)
        keep(sqlite3_bind_int64(m_stmt, index, value));
    return *this;
}

Statement &Statement::bind(int index, const QDateTime &time)
{
    if (!time.isValid())
        return bindNull(index);
    return bind(index, std::string_view(storedTime(time)));
}

Statement &Statement::bindNull(int index)
{
    if (m_stmt)
        keep(sqlite3_bind_null(m_stmt, index));
    return *this;
}

capstan::Result<bool> Statement::step()
{
    if (m_firstError != 0 || !m_stmt)
        return m_connection.failure("cannot prepare a query", m_firstError);
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return m_connection.failure("query failed");
}

capstan::Result<void> Statement::run()
{
    while (true) {
        auto row = step();
        if (!row)
            return row.error();
        if (!*row)
            return {};
    }
}

capstan::Result<void> Statement::each(const std::function<void()> &onRow)
{
    while (true) {
        auto row = step();
        if (!row)
            return row.error();
        if (!*row)
            return {};
        onRow();
    }
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::string Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return data ? std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column))) : std::string();
}

std::int64_t Statement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QDateTime Statement::time(int column) const
{
    if (isNull(column))
        return {};
    QDateTime t = QDateTime::fromString(QString::fromStdString(text(column)), Qt::ISODateWithMs);
    return t.toUTC();
}

// --- Connection ---

capstan::Result<std::unique_ptr<Connection>> Connection::open(const std::string &path)
{
    sqlite3 *db = nullptr;
    // NOMUTEX: a connection is confined to one thread at a time; threads open their own.
    const int rc
        = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        capstan::Error error = capstan::makeError(
            std::string("cannot open the history database: ") + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)), path);
        sqlite3_close(db);
        return error;
    }
    std::unique_ptr<Connection> connection(new Connection(db, path));
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, kBusyTimeoutMs);

    // Switching to WAL needs a moment of exclusive access; a connection opening
    // at the same time can make it fail with SQLITE_BUSY despite the timeout.
    for (int attempt = 0;; ++attempt) {
        Statement wal(*connection, "PRAGMA journal_mode=WAL");
        auto row = wal.step();
        if (row && *row) {
            if (wal.text(0) != "wal")
                return connection->error(
                    "cannot switch the history database to WAL mode (it reports \"" + wal.text(0) + "\")");
            break;
        }
        if (!row && (sqlite3_errcode(db) & 0xff) == SQLITE_BUSY && attempt < 200) {
            QThread::msleep(50);
            continue;
        }
        return row ? connection->error("cannot switch the history database to WAL mode") : row.error();
    }
    // FULL: a finished operation or an audit event survives a power cut, not only a crash.
    for (const char *pragma : { "PRAGMA foreign_keys=ON", "PRAGMA synchronous=FULL" }) {
        if (auto r = connection->exec(pragma, "cannot configure the history database"); !r)
            return r.error();
    }
    return connection;
}

Connection::~Connection()
{
    sqlite3_close(m_db);
}

capstan::Error Connection::failure(std::string_view what) const
{
    return capstan::makeError(std::string(what) + ": " + sqlite3_errmsg(m_db), m_path);
}

capstan::Error Connection::failure(std::string_view what, int rc) const
{
    if (rc == 0)
        return failure(what);
    return capstan::makeError(
        std::string(what) + ": " + sqlite3_errstr(rc) + " (" + sqlite3_errmsg(m_db) + ")", m_path);
}

capstan::Error Connection::error(std::string message) const
{
    return capstan::makeError(std::move(message), m_path);
}

capstan::Result<void> Connection::exec(const char *sql, std::string_view what)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        capstan::Error error
            = capstan::makeError(std::string(what) + ": " + (message ? message : sqlite3_errmsg(m_db)), m_path);
        sqlite3_free(message);
        return error;
    }
    return {};
}

capstan::Result<void> Connection::transaction(
    TransactionMode mode, std::string_view what, const std::function<capstan::Result<void>()> &body)
{
    const std::string context(what);
    if (auto r = exec(mode == TransactionMode::Write ? "BEGIN IMMEDIATE" : "BEGIN", context); !r)
        return r;
    capstan::Result<void> result = body();
    if (result) {
        result = exec("COMMIT", context);
        if (result)
            return result;
    }
    // After a failed COMMIT SQLite may already have rolled back; then this is a no-op.
    if (sqlite3_get_autocommit(m_db) == 0)
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    capstan::Error error = result.error();
    if (error.message.rfind(context, 0) != 0)
        error.message = context + ": " + error.message;
    return error;
}

std::int64_t Connection::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Connection::changes() const
{
    return sqlite3_changes(m_db);
}

} // namespace capstan::history::detail
