#include "reconcile/history/operation_rows_p.h"

#include <functional>

namespace capstan::history::detail {

const char *const kIsHistoryEntry = "o.kind IN ('Sync', 'AutoSync', 'Rollback') AND o.dry_run = 0"
                                    " AND o.phase IN ('Succeeded', 'Failed', 'Error')";

const char *const kBadMarkColumns = "b.app, b.revision, b.history_id, b.reason, b.marked_by, b.marked_at";

std::string operationColumns(ManifestText manifests)
{
    return std::string("o.id, o.app, o.kind, o.revision, o.source_path, o.initiated_by, o.approval_note, o.dry_run,"
                       " o.prune, o.started_at, o.phase, o.message, o.finished_at, o.owner_pid, ")
        + (manifests == ManifestText::Include ? "coalesce(o.manifests, '')" : "''");
}

capstan::Result<Operation> readOperation(const Connection &connection, const Statement &row)
{
    Operation op;
    op.id = row.integer(0);
    op.app = row.text(1);
    const auto kind = operationKindFromString(row.text(2));
    const auto phase = operationPhaseFromString(row.text(10));
    if (!kind || !phase) {
        return connection.error("operation " + std::to_string(op.id) + " has an unknown kind or phase (\"" + row.text(2)
            + "\", \"" + row.text(10) + "\")");
    }
    op.kind = *kind;
    op.revision = row.text(3);
    op.sourcePath = row.text(4);
    op.initiatedBy = row.text(5);
    op.approvalNote = row.text(6);
    op.dryRun = row.integer(7) != 0;
    op.prune = row.integer(8) != 0;
    op.startedAt = row.time(9);
    op.phase = *phase;
    op.message = row.text(11);
    op.finishedAt = row.time(12);
    op.ownerPid = row.integer(13);
    op.appliedManifests = row.text(14);
    return op;
}

namespace {

// Columns 0..4 as a ResourceId.
manifest::ResourceId readResourceId(const Statement &row, int first)
{
    return manifest::ResourceId { row.text(first), row.text(first + 1), row.text(first + 2), row.text(first + 3),
        row.text(first + 4) };
}

void bindResourceId(Statement &statement, int first, const manifest::ResourceId &id)
{
    statement.bind(first, id.group)
        .bind(first + 1, id.version)
        .bind(first + 2, id.kind)
        .bind(first + 3, id.ns)
        .bind(first + 4, id.name);
}

} // namespace

capstan::Result<void> loadChildren(Connection &connection, Operation &op)
{
    {
        Statement q(connection, "SELECT name FROM operation_approvers WHERE operation_id = ?1 ORDER BY position");
        q.bind(1, op.id);
        if (auto r = q.each([&] { op.approvers.push_back(q.text(0)); }); !r)
            return r;
    }
    {
        Statement q(connection,
            "SELECT api_group, version, kind, namespace, name FROM operation_selected"
            " WHERE operation_id = ?1 ORDER BY position");
        q.bind(1, op.id);
        if (auto r = q.each([&] { op.selectedResources.push_back(readResourceId(q, 0)); }); !r)
            return r;
    }
    Statement q(connection,
        "SELECT api_group, version, kind, namespace, name, status, message FROM resource_results"
        " WHERE operation_id = ?1 ORDER BY position");
    q.bind(1, op.id);
    while (true) {
        auto row = q.step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        const auto status = resourceStatusFromString(q.text(5));
        if (!status)
            return connection.error("operation " + std::to_string(op.id)
                + " has a resource result with an unknown "
                  "status \""
                + q.text(5) + "\"");
        op.resources.push_back(ResourceResult { readResourceId(q, 0), *status, q.text(6) });
    }
    return {};
}

capstan::Result<std::vector<Operation>> selectOperations(
    Connection &connection, const std::string &query, const std::function<void(Statement &)> &bind)
{
    std::vector<Operation> operations;
    {
        Statement q(connection, query);
        bind(q);
        while (true) {
            auto row = q.step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            auto op = readOperation(connection, q);
            if (!op)
                return op.error();
            operations.push_back(std::move(*op));
        }
    }
    for (Operation &op : operations) {
        if (auto r = loadChildren(connection, op); !r)
            return r.error();
    }
    return operations;
}

capstan::Result<void> writeApprovers(Connection &connection, std::int64_t id, const std::vector<std::string> &names)
{
    for (std::size_t i = 0; i < names.size(); ++i) {
        Statement insert(
            connection, "INSERT INTO operation_approvers (operation_id, position, name) VALUES (?1, ?2, ?3)");
        if (auto r = insert.bind(1, id).bind(2, static_cast<std::int64_t>(i)).bind(3, names[i]).run(); !r)
            return r;
    }
    return {};
}

capstan::Result<void> writeSelected(
    Connection &connection, std::int64_t id, const std::vector<manifest::ResourceId> &resources)
{
    for (std::size_t i = 0; i < resources.size(); ++i) {
        Statement insert(connection,
            "INSERT INTO operation_selected (operation_id, position, api_group, version, kind, namespace, name)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        insert.bind(1, id).bind(2, static_cast<std::int64_t>(i));
        bindResourceId(insert, 3, resources[i]);
        if (auto r = insert.run(); !r)
            return r;
    }
    return {};
}

capstan::Result<void> writeResults(Connection &connection, std::int64_t id, const std::vector<ResourceResult> &results)
{
    if (auto r = Statement(connection, "DELETE FROM resource_results WHERE operation_id = ?1").bind(1, id).run(); !r)
        return r;
    for (std::size_t i = 0; i < results.size(); ++i) {
        Statement insert(connection,
            "INSERT INTO resource_results (operation_id, position, api_group, version, kind, namespace, name, status,"
            " message) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        insert.bind(1, id).bind(2, static_cast<std::int64_t>(i));
        bindResourceId(insert, 3, results[i].resource);
        insert.bind(8, toString(results[i].status)).bind(9, results[i].message);
        if (auto r = insert.run(); !r)
            return r;
    }
    return {};
}

BadMark readBadMark(const Statement &row)
{
    BadMark mark;
    mark.app = row.text(0);
    mark.revision = row.text(1);
    if (!row.isNull(2))
        mark.historyId = row.integer(2);
    mark.reason = row.text(3);
    mark.markedBy = row.text(4);
    mark.markedAt = row.time(5);
    return mark;
}

capstan::Result<std::optional<BadMark>> badMarkOf(
    Connection &connection, const std::string &app, const std::string &revision)
{
    Statement q(connection,
        std::string("SELECT ") + kBadMarkColumns + " FROM bad_marks b WHERE b.app = ?1 AND b.revision = ?2");
    q.bind(1, app).bind(2, revision);
    auto row = q.step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<BadMark>();
    return std::optional<BadMark>(readBadMark(q));
}

} // namespace capstan::history::detail
