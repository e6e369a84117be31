#pragma once

#include "argo/cron.h"
#include "common/result.h"

#include <QDateTime>
#include <QTimeZone>

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace capstan::argo {

enum class SyncWindowKind { Allow, Deny };

// One entry of AppProject.spec.syncWindows.
struct SyncWindow
{
    SyncWindowKind kind = SyncWindowKind::Allow;
    CronSchedule schedule; // when the window opens, on the wall clock of timeZone
    std::chrono::milliseconds duration { 0 };
    QTimeZone timeZone = QTimeZone::utc();
    std::vector<std::string> applications; // globs over application names
    std::vector<std::string> namespaces; // globs over destination namespaces
    std::vector<std::string> clusters; // globs over destination server URLs or cluster names
    bool manualSync = false; // manual syncs may run while this window blocks
    bool andOperator = false; // applications AND clusters AND namespaces must match
    std::string description;
    std::string durationText; // as written
    std::string where; // "file:line:col"

    // Builds a window from its written fields, checking each one:
    // kind "allow"/"deny", a cron schedule, a positive duration, an IANA zone
    // ("" is UTC). Error messages start with the field's name and a colon
    // ("schedule: invalid schedule ..."), so a reader can point at that field.
    static capstan::Result<SyncWindow> create(const std::string &kind, const std::string &schedule,
        const std::string &duration, const std::string &timeZone = {});

    bool isActiveAt(const QDateTime &time) const;
};

// What a window is matched against: an application and its destination.
struct SyncTarget
{
    std::string application;
    std::string ns;
    std::string server;
    std::string clusterName;
};

// Argo CD's SyncWindows.Matches: a window applies when the application name,
// the cluster (server or name) or the namespace matches one of its globs; with
// andOperator every list that is set must match. A window with no lists
// applies to nothing.
bool windowApplies(const SyncWindow &window, const SyncTarget &target);

// One opening of a window: [start, end).
struct SyncWindowOccurrence
{
    std::size_t window = 0; // index into the windows passed in
    QDateTime start;
    QDateTime end;
};

// Every opening of any of the windows that overlaps [from, to), ordered by
// start (for the week calendar).
std::vector<SyncWindowOccurrence> windowOccurrences(
    const std::vector<SyncWindow> &windows, const QDateTime &from, const QDateTime &to);

enum class SyncWindowState {
    Allowed, // automated and manual syncs may run
    ManualOnly, // only a person may sync (manualSync on the windows that block)
    Denied, // nothing may sync
};

enum class SyncTrigger { Automated, Manual };

struct SyncWindowStatus
{
    SyncWindowState state = SyncWindowState::Allowed;
    std::vector<std::size_t> matching; // windows that apply to the target
    std::vector<std::size_t> active; // of those, the ones open now
    // When the state next changes, and to what; invalid when it does not
    // change within the horizon searched.
    QDateTime nextChange;
    SyncWindowState nextState = SyncWindowState::Allowed;

    bool canSync(SyncTrigger trigger) const
    {
        return state == SyncWindowState::Allowed
            || (state == SyncWindowState::ManualOnly && trigger == SyncTrigger::Manual);
    }
};

// The sync window state of a target at `now`, with Argo CD's rules (CanSync):
// an open deny window blocks (manual syncs pass if every open deny window has
// manualSync); otherwise an open allow window allows; otherwise, if the target
// has allow windows and none is open, syncs are blocked (manual syncs pass if
// all of those have manualSync); with no windows everything is allowed. A
// window is open from each cron start for `duration`: [start, start+duration).
SyncWindowStatus evaluateSyncWindows(const std::vector<SyncWindow> &windows, const SyncTarget &target,
    const QDateTime &now, std::chrono::hours horizon = std::chrono::hours(8 * 24));

// "allowed", "denied until Tue 02:00", "manual sync only until Sat 06:00",
// "allowed until Fri 18:00", with times on the wall clock of `displayZone`.
std::string describeSyncWindowStatus(const SyncWindowStatus &status, const QTimeZone &displayZone);

std::string_view syncWindowStateName(SyncWindowState state);

} // namespace capstan::argo
