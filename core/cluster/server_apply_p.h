#pragma once

#include "cluster/cluster.h"

namespace capstan::cluster::detail {

class SandboxCore;

// The sandbox's apply: discovery and namespace checks, server-side apply with field
// ownership (or client-side apply, or replace), defaults, validation, then the write.
ApiResult<manifest::Object> applyObject(SandboxCore &core, const manifest::Object &object, const ApplyOptions &options);

} // namespace capstan::cluster::detail
