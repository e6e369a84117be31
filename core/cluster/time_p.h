#pragma once

#include <cstdint>
#include <string>

namespace capstan::cluster::detail {

// RFC 3339 in UTC, as Kubernetes writes timestamps: "2026-11-26T04:00:00Z".
std::string formatTime(std::int64_t epochSeconds);
// The reverse; -1 where the text is not such a timestamp.
std::int64_t parseTime(const std::string &text);

} // namespace capstan::cluster::detail
