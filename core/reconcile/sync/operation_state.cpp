#include "reconcile/sync/operation_state.h"

namespace capstan::sync {

const char *toString(SyncPhase phase)
{
    switch (phase) {
    case SyncPhase::PreSync:
        return "PreSync";
    case SyncPhase::Sync:
        return "Sync";
    case SyncPhase::PostSync:
        return "PostSync";
    case SyncPhase::SyncFail:
        return "SyncFail";
    }
    return "Sync";
}

const char *toString(OperationPhase phase)
{
    switch (phase) {
    case OperationPhase::Running:
        return "Running";
    case OperationPhase::Terminating:
        return "Terminating";
    case OperationPhase::Failed:
        return "Failed";
    case OperationPhase::Error:
        return "Error";
    case OperationPhase::Succeeded:
        return "Succeeded";
    }
    return "Error";
}

const char *toString(ResultCode code)
{
    switch (code) {
    case ResultCode::Synced:
        return "Synced";
    case ResultCode::SyncFailed:
        return "SyncFailed";
    case ResultCode::Pruned:
        return "Pruned";
    case ResultCode::PruneSkipped:
        return "PruneSkipped";
    }
    return "SyncFailed";
}

bool isCompleted(OperationPhase phase)
{
    return phase == OperationPhase::Failed || phase == OperationPhase::Error || phase == OperationPhase::Succeeded;
}

} // namespace capstan::sync
