#include "argo/sync_window.h"

#include "argo/duration.h"
#include "argo/glob.h"

#include <QFile>

#include <algorithm>
#include <map>

namespace capstan::argo {

using std::chrono::milliseconds;

namespace {

// Qt reads an unknown name such as "Berlin" as a POSIX rule meaning UTC;
// Argo CD (Go's time.LoadLocation) only takes names from the zone database.
bool isKnownZoneId(const QByteArray &id)
{
    if (QTimeZone::isTimeZoneIdAvailable(id))
        return true;
    // Legacy names (CET, EST5EDT, Etc/GMT+1) are zone files without a listing.
    return !id.contains("..") && QFile::exists(QStringLiteral("/usr/share/zoneinfo/") + QString::fromUtf8(id));
}

} // namespace

capstan::Result<SyncWindow> SyncWindow::create(
    const std::string &kind, const std::string &schedule, const std::string &duration, const std::string &timeZone)
{
    SyncWindow window;
    if (kind == "allow")
        window.kind = SyncWindowKind::Allow;
    else if (kind == "deny")
        window.kind = SyncWindowKind::Deny;
    else
        return capstan::makeError("kind: '" + kind + "' is not allow or deny");

    auto cron = CronSchedule::parse(schedule);
    if (!cron)
        return capstan::makeError("schedule: " + cron.error().message);
    window.schedule = *cron;

    auto length = parseDuration(duration);
    if (!length)
        return capstan::makeError("duration: " + length.error().message);
    if (length->count() <= 0)
        return capstan::makeError("duration: '" + duration + "' must be longer than zero");
    window.duration = *length;
    window.durationText = duration;

    if (!timeZone.empty()) {
        const QByteArray id = QByteArray::fromStdString(timeZone);
        window.timeZone = QTimeZone(id);
        if (!window.timeZone.isValid() || !isKnownZoneId(id))
            return capstan::makeError(
                "timeZone: '" + timeZone + "' is not a known IANA time zone (such as Europe/Berlin)");
    }
    return window;
}

bool SyncWindow::isActiveAt(const QDateTime &time) const
{
    // A start in (time - duration, time] means the window is open at `time`.
    const QDateTime from = time.addMSecs(-duration.count() + 1);
    return !schedule.startsBetween(from, time.addMSecs(1), timeZone).empty();
}

bool windowApplies(const SyncWindow &window, const SyncTarget &target)
{
    const auto anyMatches = [](const std::vector<std::string> &globs, auto &&predicate) {
        return std::any_of(globs.begin(), globs.end(), predicate);
    };
    const bool hasApps = !window.applications.empty();
    const bool hasClusters = !window.clusters.empty();
    const bool hasNamespaces = !window.namespaces.empty();
    const bool apps
        = anyMatches(window.applications, [&](const std::string &g) { return globMatch(g, target.application); });
    const bool clusters = anyMatches(window.clusters, [&](const std::string &g) {
        return (!target.clusterName.empty() && globMatch(g, target.clusterName))
            || (!target.server.empty() && globMatch(g, target.server));
    });
    const bool namespaces
        = anyMatches(window.namespaces, [&](const std::string &g) { return globMatch(g, target.ns); });
    if (!hasApps && !hasClusters && !hasNamespaces)
        return false;
    if (window.andOperator)
        return (!hasApps || apps) && (!hasClusters || clusters) && (!hasNamespaces || namespaces);
    return apps || clusters || namespaces;
}

std::vector<SyncWindowOccurrence> windowOccurrences(
    const std::vector<SyncWindow> &windows, const QDateTime &from, const QDateTime &to)
{
    std::vector<SyncWindowOccurrence> out;
    for (std::size_t i = 0; i < windows.size(); ++i) {
        const SyncWindow &w = windows[i];
        // Openings that started before `from` may still be open in it.
        const QDateTime earliest = from.addMSecs(-w.duration.count() + 1);
        for (const QDateTime &start : w.schedule.startsBetween(earliest, to, w.timeZone))
            out.push_back({ i, start, start.addMSecs(w.duration.count()) });
    }
    std::stable_sort(out.begin(), out.end(),
        [](const SyncWindowOccurrence &a, const SyncWindowOccurrence &b) { return a.start < b.start; });
    return out;
}

namespace {

// The openings of one window, as start instants in ms; all have the same length.
struct WindowTimeline
{
    std::size_t index = 0;
    const SyncWindow *window = nullptr;
    std::vector<qint64> starts;

