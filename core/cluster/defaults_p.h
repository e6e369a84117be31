#pragma once

// What a Kubernetes API server adds to and checks on an object before storing it.

#include "cluster/api_result.h"
#include "manifest/object.h"

#include <optional>

namespace capstan::cluster::detail {

class SandboxCore;

// Server-set defaults for common kinds (Deployment strategy, Service clusterIP, container
// imagePullPolicy, ...): the fields a normalising compare must learn to ignore.
void applyDefaults(manifest::Object &object, SandboxCore &core);

// Rejects what an API server rejects (missing or malformed names, a selector that does not
// match the template, changes to immutable fields) with ErrorCode::Invalid.
ApiResult<void> validate(const manifest::Object &object, const std::optional<manifest::Object> &previous);

} // namespace capstan::cluster::detail
