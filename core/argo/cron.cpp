#include "argo/cron.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

namespace capstan::argo {
namespace {

struct FieldSpec
{
    const char *name;
    int min;
    int max;
    // Names for values min, min+1, ... (months from JAN, days from SUN).
    std::vector<std::string_view> names;
};

const FieldSpec kFields[5] = {
    { "minute", 0, 59, {} },
    { "hour", 0, 23, {} },
    { "day-of-month", 1, 31, {} },
    { "month", 1, 12, { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" } },
    { "day-of-week", 0, 6, { "sun", "mon", "tue", "wed", "thu", "fri", "sat" } },
};

struct Descriptor
{
    std::string_view name;
    std::string_view expansion;
};

constexpr Descriptor kDescriptors[] = {
    { "@yearly", "0 0 1 1 *" },
    { "@annually", "0 0 1 1 *" },
    { "@monthly", "0 0 1 * *" },
    { "@weekly", "0 0 * * 0" },
    { "@daily", "0 0 * * *" },
    { "@midnight", "0 0 * * *" },
    { "@hourly", "0 * * * *" },
};

struct ParsedField
{
    std::uint64_t bits = 0;
    bool any = false;
};

std::string lower(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

capstan::Result<int> parseValue(std::string_view text, const FieldSpec &spec)
{
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc() && end == text.data() + text.size() && !text.empty()) {
        if (value < spec.min || value > spec.max) {
            std::string hint = spec.max == 6 ? " (Sunday is 0)" : "";
            return capstan::makeError(std::string(spec.name) + ": " + std::string(text) + " is out of range "
                + std::to_string(spec.min) + "-" + std::to_string(spec.max) + hint);
        }
        return value;
    }
    const std::string name = lower(text);
    for (std::size_t i = 0; i < spec.names.size(); ++i) {
        if (spec.names[i] == name)
            return spec.min + static_cast<int>(i);
    }
    if (text.empty())
        return capstan::makeError(std::string(spec.name) + ": empty value");
    const std::string expected = spec.names.empty() ? "a number"
        : spec.max == 12                            ? "a number or a month name such as JAN"
                                                    : "a number or a day name such as MON";
    return capstan::makeError(std::string(spec.name) + ": '" + std::string(text) + "' is not " + expected);
}

capstan::Result<ParsedField> parseField(std::string_view text, const FieldSpec &spec)
{
    ParsedField field;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string_view::npos)
            comma = text.size();
        const std::string_view part = text.substr(start, comma - start);
        start = comma + 1;
        if (part.empty())
            return capstan::makeError(std::string(spec.name) + ": empty list element in '" + std::string(text) + "'");

        std::string_view range = part;
        int step = 1;
        bool hasStep = false;
        if (const std::size_t slash = part.find('/'); slash != std::string_view::npos) {
            range = part.substr(0, slash);
            const std::string_view stepText = part.substr(slash + 1);
            const auto [end, ec] = std::from_chars(stepText.data(), stepText.data() + stepText.size(), step);
            if (ec != std::errc() || end != stepText.data() + stepText.size() || stepText.empty())
                return capstan::makeError(
                    std::string(spec.name) + ": step '" + std::string(stepText) + "' is not a number");
            if (step < 1)
                return capstan::makeError(
                    std::string(spec.name) + ": step must be at least 1, got " + std::string(stepText));
            hasStep = true;
        }

        int lo = spec.min;
        int hi = spec.max;
        if (range == "*" || range == "?") {
            // `*/n` with n > 1 restricts the field like any list.
            if (step == 1)
                field.any = true;
        } else if (const std::size_t dash = range.find('-'); dash != std::string_view::npos) {
            auto first = parseValue(range.substr(0, dash), spec);
            if (!first)
                return first.error();
            auto last = parseValue(range.substr(dash + 1), spec);
            if (!last)
                return last.error();
            lo = *first;
            hi = *last;
            if (lo > hi)
                return capstan::makeError(
                    std::string(spec.name) + ": range " + std::string(range) + " ends before it starts");
        } else {
            auto value = parseValue(range, spec);
            if (!value)
                return value.error();
            lo = *value;
            hi = hasStep ? spec.max : *value;
        }
        for (int v = lo; v <= hi; v += step)
            field.bits |= std::uint64_t(1) << v;
        if (comma == text.size())
            break;
    }
    return field;
}

std::vector<std::string_view> splitFields(std::string_view text)
{
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
            ++i;
        const std::size_t begin = i;
        while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])))
            ++i;
        if (i > begin)
            out.push_back(text.substr(begin, i - begin));
    }
    return out;
}

qint64 offsetMs(const QTimeZone &zone, qint64 utcMs)
{
    return qint64(zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(utcMs, QTimeZone::utc()))) * 1000;
}

} // namespace

