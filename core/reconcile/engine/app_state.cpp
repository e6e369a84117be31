#include "reconcile/engine/app_state.h"

#include <algorithm>
#include <set>

namespace capstan::engine {

bool AppState::canSync() const
{
    if (engineDecides)
        return true;
    return std::none_of(conditions.begin(), conditions.end(),
                        [](const argo::Condition &c) { return argo::isErrorCondition(c.type); });
}

int AppState::count(compare::ResourceStatus status) const
{
    return int(std::count_if(resources.begin(), resources.end(),
                             [status](const ResourceState &r) { return r.status == status; }));
}

const AppState *WorkspaceSnapshot::app(const std::string &name) const
{
    auto it = std::lower_bound(apps.begin(), apps.end(), name,
                               [](const AppState &a, const std::string &n) { return a.name < n; });
    return it != apps.end() && it->name == name ? &*it : nullptr;
}

ApprovalCheck checkApproval(const AppState &app, const std::string &note, const std::vector<std::string> &approvers,
    bool dryRun)
{
    ApprovalCheck check;
    if (!app.requiresApproval || app.automated || dryRun)
        return check;
    std::set<std::string> people(approvers.begin(), approvers.end());
    people.erase(std::string());
    check.needsNote = note.empty();
    check.neededApprovers = std::max(1, app.requiredApprovers);
    check.givenApprovers = int(people.size());
    return check;
}

std::optional<std::string> missingApproval(const ApprovalCheck &check)
{
    if (check.passed())
        return std::nullopt;
    if (check.needsNote)
        return "an approval note";
    return std::to_string(check.neededApprovers) + " different approvers, " + std::to_string(check.givenApprovers)
        + " given";
}

} // namespace capstan::engine
