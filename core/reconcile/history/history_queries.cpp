// History entries (finished syncs) and their explicit retention.

#include "reconcile/history/history_store.h"

#include "reconcile/history/connection_p.h"
#include "reconcile/history/operation_rows_p.h"

#include <map>

namespace capstan::history {

using detail::Statement;

namespace {

// Attaches the bad mark of each entry's revision.
capstan::Result<std::vector<HistoryEntry>> withBadMarks(detail::Connection &db, std::vector<Operation> operations)
{
    std::vector<HistoryEntry> entries;
    entries.reserve(operations.size());
    for (Operation &op : operations) {
        auto mark = detail::badMarkOf(db, op.app, op.revision);
        if (!mark)
            return mark.error();
        entries.push_back(HistoryEntry { std::move(op), std::move(*mark) });
    }
    return entries;
}

} // namespace

capstan::Result<HistoryPage> HistoryStore::history(
    const std::string &app, const Page &page, ManifestText manifests) const
{
    return m_db->read<HistoryPage>("cannot read the history of " + app, [&]() -> capstan::Result<HistoryPage> {
        HistoryPage result;
        Statement count(
            *m_db, std::string("SELECT count(*) FROM operations o WHERE o.app = ?1 AND ") + detail::kIsHistoryEntry);
        count.bind(1, app);
        if (auto row = count.step(); !row)
            return row.error();
        result.total = static_cast<int>(count.integer(0));

        auto operations = detail::selectOperations(*m_db,
            "SELECT " + detail::operationColumns(manifests) + " FROM operations o WHERE o.app = ?1 AND "
                + detail::kIsHistoryEntry + " ORDER BY o.finished_at DESC, o.id DESC LIMIT ?2 OFFSET ?3",
            [&](Statement &q) {
                q.bind(1, app)
                    .bind(2, std::int64_t(page.limit > 0 ? page.limit : -1))
                    .bind(3, std::int64_t(std::max(page.offset, 0)));
            });
        if (!operations)
            return operations.error();
        auto entries = withBadMarks(*m_db, std::move(*operations));
        if (!entries)
            return entries.error();
        result.entries = std::move(*entries);
        return result;
    });
}

capstan::Result<HistoryEntry> HistoryStore::historyEntry(std::int64_t id) const
{
    auto entries = m_db->read<std::vector<HistoryEntry>>(
        "cannot read history entry " + std::to_string(id), [&]() -> capstan::Result<std::vector<HistoryEntry>> {
            auto operations = detail::selectOperations(*m_db,
                "SELECT " + detail::operationColumns(ManifestText::Include) + " FROM operations o WHERE o.id = ?1 AND "
                    + detail::kIsHistoryEntry,
                [&](Statement &q) { q.bind(1, id); });
            if (!operations)
                return operations.error();
            return withBadMarks(*m_db, std::move(*operations));
        });
    if (!entries)
        return entries.error();
    if (entries->empty())
        return m_db->error("there is no history entry " + std::to_string(id));
    return std::move(entries->front());
}

capstan::Result<void> HistoryStore::setRetention(const RetentionRule &rule)
{
    const std::string subject = rule.app.empty() ? std::string("all applications") : rule.app;
    if (rule.keepLast && *rule.keepLast < 1)
        return m_db->error("cannot keep fewer than 1 history entry of " + subject);
    if (rule.maxAgeDays && *rule.maxAgeDays < 0)
        return m_db->error("a maximum age of history entries cannot be negative");
    return m_db->transaction(detail::TransactionMode::Write, "cannot set the history retention of " + subject,
        [&]() -> capstan::Result<void> {
            if (!rule.keepLast && !rule.maxAgeDays)
                return Statement(*m_db, "DELETE FROM retention WHERE app = ?1").bind(1, rule.app).run();
            Statement upsert(
                *m_db, "INSERT OR REPLACE INTO retention (app, keep_last, max_age_days) VALUES (?1, ?2, ?3)");
            upsert.bind(1, rule.app);
            rule.keepLast ? upsert.bind(2, std::int64_t(*rule.keepLast)) : upsert.bindNull(2);
            rule.maxAgeDays ? upsert.bind(3, std::int64_t(*rule.maxAgeDays)) : upsert.bindNull(3);
            return upsert.run();
        });
}

capstan::Result<std::vector<RetentionRule>> HistoryStore::retentionRules() const
{
    Statement q(*m_db, "SELECT app, keep_last, max_age_days FROM retention ORDER BY app");
    std::vector<RetentionRule> rules;
    auto read = q.each([&] {
        RetentionRule rule { q.text(0), std::nullopt, std::nullopt };
        if (!q.isNull(1))
            rule.keepLast = static_cast<int>(q.integer(1));
        if (!q.isNull(2))
            rule.maxAgeDays = static_cast<int>(q.integer(2));
        rules.push_back(std::move(rule));
    });
    if (!read)
        return m_db->error("cannot read the history retention rules: " + read.error().message);
    return rules;
}

capstan::Result<int> HistoryStore::prune(const QDateTime &now)
{
    const QDateTime at = detail::orNow(now);
    int deleted = 0;
    auto done = m_db->transaction(detail::TransactionMode::Write, "cannot prune the history", [&]() -> Result<void> {
        auto rules = retentionRules();
        if (!rules)
            return rules.error();
        std::map<std::string, RetentionRule> ruleOf;
        for (RetentionRule &rule : *rules)
            ruleOf.emplace(rule.app, std::move(rule));

        std::vector<std::string> apps;
        {
            Statement q(*m_db, "SELECT DISTINCT app FROM operations WHERE finished_at IS NOT NULL ORDER BY app");
            if (auto r = q.each([&] { apps.push_back(q.text(0)); }); !r)
                return r;
        }
        for (const std::string &app : apps) {
            auto found = ruleOf.find(app);
            if (found == ruleOf.end())
                found = ruleOf.find(std::string());
            if (found == ruleOf.end())
                continue;
            const RetentionRule &rule = found->second;
            if (rule.maxAgeDays) {
                Statement old(
                    *m_db, "DELETE FROM operations WHERE app = ?1 AND finished_at IS NOT NULL AND finished_at < ?2");
                if (auto r = old.bind(1, app).bind(2, at.addDays(-*rule.maxAgeDays)).run(); !r)
                    return r;
                deleted += m_db->changes();
            }
            if (!rule.keepLast)
                continue;
            // The oldest entry kept; entries after it in history order go, and other
            // finished operations older than it.
            Statement oldestKept(*m_db,
                std::string("SELECT o.finished_at, o.id FROM operations o WHERE o.app = ?1 AND ")
                    + detail::kIsHistoryEntry + " ORDER BY o.finished_at DESC, o.id DESC LIMIT 1 OFFSET ?2");
            oldestKept.bind(1, app).bind(2, std::int64_t(*rule.keepLast - 1));
            auto row = oldestKept.step();
            if (!row)
                return row.error();
            if (!*row)
                continue; // fewer entries than kept
            Statement beyond(*m_db,
                std::string("DELETE FROM operations AS o WHERE o.app = ?1 AND o.finished_at IS NOT NULL AND"
                            " (o.finished_at < ?2 OR (o.finished_at = ?2 AND o.id < ?3 AND ")
                    + detail::kIsHistoryEntry + "))");
            if (auto r = beyond.bind(1, app).bind(2, oldestKept.text(0)).bind(3, oldestKept.integer(1)).run(); !r)
                return r;
            deleted += m_db->changes();
        }
        return {};
    });
    if (!done)
        return done.error();
    return deleted;
}

} // namespace capstan::history
