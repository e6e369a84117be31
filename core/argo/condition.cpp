#include "argo/condition.h"

namespace capstan::argo {

std::string_view conditionTypeName(ConditionType type)
{
    switch (type) {
    case ConditionType::InvalidSpecError:
        return "InvalidSpecError";
    case ConditionType::UnsupportedSpecError:
        return "UnsupportedSpecError";
    case ConditionType::ComparisonError:
        return "ComparisonError";
    case ConditionType::SyncError:
        return "SyncError";
    case ConditionType::UnknownError:
        return "UnknownError";
    case ConditionType::SharedResourceWarning:
        return "SharedResourceWarning";
    case ConditionType::RepeatedResourceWarning:
        return "RepeatedResourceWarning";
    case ConditionType::OrphanedResourceWarning:
        return "OrphanedResourceWarning";
    case ConditionType::ExcludedResourceWarning:
        return "ExcludedResourceWarning";
    }
    return "UnknownError";
}

bool isErrorCondition(ConditionType type)
{
    return conditionTypeName(type).ends_with("Error");
}

} // namespace capstan::argo
