// Bad revisions (pickers warn about them and never choose them by themselves)
// and the revisions automated sync skips after a rollback.

#include "reconcile/history/history_store.h"

#include "reconcile/history/connection_p.h"
#include "reconcile/history/operation_rows_p.h"

namespace capstan::history {

using detail::Statement;

namespace {

capstan::Result<void> writeBadMark(detail::Connection &db, const BadMark &mark)
{
    Statement upsert(db,
        "INSERT OR REPLACE INTO bad_marks (app, revision, history_id, reason, marked_by, marked_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    upsert.bind(1, mark.app).bind(2, mark.revision);
    mark.historyId ? upsert.bind(3, *mark.historyId) : upsert.bindNull(3);
    return upsert.bind(4, mark.reason).bind(5, mark.markedBy).bind(6, mark.markedAt).run();
}

// Whether a statement finds a row.
capstan::Result<bool> exists(Statement &query)
{
    return query.step();
}

} // namespace

capstan::Result<void> HistoryStore::markRevisionBad(const std::string &app, const std::string &revision,
    const std::string &reason, const std::string &markedBy, const QDateTime &at)
{
    if (app.empty() || revision.empty())
        return m_db->error("marking a revision bad needs the application and the revision");
    return m_db->transaction(detail::TransactionMode::Write, "cannot mark " + revision + " of " + app + " bad", [&] {
        return writeBadMark(*m_db, BadMark { app, revision, std::nullopt, reason, markedBy, detail::orNow(at) });
    });
}

capstan::Result<void> HistoryStore::markEntryBad(const std::string &app, std::int64_t historyId,
    const std::string &reason, const std::string &markedBy, const QDateTime &at)
{
    return m_db->transaction(detail::TransactionMode::Write,
        "cannot mark history entry " + std::to_string(historyId) + " of " + app + " bad", [&]() -> Result<void> {
            Statement q(*m_db,
                std::string("SELECT o.revision FROM operations o WHERE o.id = ?1 AND o.app = ?2 AND ")
                    + detail::kIsHistoryEntry);
            q.bind(1, historyId).bind(2, app);
            auto row = q.step();
            if (!row)
                return row.error();
            if (!*row)
                return m_db->error(app + " has no history entry " + std::to_string(historyId));
            return writeBadMark(*m_db, BadMark { app, q.text(0), historyId, reason, markedBy, detail::orNow(at) });
        });
}

capstan::Result<bool> HistoryStore::clearBad(const std::string &app, const std::string &revision)
{
    bool cleared = false;
    auto done = m_db->transaction(
        detail::TransactionMode::Write, "cannot clear the bad mark of " + revision, [&]() -> Result<void> {
            auto r = Statement(*m_db, "DELETE FROM bad_marks WHERE app = ?1 AND revision = ?2")
                         .bind(1, app)
                         .bind(2, revision)
                         .run();
            cleared = m_db->changes() > 0;
            return r;
        });
    if (!done)
        return done.error();
    return cleared;
}

capstan::Result<std::vector<BadMark>> HistoryStore::badMarks(const std::string &app) const
{
    Statement q(*m_db,
        std::string("SELECT ") + detail::kBadMarkColumns
            + " FROM bad_marks b WHERE b.app = ?1 ORDER BY b.marked_at DESC, b.revision");
    q.bind(1, app);
    std::vector<BadMark> marks;
    if (auto r = q.each([&] { marks.push_back(detail::readBadMark(q)); }); !r)
        return m_db->error("cannot read the bad marks of " + app + ": " + r.error().message);
    return marks;
}

capstan::Result<bool> HistoryStore::isBad(const std::string &app, const std::string &revision) const
{
    Statement q(*m_db, "SELECT 1 FROM bad_marks WHERE app = ?1 AND revision = ?2");
    q.bind(1, app).bind(2, revision);
    return exists(q);
}

capstan::Result<void> HistoryStore::skipRevisionForAutoSync(
    const std::string &app, const std::string &revision, const std::string &reason, const QDateTime &at)
{
    if (app.empty() || revision.empty())
        return m_db->error("skipping a revision in automated sync needs the application and the revision");
    return m_db->transaction(
        detail::TransactionMode::Write, "cannot make automated sync of " + app + " skip " + revision, [&] {
            return Statement(*m_db,
                "INSERT OR REPLACE INTO auto_sync_skips (app, revision, reason, skipped_at) VALUES (?1, ?2, ?3, ?4)")
                .bind(1, app)
                .bind(2, revision)
                .bind(3, reason)
                .bind(4, detail::orNow(at))
                .run();
        });
}

capstan::Result<std::vector<AutoSyncSkip>> HistoryStore::autoSyncSkips(const std::string &app) const
{
    Statement q(*m_db,
        "SELECT app, revision, reason, skipped_at FROM auto_sync_skips WHERE app = ?1"
        " ORDER BY skipped_at DESC, revision");
    q.bind(1, app);
    std::vector<AutoSyncSkip> skips;
    if (auto r = q.each([&] { skips.push_back(AutoSyncSkip { q.text(0), q.text(1), q.text(2), q.time(3) }); }); !r)
        return m_db->error("cannot read the automated sync skips of " + app + ": " + r.error().message);
    return skips;
}

capstan::Result<bool> HistoryStore::isAutoSyncSkipped(const std::string &app, const std::string &revision) const
{
    Statement q(*m_db, "SELECT 1 FROM auto_sync_skips WHERE app = ?1 AND revision = ?2");
    q.bind(1, app).bind(2, revision);
    return exists(q);
}

capstan::Result<bool> HistoryStore::clearAutoSyncSkip(const std::string &app, const std::string &revision)
{
    bool cleared = false;
    auto done = m_db->transaction(
        detail::TransactionMode::Write, "cannot clear the automated sync skip of " + revision, [&]() -> Result<void> {
            auto r = Statement(*m_db, "DELETE FROM auto_sync_skips WHERE app = ?1 AND revision = ?2")
                         .bind(1, app)
                         .bind(2, revision)
                         .run();
            cleared = m_db->changes() > 0;
            return r;
        });
    if (!done)
        return done.error();
    return cleared;
}

} // namespace capstan::history
