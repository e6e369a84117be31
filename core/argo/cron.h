#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QTimeZone>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace capstan::argo {

// A five-field cron schedule as Argo CD's sync windows read it (robfig/cron's
// standard parser): minute hour day-of-month month day-of-week, each field a
// list of `*`, `?`, values, ranges `a-b` and steps `*/n`, `a-b/n`, `a/n`
// (from a to the end of the field); months JAN-DEC and days SUN-SAT by name,
// in any case; day-of-week 0-6 with Sunday 0. When both day fields are
// restricted a day matching either one matches (as in every cron). Capstan
// also accepts the descriptors @yearly, @annually, @monthly, @weekly, @daily,
// @midnight and @hourly, which Argo CD's parser does not.
class CronSchedule
{
public:
    // The error message names the field and the bad part:
    // "invalid schedule '0 25 * * *': hour: 25 is out of range 0-23".
    static capstan::Result<CronSchedule> parse(std::string_view expression);

    const std::string &expression() const { return m_expression; }

    // Whether the wall-clock minute (date, hour, minute) is a start time.
    bool matches(const QDate &date, int hour, int minute) const;

    // Every start instant s with from <= s < to, the schedule read as wall-clock
    // time in `zone`. Across daylight-saving changes each matching wall-clock
    // time starts once: a time that happens twice (clocks going back) starts
    // the first time; a time that does not exist (clocks going forward) starts
    // as if the clocks had not changed yet, i.e. shifted by the gap (02:30 on
    // Europe/Berlin's spring-forward day starts at 03:30 CEST). Instants are
    // returned in `zone`, in order.
    std::vector<QDateTime> startsBetween(const QDateTime &from, const QDateTime &to, const QTimeZone &zone) const;

private:
    bool dayMatches(const QDate &date) const;

    std::string m_expression;
    std::uint64_t m_minutes = 0;
    std::uint32_t m_hours = 0;
    std::uint32_t m_daysOfMonth = 0;
    std::uint32_t m_months = 0;
    std::uint32_t m_daysOfWeek = 0;
    // A day field written as `*` or `?` does not restrict the day (see above).
    bool m_anyDayOfMonth = false;
    bool m_anyDayOfWeek = false;
};

} // namespace capstan::argo
