#include "reconcile/history/history_types.h"

#include <iterator>

namespace capstan::history {

namespace {

const char *const kKinds[] = { "Sync", "AutoSync", "Rollback", "Revert", "Promote", "SetImage" };
const char *const kPhases[] = { "Running", "Terminating", "Succeeded", "Failed", "Error", "Interrupted" };
const char *const kStatuses[] = { "Synced", "SyncFailed", "Pruned", "PruneSkipped" };

// The enums are dense from 0, in the order of their name tables.
template<typename Enum, std::size_t N>
std::optional<Enum> fromName(const char *const (&names)[N], const std::string &text)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (text == names[i])
            return static_cast<Enum>(i);
    }
    return std::nullopt;
}

} // namespace

const char *toString(OperationKind kind)
{
    return kKinds[static_cast<int>(kind)];
}

const char *toString(OperationPhase phase)
{
    return kPhases[static_cast<int>(phase)];
}

const char *toString(ResourceStatus status)
{
    return kStatuses[static_cast<int>(status)];
}

std::optional<OperationKind> operationKindFromString(const std::string &text)
{
    return fromName<OperationKind>(kKinds, text);
}

std::optional<OperationPhase> operationPhaseFromString(const std::string &text)
{
    return fromName<OperationPhase>(kPhases, text);
}

std::optional<ResourceStatus> resourceStatusFromString(const std::string &text)
{
    return fromName<ResourceStatus>(kStatuses, text);
}

bool isUnfinished(OperationPhase phase)
{
    return phase == OperationPhase::Running || phase == OperationPhase::Terminating;
}

bool isHistoryKind(OperationKind kind)
{
    return kind == OperationKind::Sync || kind == OperationKind::AutoSync || kind == OperationKind::Rollback;
}

} // namespace capstan::history
