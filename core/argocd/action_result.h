#pragma once

#include "cluster/api_result.h"
#include "common/result.h"
#include "manifest/object.h"

#include <optional>
#include <string>

namespace capstan::argocd {

// Why Capstan refused an action before asking the cluster, in Argo CD's own rules.
enum class Refusal {
    OperationRunning, // the Application already has an operation (Argo CD: "another operation is already in progress")
    AutomatedSync, // rollback, or a sync to another revision, while automated sync is on
    NoOperation, // terminate with no operation in progress
    UnknownHistoryId, // rollback to an id status.history does not hold
    NoHistorySource, // the history entry has no source (deployed by Argo CD v0.11 or older)
    Deleting, // the Application is being deleted
    InvalidSpec, // the Application's spec cannot be read
    SyncWindow, // a sync window of the Application's project does not allow a manual sync now
};

const char *toString(Refusal refusal);

// An action that did not happen: refused by Capstan (`refusal`) or failed in the cluster
// (`clusterCode`: Forbidden, Conflict, Invalid, NotFound, ...). `where` names the Application.
struct ActionError : capstan::Error
{
    std::optional<Refusal> refusal;
    std::optional<cluster::ErrorCode> clusterCode;
};

// The Application as the cluster holds it after the action, or why there was none.
using ActionResult = capstan::Result<manifest::Object, ActionError>;

} // namespace capstan::argocd
