#pragma once

#include <string>
#include <string_view>

namespace capstan::argo {

// Application condition types, named as Argo CD names them, plus
// UnsupportedSpecError for Argo CD features Capstan reads but cannot act on
// (several sources, Helm charts).
enum class ConditionType {
    InvalidSpecError,
    UnsupportedSpecError,
    ComparisonError,
    SyncError,
    UnknownError,
    SharedResourceWarning,
    RepeatedResourceWarning,
    OrphanedResourceWarning,
    ExcludedResourceWarning,
};

// "InvalidSpecError", "SharedResourceWarning", ...
std::string_view conditionTypeName(ConditionType type);

// Error conditions keep an application from being synced; warnings do not.
bool isErrorCondition(ConditionType type);

// Something the user must know about an application, with where it comes from
// ("file:line:col") when there is such a place.
struct Condition
{
    ConditionType type = ConditionType::UnknownError;
    std::string message;
    std::string where;

    std::string toString() const { return where.empty() ? message : where + ": " + message; }
    bool operator==(const Condition &) const = default;
};

} // namespace capstan::argo
