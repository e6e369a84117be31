#pragma once

// Reading and writing the rows of one operation: the operations row and its
// approvers, selected resources and resource results.

#include "common/result.h"
#include "reconcile/history/connection_p.h"
#include "reconcile/history/history_types.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace capstan::history::detail {

// The operations columns of `operations o`, as readOperation() expects them.
std::string operationColumns(ManifestText manifests);
// An SQL condition on `operations o`: the operation is a history entry (a
// finished, non-dry-run Sync, AutoSync or Rollback; see isHistoryKind()).
extern const char *const kIsHistoryEntry;

// The columns of one row selected with operationColumns(); no children yet.
capstan::Result<Operation> readOperation(const Connection &connection, const Statement &row);
// Fills in approvers, selected resources and resource results.
capstan::Result<void> loadChildren(Connection &connection, Operation &operation);
// Runs `query` (operationColumns() rows; parameters bound by `bind`) and reads every operation with its children.
capstan::Result<std::vector<Operation>> selectOperations(
    Connection &connection, const std::string &query, const std::function<void(Statement &)> &bind);

capstan::Result<void> writeApprovers(Connection &connection, std::int64_t id, const std::vector<std::string> &names);
capstan::Result<void> writeSelected(
    Connection &connection, std::int64_t id, const std::vector<manifest::ResourceId> &resources);
// Replaces the operation's resource results.
capstan::Result<void> writeResults(Connection &connection, std::int64_t id, const std::vector<ResourceResult> &results);

// The columns of bad_marks b, as readBadMark() expects them.
extern const char *const kBadMarkColumns;
BadMark readBadMark(const Statement &row);
capstan::Result<std::optional<BadMark>> badMarkOf(
    Connection &connection, const std::string &app, const std::string &revision);

} // namespace capstan::history::detail
