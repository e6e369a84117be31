#pragma once

#include "diff/resourcediffs.h"
#include "reconcile/engine/app_state.h"

#include <vector>

namespace capstan::ui {

// The resources a sync would change, live on the left and desired (Git) on the
// right, from the texts the refresh already produced (Secret values masked).
std::vector<ResourceTexts> outOfSyncTexts(const engine::AppState &app);

} // namespace capstan::ui
