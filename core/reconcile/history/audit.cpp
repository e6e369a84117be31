// The audit log of approvals and operations: append-only. The schema's
// triggers refuse UPDATE and DELETE, so not even a later bug can rewrite it.

#include "reconcile/history/history_store.h"

#include "reconcile/history/connection_p.h"

namespace capstan::history {

using detail::Statement;

capstan::Result<std::int64_t> HistoryStore::appendAudit(const AuditEvent &event)
{
    if (event.actor.empty() || event.action.empty())
        return m_db->error("an audit event needs an actor and an action");
    std::int64_t id = 0;
    auto done = m_db->transaction(
        detail::TransactionMode::Write, "cannot append to the audit log", [&]() -> capstan::Result<void> {
            Statement insert(
                *m_db, "INSERT INTO audit (time, actor, app, action, details) VALUES (?1, ?2, ?3, ?4, ?5)");
            insert.bind(1, detail::orNow(event.time))
                .bind(2, event.actor)
                .bind(3, event.app)
                .bind(4, event.action)
                .bind(5, event.details);
            if (auto r = insert.run(); !r)
                return r;
            id = m_db->lastInsertId();
            return {};
        });
    if (!done)
        return done.error();
    return id;
}

capstan::Result<std::vector<AuditEvent>> HistoryStore::audit(const std::optional<std::string> &app, int limit) const
{
    // Newest first is the order of appending, whatever times the callers gave.
    Statement q(*m_db,
        "SELECT id, time, actor, app, action, details FROM audit WHERE ?1 IS NULL OR app = ?1 ORDER BY id DESC LIMIT "
        "?2");
    app ? q.bind(1, *app) : q.bindNull(1);
    q.bind(2, std::int64_t(limit > 0 ? limit : -1));
    std::vector<AuditEvent> events;
    auto read = q.each([&] {
        events.push_back(AuditEvent { q.integer(0), q.time(1), q.text(2), q.text(3), q.text(4), q.text(5) });
    });
    if (!read)
        return m_db->error("cannot read the audit log: " + read.error().message);
    return events;
}

} // namespace capstan::history
