#pragma once

#include "common/result.h"

#include <chrono>
#include <string>
#include <string_view>

namespace capstan::argo {

// A duration written as Go's time.ParseDuration reads it, which is what Argo
// CD uses for sync window durations and retry backoffs: a sequence of decimal
// numbers with units ("5s", "3m", "1h30m", "1.5h", "250ms"); units are h, m,
// s, ms, us (µs), ns. "0" alone is zero. Sub-millisecond parts are dropped.
capstan::Result<std::chrono::milliseconds> parseDuration(std::string_view text);

// Argo CD's retry backoff form: a plain integer is a number of seconds ("30"),
// anything else is parsed as above.
capstan::Result<std::chrono::milliseconds> parseBackoffDuration(std::string_view text);

// Short human text: "1h30m", "45s", "2d3h" for the console and messages.
std::string formatDuration(std::chrono::milliseconds duration);

} // namespace capstan::argo
