#include "reconcile/engine/app_state.h"

#include <algorithm>

namespace capstan::engine {

bool AppState::canSync() const
{
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

} // namespace capstan::engine
