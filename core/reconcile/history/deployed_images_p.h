#pragma once

#include "common/result.h"
#include "manifest/object.h"
#include "reconcile/history/connection_p.h"

#include <cstdint>
#include <string>
#include <vector>

namespace capstan::history::detail {

// The distinct container and init container images of the workloads among
// `objects`, sorted.
std::vector<std::string> workloadImages(const std::vector<manifest::Object> &objects);

// Records the images of operation `id`'s manifests in the images index.
capstan::Result<void> indexImages(
    Connection &connection, std::int64_t id, const std::vector<manifest::Object> &objects);

} // namespace capstan::history::detail
