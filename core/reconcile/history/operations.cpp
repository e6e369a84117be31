// Operations: begun before they start, updated while they run, finished after.

#include "reconcile/history/history_store.h"

#include "reconcile/history/connection_p.h"
#include "reconcile/history/deployed_images_p.h"
#include "reconcile/history/manifest_scrub_p.h"
#include "reconcile/history/operation_rows_p.h"

#include <QCoreApplication>

namespace capstan::history {

using detail::Statement;
using detail::TransactionMode;

namespace {

struct RunningOperation
{
    OperationKind kind;
    bool dryRun;
};

// The operation `id`, which must exist and still be running.
capstan::Result<RunningOperation> requireUnfinished(detail::Connection &db, std::int64_t id)
{
    Statement q(db, "SELECT kind, dry_run, phase FROM operations WHERE id = ?1");
    q.bind(1, id);
    auto row = q.step();
    if (!row)
        return row.error();
    if (!*row)
        return db.error("there is no operation " + std::to_string(id));
    const auto kind = operationKindFromString(q.text(0));
    const auto phase = operationPhaseFromString(q.text(2));
    if (!kind || !phase)
        return db.error("operation " + std::to_string(id) + " has an unknown kind or phase");
    if (!isUnfinished(*phase))
        return db.error("operation " + std::to_string(id) + " has already finished (" + toString(*phase) + ")");
    return RunningOperation { *kind, q.integer(1) != 0 };
}

} // namespace

capstan::Result<std::int64_t> HistoryStore::beginOperation(const OperationStart &start)
{
    if (start.app.empty())
        return m_db->error("cannot record an operation without an application name");
    if (start.initiatedBy.empty())
        return m_db->error("cannot record an operation of " + start.app + " without who or what started it");
    std::int64_t id = 0;
    auto written = m_db->transaction(TransactionMode::Write, "cannot record the start of an operation of " + start.app,
        [&]() -> capstan::Result<void> {
            Statement insert(*m_db,
                "INSERT INTO operations (app, kind, revision, source_path, initiated_by, approval_note, dry_run,"
                " prune, owner_pid, started_at, phase, message) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                " 'Running', '')");
            insert.bind(1, start.app)
                .bind(2, toString(start.kind))
                .bind(3, start.revision)
                .bind(4, start.sourcePath)
                .bind(5, start.initiatedBy)
                .bind(6, start.approvalNote)
                .bind(7, std::int64_t(start.dryRun))
                .bind(8, std::int64_t(start.prune))
                .bind(9, std::int64_t(QCoreApplication::applicationPid()))
                .bind(10, detail::orNow(start.startedAt));
            if (auto r = insert.run(); !r)
                return r;
            id = m_db->lastInsertId();
            if (auto r = detail::writeApprovers(*m_db, id, start.approvers); !r)
                return r;
            return detail::writeSelected(*m_db, id, start.selectedResources);
        });
    if (!written)
        return written.error();
    return id;
}

capstan::Result<void> HistoryStore::updateOperation(std::int64_t id, const OperationProgress &progress)
{
    if (!isUnfinished(progress.phase)) {
        return m_db->error(std::string("cannot report operation ") + std::to_string(id) + " as "
            + toString(progress.phase) + " while it runs; finish it instead");
    }
    return m_db->transaction(TransactionMode::Write, "cannot record the progress of operation " + std::to_string(id),
        [&]() -> capstan::Result<void> {
            if (auto running = requireUnfinished(*m_db, id); !running)
                return running.error();
            Statement update(*m_db, "UPDATE operations SET phase = ?2, message = ?3 WHERE id = ?1");
            if (auto r = update.bind(1, id).bind(2, toString(progress.phase)).bind(3, progress.message).run(); !r)
                return r;
            return detail::writeResults(*m_db, id, progress.resources);
        });
}

capstan::Result<void> HistoryStore::finishOperation(std::int64_t id, const OperationFinish &finish)
{
    const std::string what = "cannot record the end of operation " + std::to_string(id);
    if (finish.phase != OperationPhase::Succeeded && finish.phase != OperationPhase::Failed
        && finish.phase != OperationPhase::Error) {
        return m_db->error(what + ": it can finish Succeeded, Failed or Error, not " + toString(finish.phase));
    }
    auto manifests = detail::scrubManifests(finish.appliedManifests);
    if (!manifests)
        return m_db->error(what + ": " + manifests.error().toString());
    return m_db->transaction(TransactionMode::Write, what, [&]() -> capstan::Result<void> {
        auto running = requireUnfinished(*m_db, id);
        if (!running)
            return running.error();
        Statement update(
            *m_db, "UPDATE operations SET phase = ?2, message = ?3, finished_at = ?4, manifests = ?5 WHERE id = ?1");
        update.bind(1, id)
            .bind(2, toString(finish.phase))
            .bind(3, finish.message)
            .bind(4, detail::orNow(finish.finishedAt))
            .bind(5, manifests->text);
        if (auto r = update.run(); !r)
            return r;
        if (auto r = detail::writeResults(*m_db, id, finish.resources); !r)
            return r;
        if (isHistoryKind(running->kind) && !running->dryRun && finish.phase == OperationPhase::Succeeded)
            return detail::indexImages(*m_db, id, manifests->objects);
        return {};
    });
}

capstan::Result<std::vector<Operation>> HistoryStore::unfinishedOperations() const
{
    return m_db->read<std::vector<Operation>>("cannot list unfinished operations", [&] {
        return detail::selectOperations(*m_db,
            "SELECT " + detail::operationColumns(ManifestText::Omit)
                + " FROM operations o WHERE o.finished_at IS NULL ORDER BY o.id",
            [](Statement &) {});
    });
}

capstan::Result<void> HistoryStore::markInterrupted(std::int64_t id, const std::string &message, const QDateTime &at)
{
    return m_db->transaction(TransactionMode::Write, "cannot mark operation " + std::to_string(id) + " interrupted",
        [&]() -> capstan::Result<void> {
            if (auto running = requireUnfinished(*m_db, id); !running)
                return running.error();
            Statement update(
                *m_db, "UPDATE operations SET phase = 'Interrupted', message = ?2, finished_at = ?3 WHERE id = ?1");
            return update.bind(1, id).bind(2, message).bind(3, detail::orNow(at)).run();
        });
}

capstan::Result<Operation> HistoryStore::operation(std::int64_t id, ManifestText manifests) const
{
    auto found = m_db->read<std::vector<Operation>>("cannot read operation " + std::to_string(id), [&] {
        return detail::selectOperations(*m_db,
            "SELECT " + detail::operationColumns(manifests) + " FROM operations o WHERE o.id = ?1",
            [&](Statement &q) { q.bind(1, id); });
    });
    if (!found)
        return found.error();
    if (found->empty())
        return m_db->error("there is no operation " + std::to_string(id));
    return std::move(found->front());
}

} // namespace capstan::history
