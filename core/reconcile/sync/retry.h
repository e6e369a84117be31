#pragma once

// Argo CD's `syncPolicy.retry`: how often and how soon a failed sync is tried again.

#include "common/result.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace capstan::sync {

// A duration as Argo CD reads one: a bare integer is seconds ("30"), anything else is a Go
// duration ("5s", "2m", "1h30m", "1.5s", "300ms").
capstan::Result<std::chrono::nanoseconds> parseArgoDuration(std::string_view text);

struct Backoff
{
    std::string duration; // "" means Argo CD's default, 5s
    std::optional<std::int64_t> factor; // nullopt means Argo CD's default, 2
    std::string maxDuration; // "" means Argo CD's default, 3m
};

struct RetryStrategy
{
    // Retries after a failed attempt; 0: none, negative: no limit.
    std::int64_t limit = 0;
    std::optional<Backoff> backoff;

    // Whether another attempt may follow when `retryCount` retries have been made.
    bool allowsRetry(std::int64_t retryCount) const { return limit < 0 || retryCount < limit; }

    // The wait before retry number retryCount+1, as Argo CD computes it:
    // duration * factor^retryCount, capped at maxDuration (when that is above zero).
    capstan::Result<std::chrono::nanoseconds> delay(std::int64_t retryCount) const;
};

} // namespace capstan::sync