    bool openAt(qint64 t) const
    {
        // The latest start at or before t has the latest end.
        auto it = std::upper_bound(starts.begin(), starts.end(), t);
        return it != starts.begin() && t < *std::prev(it) + window->duration.count();
    }
};

struct Snapshot
{
    SyncWindowState state = SyncWindowState::Allowed;
    std::vector<std::size_t> active;
};

Snapshot stateAt(const std::vector<WindowTimeline> &timelines, qint64 t)
{
    Snapshot out;
    bool denyOpen = false;
    bool allOpenDeniesManual = true;
    bool allowOpen = false;
    bool hasClosedAllow = false;
    bool allClosedAllowsManual = true;
    for (const WindowTimeline &tl : timelines) {
        const bool open = tl.openAt(t);
        if (open)
            out.active.push_back(tl.index);
        if (tl.window->kind == SyncWindowKind::Deny) {
            if (open) {
                denyOpen = true;
                allOpenDeniesManual = allOpenDeniesManual && tl.window->manualSync;
            }
        } else if (open) {
            allowOpen = true;
        } else {
            hasClosedAllow = true;
            allClosedAllowsManual = allClosedAllowsManual && tl.window->manualSync;
        }
    }
    if (denyOpen)
        out.state = allOpenDeniesManual ? SyncWindowState::ManualOnly : SyncWindowState::Denied;
    else if (allowOpen || !hasClosedAllow)
        out.state = SyncWindowState::Allowed;
    else
        out.state = allClosedAllowsManual ? SyncWindowState::ManualOnly : SyncWindowState::Denied;
    return out;
}

} // namespace

SyncWindowStatus evaluateSyncWindows(
    const std::vector<SyncWindow> &windows, const SyncTarget &target, const QDateTime &now, std::chrono::hours horizon)
{
    SyncWindowStatus status;
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const qint64 endMs = nowMs + std::chrono::duration_cast<milliseconds>(horizon).count();
    std::vector<WindowTimeline> timelines;
    std::vector<qint64> events;
    for (std::size_t i = 0; i < windows.size(); ++i) {
        const SyncWindow &w = windows[i];
        if (!windowApplies(w, target))
            continue;
        status.matching.push_back(i);
        WindowTimeline tl { i, &w, {} };
        const QDateTime from = QDateTime::fromMSecsSinceEpoch(nowMs - w.duration.count() + 1, QTimeZone::utc());
        const QDateTime to = QDateTime::fromMSecsSinceEpoch(endMs + 1, QTimeZone::utc());
        for (const QDateTime &start : w.schedule.startsBetween(from, to, w.timeZone)) {
            const qint64 s = start.toMSecsSinceEpoch();
            tl.starts.push_back(s);
            for (const qint64 edge : { s, s + w.duration.count() }) {
                if (edge > nowMs && edge <= endMs)
                    events.push_back(edge);
            }
        }
        timelines.push_back(std::move(tl));
    }
    Snapshot current = stateAt(timelines, nowMs);
    status.state = current.state;
    status.active = std::move(current.active);

    std::sort(events.begin(), events.end());
    events.erase(std::unique(events.begin(), events.end()), events.end());
    for (const qint64 t : events) {
        const Snapshot next = stateAt(timelines, t);
        if (next.state != status.state) {
            status.nextChange = QDateTime::fromMSecsSinceEpoch(t, now.timeZone());
            status.nextState = next.state;
            break;
        }
    }
    return status;
}

std::string_view syncWindowStateName(SyncWindowState state)
{
    switch (state) {
    case SyncWindowState::Allowed:
        return "allowed";
    case SyncWindowState::ManualOnly:
        return "manual sync only";
    case SyncWindowState::Denied:
        return "denied";
    }
    return "allowed";
}

std::string describeSyncWindowStatus(const SyncWindowStatus &status, const QTimeZone &displayZone)
{
    std::string out(syncWindowStateName(status.state));
    if (!status.nextChange.isValid())
        return out;
    const QDateTime local = status.nextChange.toTimeZone(displayZone);
    // QDateTime::toString with a format uses the C locale: English day names.
    return out + " until " + local.toString(QStringLiteral("ddd HH:mm")).toStdString();
}

} // namespace capstan::argo
