#pragma once

// Compact JSON for Node trees: how the sandbox stores objects, and how field-ownership
// keys ("k:{\"name\":\"web\"}") and template hashes are spelled. Map order is kept.

#include "common/result.h"
#include "manifest/node.h"

#include <string>
#include <string_view>

namespace capstan::cluster::detail {

std::string toJson(const manifest::Node &node);
void appendJson(std::string &out, const manifest::Node &node);
capstan::Result<manifest::Node> fromJson(std::string_view text);

} // namespace capstan::cluster::detail
