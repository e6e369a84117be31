#pragma once

// status.history and status.operationState → Capstan's history types, and the info
// entries through which Capstan's approval travels with an operation.

#include "manifest/object.h"
#include "reconcile/history/history_types.h"

#include <optional>
#include <string>
#include <vector>

namespace capstan::argocd::detail {

// The names of the operation.info entries Capstan writes (Argo CD shows them with the
// operation) and reads back into Operation::approvalNote / approvers.
inline constexpr const char *approvalNoteInfo = "Capstan approval note";
inline constexpr const char *approversInfo = "Capstan approvers";
// Marks a Capstan rollback (its value: the history id), so it reads back as a Rollback.
inline constexpr const char *rollbackInfo = "Capstan rollback to history id";
// "automated", as Capstan's history names an operation no person started.
inline constexpr const char *automatedInitiator = "automated";

// status.history, newest first. Argo CD records only finished, successful syncs there.
std::vector<history::HistoryEntry> historyOf(const manifest::Object &application);
// status.operationState; nullopt when Argo CD has run none (or kept none).
std::optional<history::Operation> operationStateOf(const manifest::Object &application);
// An operation (the `operation` field, or operationState.operation) read into `into`.
void readOperation(const manifest::Node *operation, history::Operation &into);

} // namespace capstan::argocd::detail
