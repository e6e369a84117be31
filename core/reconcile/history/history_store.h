#pragma once

// The durable record of what Capstan did: operations (written before they start
// and completed after, so a crash leaves a visible, resumable record), sync
// history with explicit retention, bad revisions, automated-sync skips, the
// append-only audit log, and the images each application has run.
//
// One SQLite file in WAL mode with foreign keys on; every write is one
// transaction. Threads: a HistoryStore is one connection and must be used by one
// thread at a time. Several threads (or processes) may each open their own
// HistoryStore on the same file at once; readers do not block the writer, and
// writers queue for up to ten seconds before an operation fails as busy.

#include "common/result.h"
#include "reconcile/history/history_types.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace capstan::history {

namespace detail {
class Connection;
}

class HistoryStore final
{
public:
    // Opens (creating if needed) the database at `path` and migrates its schema.
    static capstan::Result<HistoryStore> open(const std::string &path);

    HistoryStore(HistoryStore &&) noexcept;
    HistoryStore &operator=(HistoryStore &&) noexcept;
    ~HistoryStore();

    const std::string &path() const;

    // --- Operations ---

    // Records an operation as Running, before it starts; returns its id.
    capstan::Result<std::int64_t> beginOperation(const OperationStart &start);
    // Records progress of a running operation.
    capstan::Result<void> updateOperation(std::int64_t id, const OperationProgress &progress);
    // Completes a running operation. Stored manifests have every Secret's data and
    // stringData masked (and its last-applied annotation removed); manifests
    // that are not valid YAML are refused. A successful sync indexes its images.
    capstan::Result<void> finishOperation(std::int64_t id, const OperationFinish &finish);
    // Operations begun and never finished, oldest first: after a crash, what was
    // interrupted. Includes ones that another live process is running now.
    capstan::Result<std::vector<Operation>> unfinishedOperations() const;
    // Closes an unfinished operation as Interrupted (it is then no longer unfinished).
    capstan::Result<void> markInterrupted(std::int64_t id, const std::string &message = {}, const QDateTime &at = {});
    capstan::Result<Operation> operation(std::int64_t id, ManifestText manifests = ManifestText::Include) const;

    // --- History: finished, non-dry-run Sync, AutoSync and Rollback operations ---

    // An application's history, newest deployedAt first.
    capstan::Result<HistoryPage> history(
        const std::string &app, const Page &page = {}, ManifestText manifests = ManifestText::Omit) const;
    // One entry with its manifests; an error when `id` is no history entry.
    capstan::Result<HistoryEntry> historyEntry(std::int64_t id) const;

    // Sets the retention rule of rule.app (empty: the default); a rule with
    // neither limit removes it. Nothing is deleted until prune() runs.
    capstan::Result<void> setRetention(const RetentionRule &rule);
    capstan::Result<std::vector<RetentionRule>> retentionRules() const;
    // Deletes finished operations beyond each application's rule (its own, else
    // the default): history entries past the newest keepLast or finished more
    // than maxAgeDays before `now`; other finished operations (dry runs, Git
    // operations, interrupted ones) by age, and when older than the oldest kept
    // entry. Never touches unfinished operations, bad marks or the audit log.
    // Returns how many operations it deleted.
    capstan::Result<int> prune(const QDateTime &now = {});

    // --- Bad revisions ---

    // Marks a revision of an application bad (again: replaces the reason).
    capstan::Result<void> markRevisionBad(const std::string &app, const std::string &revision,
        const std::string &reason, const std::string &markedBy, const QDateTime &at = {});
    // Marks the revision of a history entry of `app` bad, remembering the entry.
    capstan::Result<void> markEntryBad(const std::string &app, std::int64_t historyId, const std::string &reason,
        const std::string &markedBy, const QDateTime &at = {});
    // Whether there was a mark to clear.
    capstan::Result<bool> clearBad(const std::string &app, const std::string &revision);
    // Newest first.
    capstan::Result<std::vector<BadMark>> badMarks(const std::string &app) const;
    capstan::Result<bool> isBad(const std::string &app, const std::string &revision) const;

    // --- Audit log: append-only (the database refuses updates and deletes) ---

    // Returns the event's id. An invalid time means now.
    capstan::Result<std::int64_t> appendAudit(const AuditEvent &event);
    // The newest `limit` events (all when <= 0), newest first; of one application when `app` is set.
    capstan::Result<std::vector<AuditEvent>> audit(const std::optional<std::string> &app = {}, int limit = 100) const;

    // --- Rollback-aware automated sync ---

    // Automated sync skips `revision` of `app` until the skip is cleared (when a
    // newer commit changes the application). Again: replaces the reason.
    capstan::Result<void> skipRevisionForAutoSync(
        const std::string &app, const std::string &revision, const std::string &reason, const QDateTime &at = {});
    capstan::Result<std::vector<AutoSyncSkip>> autoSyncSkips(const std::string &app) const;
    capstan::Result<bool> isAutoSyncSkipped(const std::string &app, const std::string &revision) const;
    // Whether there was a skip to clear.
    capstan::Result<bool> clearAutoSyncSkip(const std::string &app, const std::string &revision);

    // --- Images ---

    // The images `app` has run, from its Succeeded history entries (the
    // containers and initContainers of Pods, Deployments, ReplicaSets,
    // StatefulSets, DaemonSets, Jobs and CronJobs), most recently deployed first.
    capstan::Result<std::vector<DeployedImage>> deployedImages(const std::string &app) const;

private:
    explicit HistoryStore(std::unique_ptr<detail::Connection> connection);

    std::unique_ptr<detail::Connection> m_db;
};

} // namespace capstan::history
