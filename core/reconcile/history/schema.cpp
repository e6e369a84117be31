#include "reconcile/history/schema_p.h"

#include "reconcile/history/connection_p.h"

#include <iterator>

namespace capstan::history::detail {

namespace {

// Migration i takes the schema from version i to version i + 1. Append only:
// a released step is never edited, a change is a new step.
const char *const kMigrations[] = {
    // 1: operations, their results, history retention, bad marks, skips, audit, images.
    R"(
CREATE TABLE operations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    app TEXT NOT NULL,
    kind TEXT NOT NULL,
    revision TEXT NOT NULL,
    source_path TEXT NOT NULL,
    initiated_by TEXT NOT NULL,
    approval_note TEXT NOT NULL,
    dry_run INTEGER NOT NULL,
    prune INTEGER NOT NULL,
    owner_pid INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    phase TEXT NOT NULL,
    message TEXT NOT NULL,
    finished_at TEXT,
    manifests TEXT,
    CHECK ((finished_at IS NULL) = (phase IN ('Running', 'Terminating')))
);
CREATE INDEX operations_by_app ON operations (app, finished_at);
CREATE INDEX operations_unfinished ON operations (id) WHERE finished_at IS NULL;

CREATE TABLE operation_approvers (
    operation_id INTEGER NOT NULL REFERENCES operations (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (operation_id, position)
);
CREATE TABLE operation_selected (
    operation_id INTEGER NOT NULL REFERENCES operations (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    api_group TEXT NOT NULL, version TEXT NOT NULL, kind TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL,
    PRIMARY KEY (operation_id, position)
);
CREATE TABLE resource_results (
    operation_id INTEGER NOT NULL REFERENCES operations (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    api_group TEXT NOT NULL, version TEXT NOT NULL, kind TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL,
    status TEXT NOT NULL,
    message TEXT NOT NULL,
    PRIMARY KEY (operation_id, position)
);

CREATE TABLE retention (
    app TEXT PRIMARY KEY,
    keep_last INTEGER CHECK (keep_last IS NULL OR keep_last >= 1),
    max_age_days INTEGER CHECK (max_age_days IS NULL OR max_age_days >= 0)
);

CREATE TABLE bad_marks (
    app TEXT NOT NULL,
    revision TEXT NOT NULL,
    history_id INTEGER REFERENCES operations (id) ON DELETE SET NULL,
    reason TEXT NOT NULL,
    marked_by TEXT NOT NULL,
    marked_at TEXT NOT NULL,
    PRIMARY KEY (app, revision)
);

CREATE TABLE auto_sync_skips (
    app TEXT NOT NULL,
    revision TEXT NOT NULL,
    reason TEXT NOT NULL,
    skipped_at TEXT NOT NULL,
    PRIMARY KEY (app, revision)
);

CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time TEXT NOT NULL,
    actor TEXT NOT NULL,
    app TEXT NOT NULL,
    action TEXT NOT NULL,
    details TEXT NOT NULL
);
CREATE INDEX audit_by_app ON audit (app, id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
-- INSERT OR REPLACE deletes without firing DELETE triggers (unless recursive
-- triggers are on): an insert may not reuse an id.
CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit
WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TABLE deployed_images (
    operation_id INTEGER NOT NULL REFERENCES operations (id) ON DELETE CASCADE,
    image TEXT NOT NULL,
    PRIMARY KEY (operation_id, image)
);
)",
};

} // namespace

int currentSchemaVersion()
{
    return static_cast<int>(std::size(kMigrations));
}

capstan::Result<void> migrate(Connection &connection)
{
    // A write transaction from the start: two processes opening a new file at
    // once must not both create the schema.
    return connection.transaction(TransactionMode::Write, "cannot prepare the history database", [&]() -> Result<void> {
        if (auto r = connection.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)",
                "cannot create the schema version table");
            !r)
            return r;
        int version = 0;
        {
            Statement read(connection, "SELECT version FROM schema_version");
            auto row = read.step();
            if (!row)
                return row.error();
            if (*row)
                version = static_cast<int>(read.integer(0));
            else if (auto r = Statement(connection, "INSERT INTO schema_version (version) VALUES (0)").run(); !r)
                return r;
        }
        if (version > currentSchemaVersion()) {
            return connection.error("the history database has schema version " + std::to_string(version)
                + ", newer than this Capstan understands (" + std::to_string(currentSchemaVersion())
                + "); use a newer Capstan");
        }
        for (int step = version; step < currentSchemaVersion(); ++step) {
            if (auto r = connection.exec(kMigrations[step],
                    "cannot migrate the history database to schema version " + std::to_string(step + 1));
                !r)
                return r;
        }
        if (version == currentSchemaVersion())
            return {};
        return Statement(connection, "UPDATE schema_version SET version = ?1")
            .bind(1, static_cast<std::int64_t>(currentSchemaVersion()))
            .run();
    });
}

} // namespace capstan::history::detail
