#include "argo/duration.h"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace capstan::argo {
namespace {

struct Unit
{
    std::string_view name;
    double millis;
};

// Longest names first so "ms" is not read as "m" followed by garbage.
constexpr Unit kUnits[] = {
    { "ns", 1e-6 },
    { "us", 1e-3 },
    { "\xC2\xB5s", 1e-3 },
    { "\xCE\xBCs", 1e-3 },
    { "ms", 1.0 },
    { "s", 1000.0 },
    { "m", 60000.0 },
    { "h", 3600000.0 },
};

capstan::Error invalid(std::string_view text, const std::string &why)
{
    return capstan::makeError("invalid duration '" + std::string(text) + "': " + why);
}

} // namespace

capstan::Result<std::chrono::milliseconds> parseDuration(std::string_view text)
{
    std::string_view rest = text;
    bool negative = false;
    if (!rest.empty() && (rest.front() == '-' || rest.front() == '+')) {
        negative = rest.front() == '-';
        rest.remove_prefix(1);
    }
    if (rest == "0")
        return std::chrono::milliseconds(0);
    if (rest.empty())
        return invalid(text, "expected a number with a unit, such as \"30m\" or \"1h\"");

    double total = 0;
    while (!rest.empty()) {
        std::size_t i = 0;
        bool digits = false;
        while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9') {
            ++i;
            digits = true;
        }
        if (i < rest.size() && rest[i] == '.') {
            ++i;
            while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9') {
                ++i;
                digits = true;
            }
        }
        if (!digits)
            return invalid(text, "expected a number at '" + std::string(rest) + "'");
        // from_chars, not stod: the result must not depend on the user's locale.
        double value = 0;
        std::from_chars(rest.data(), rest.data() + i, value);
        rest.remove_prefix(i);

        std::size_t unitLength = 0;
        while (unitLength < rest.size() && !(rest[unitLength] >= '0' && rest[unitLength] <= '9')
            && rest[unitLength] != '.')
            ++unitLength;
        const std::string_view unitName = rest.substr(0, unitLength);
        if (unitName.empty())
            return invalid(text, "missing unit (use h, m or s, as in \"90s\")");
        const Unit *unit = nullptr;
        for (const Unit &u : kUnits) {
            if (u.name == unitName)
                unit = &u;
        }
        if (!unit)
            return invalid(text, "unknown unit '" + std::string(unitName) + "' (use h, m, s or ms)");
        total += value * unit->millis;
        rest.remove_prefix(unitLength);
    }
    if (total > 9.2e15)
        return invalid(text, "too long");
    const auto millis = static_cast<std::int64_t>(std::floor(total + 1e-9));
    return std::chrono::milliseconds(negative ? -millis : millis);
}

capstan::Result<std::chrono::milliseconds> parseBackoffDuration(std::string_view text)
{
    if (!text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos && text.size() < 12) {
        std::int64_t seconds = 0;
        std::from_chars(text.data(), text.data() + text.size(), seconds);
        return std::chrono::milliseconds(seconds * 1000);
    }
    return parseDuration(text);
}

std::string formatDuration(std::chrono::milliseconds duration)
{
    std::int64_t ms = duration.count();
    std::string out;
    if (ms < 0) {
        out = "-";
        ms = -ms;
    }
    if (ms == 0)
        return "0s";
    const std::int64_t days = ms / 86400000;
    const std::int64_t hours = ms / 3600000 % 24;
    const std::int64_t minutes = ms / 60000 % 60;
    const std::int64_t seconds = ms / 1000 % 60;
    const std::int64_t rest = ms % 1000;
    if (days)
        out += std::to_string(days) + "d";
    if (hours)
        out += std::to_string(hours) + "h";
    if (minutes)
        out += std::to_string(minutes) + "m";
    if (seconds)
        out += std::to_string(seconds) + "s";
    if (rest)
        out += std::to_string(rest) + "ms";
    return out;
}

} // namespace capstan::argo
