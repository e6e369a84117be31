#include "reconcile/sync/retry.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>

namespace capstan::sync {

namespace {

using namespace std::chrono_literals;

constexpr std::chrono::nanoseconds DefaultDuration = 5s;
constexpr std::chrono::nanoseconds DefaultMaxDuration = 3min;
constexpr std::int64_t DefaultFactor = 2;

std::optional<double> unitNanoseconds(std::string_view unit)
{
    if (unit == "ns")
        return 1.0;
    if (unit == "us" || unit == "\xC2\xB5s" || unit == "\xCE\xBCs")
        return 1e3;
    if (unit == "ms")
        return 1e6;
    if (unit == "s")
        return 1e9;
    if (unit == "m")
        return 60e9;
    if (unit == "h")
        return 3600e9;
    return std::nullopt;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

capstan::Result<std::chrono::nanoseconds> invalid(std::string_view text)
{
    return capstan::makeError("unable to parse " + std::string(text) + " as a duration");
}

// Go's time.ParseDuration: a sequence of decimal numbers, each with a unit.
capstan::Result<std::chrono::nanoseconds> parseGoDuration(std::string_view text)
{
    std::string_view rest = text;
    double sign = 1;
    if (!rest.empty() && (rest.front() == '-' || rest.front() == '+')) {
        sign = rest.front() == '-' ? -1 : 1;
        rest.remove_prefix(1);
    }
    if (rest == "0")
        return std::chrono::nanoseconds(0);
    if (rest.empty())
        return invalid(text);
    double total = 0;
    while (!rest.empty()) {
        std::size_t i = 0;
        while (i < rest.size() && isDigit(rest[i]))
            ++i;
        std::size_t digits = i;
        if (i < rest.size() && rest[i] == '.') {
            ++i;
            while (i < rest.size() && isDigit(rest[i]))
                ++i;
            digits += i - digits - 1;
        }
        if (digits == 0)
            return invalid(text);
        const double number = std::stod(std::string(rest.substr(0, i)));
        std::size_t u = i;
        while (u < rest.size() && !isDigit(rest[u]) && rest[u] != '.')
            ++u;
        const auto unit = unitNanoseconds(rest.substr(i, u - i));
        if (!unit)
            return invalid(text);
        total += number * *unit;
        rest.remove_prefix(u);
    }
    if (total > double(std::numeric_limits<std::int64_t>::max()))
        return invalid(text);
    return std::chrono::nanoseconds(static_cast<std::int64_t>(sign * total));
}

} // namespace

capstan::Result<std::chrono::nanoseconds> parseArgoDuration(std::string_view text)
{
    // Argo CD tries a plain integer (seconds) first.
    std::size_t start = !text.empty() && (text.front() == '-' || text.front() == '+') ? 1 : 0;
    if (text.size() > start && std::all_of(text.begin() + start, text.end(), isDigit) && text.size() - start < 12) {
        const std::int64_t seconds = std::stoll(std::string(text));
        return std::chrono::nanoseconds(std::chrono::seconds(seconds));
    }
    return parseGoDuration(text);
}

capstan::Result<std::chrono::nanoseconds> RetryStrategy::delay(std::int64_t retryCount) const
{
    std::chrono::nanoseconds duration = DefaultDuration;
    std::chrono::nanoseconds maxDuration = DefaultMaxDuration;
    std::int64_t factor = DefaultFactor;
    if (backoff) {
        if (!backoff->duration.empty()) {
            auto parsed = parseArgoDuration(backoff->duration);
            if (!parsed)
                return parsed.error();
            duration = *parsed;
        }
        if (!backoff->maxDuration.empty()) {
            auto parsed = parseArgoDuration(backoff->maxDuration);
            if (!parsed)
                return parsed.error();
            maxDuration = *parsed;
        }
        if (backoff->factor)
            factor = *backoff->factor;
    }
    // In floating point, as Argo CD does, so a large retry count saturates instead of overflowing.
    double wait = double(duration.count()) * std::pow(double(factor), double(retryCount));
    if (maxDuration.count() > 0)
        wait = std::min(double(maxDuration.count()), wait);
    if (wait >= double(std::numeric_limits<std::int64_t>::max()))
        return std::chrono::nanoseconds(std::numeric_limits<std::int64_t>::max());
    return std::chrono::nanoseconds(static_cast<std::int64_t>(wait));
}

} // namespace capstan::sync