capstan::Result<CronSchedule> CronSchedule::parse(std::string_view expression)
{
    const auto fail = [&](const capstan::Error &error) {
        return capstan::makeError("invalid schedule '" + std::string(expression) + "': " + error.message);
    };
    std::vector<std::string_view> fields = splitFields(expression);
    if (fields.size() == 1 && fields[0].front() == '@') {
        const std::string name = lower(fields[0]);
        const auto it = std::find_if(
            std::begin(kDescriptors), std::end(kDescriptors), [&](const Descriptor &d) { return d.name == name; });
        if (it == std::end(kDescriptors))
            return fail(capstan::makeError("unknown descriptor '" + std::string(fields[0])
                + "' (use @yearly, @monthly, @weekly, @daily or @hourly)"));
        fields = splitFields(it->expansion);
    }
    if (fields.size() != 5)
        return fail(capstan::makeError(
            "expected 5 fields (minute hour day-of-month month day-of-week), found " + std::to_string(fields.size())));

    CronSchedule schedule;
    schedule.m_expression = std::string(expression);
    std::array<ParsedField, 5> parsed;
    for (std::size_t i = 0; i < 5; ++i) {
        auto field = parseField(fields[i], kFields[i]);
        if (!field)
            return fail(field.error());
        parsed[i] = *field;
    }
    schedule.m_minutes = parsed[0].bits;
    schedule.m_hours = static_cast<std::uint32_t>(parsed[1].bits);
    schedule.m_daysOfMonth = static_cast<std::uint32_t>(parsed[2].bits);
    schedule.m_months = static_cast<std::uint32_t>(parsed[3].bits);
    schedule.m_daysOfWeek = static_cast<std::uint32_t>(parsed[4].bits);
    schedule.m_anyDayOfMonth = parsed[2].any;
    schedule.m_anyDayOfWeek = parsed[4].any;
    return schedule;
}

bool CronSchedule::dayMatches(const QDate &date) const
{
    if (!(m_months & (1u << date.month())))
        return false;
    const bool dom = m_daysOfMonth & (1u << date.day());
    const bool dow = m_daysOfWeek & (1u << (date.dayOfWeek() % 7));
    if (m_anyDayOfMonth || m_anyDayOfWeek)
        return dom && dow;
    return dom || dow;
}

bool CronSchedule::matches(const QDate &date, int hour, int minute) const
{
    return dayMatches(date) && (m_hours & (1u << hour)) && (m_minutes & (std::uint64_t(1) << minute));
}

std::vector<QDateTime> CronSchedule::startsBetween(
    const QDateTime &from, const QDateTime &to, const QTimeZone &zone) const
{
    std::vector<QDateTime> out;
    const qint64 fromMs = from.toMSecsSinceEpoch();
    const qint64 toMs = to.toMSecsSinceEpoch();
    if (toMs <= fromMs)
        return out;
    std::vector<qint64> starts;
    // One day of slack each side: the wall-clock date differs from UTC's.
    const QDate first = from.toTimeZone(zone).date().addDays(-1);
    const QDate last = to.toTimeZone(zone).date().addDays(1);
    for (QDate day = first; day <= last; day = day.addDays(1)) {
        if (!dayMatches(day))
            continue;
        // Wall-clock midnight as if the zone were UTC; offsets map it to instants.
        const qint64 midnight = QDateTime(day, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        const qint64 before = offsetMs(zone, midnight - 14 * 3600000LL);
        const qint64 after = offsetMs(zone, midnight + 38 * 3600000LL);
        for (int hour = 0; hour < 24; ++hour) {
            if (!(m_hours & (1u << hour)))
                continue;
            for (int minute = 0; minute < 60; ++minute) {
                if (!(m_minutes & (std::uint64_t(1) << minute)))
                    continue;
                const qint64 wall = midnight + hour * 3600000LL + minute * 60000LL;
                qint64 instant = wall - before;
                if (before != after) {
                    // A change of offset near this day: the earliest instant
                    // whose offset agrees is the first occurrence; none means
                    // the wall time falls in a gap, kept at the old offset.
                    const qint64 early = wall - std::max(before, after);
                    const qint64 late = wall - std::min(before, after);
                    if (offsetMs(zone, early) == wall - early)
                        instant = early;
                    else if (offsetMs(zone, late) == wall - late)
                        instant = late;
                }
                if (instant >= fromMs && instant < toMs)
                    starts.push_back(instant);
            }
        }
    }
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    out.reserve(starts.size());
    for (const qint64 ms : starts)
        out.push_back(QDateTime::fromMSecsSinceEpoch(ms, zone));
    return out;
}

} // namespace capstan::argo
