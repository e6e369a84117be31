// The CronJob controller: standard five-field schedules (lists, ranges, steps, @daily
// and friends) evaluated in UTC, one Job per scheduled minute, history limits.

#include "cluster/controllers/common_p.h"
#include "cluster/controllers/controllers_p.h"
#include "cluster/time_p.h"

#include <algorithm>
#include <ctime>
#include <sstream>

namespace capstan::cluster::detail {

namespace {

// Whether `value` is in one comma-separated cron field spanning [lo, hi].
bool fieldMatches(const std::string &field, int value, int lo, int hi)
{
    std::stringstream parts(field);
    std::string part;
    while (std::getline(parts, part, ',')) {
        int step = 1;
        if (const auto slash = part.find('/'); slash != std::string::npos) {
            step = std::max(1, std::atoi(part.c_str() + slash + 1));
            part.resize(slash);
        }
        int from = lo, to = hi;
        if (part != "*" && part != "?") {
            const auto dash = part.find('-');
            from = std::atoi(part.c_str());
            to = dash == std::string::npos ? (step > 1 ? hi : from) : std::atoi(part.c_str() + dash + 1);
        }
        if (value >= from && value <= to && (value - from) % step == 0)
            return true;
    }
    return false;
}

bool scheduleMatches(std::string schedule, std::int64_t minute)
{
    if (schedule == "@hourly")
        schedule = "0 * * * *";
    else if (schedule == "@daily" || schedule == "@midnight")
        schedule = "0 0 * * *";
    else if (schedule == "@weekly")
        schedule = "0 0 * * 0";
    else if (schedule == "@monthly")
        schedule = "0 0 1 * *";
    else if (schedule == "@yearly" || schedule == "@annually")
        schedule = "0 0 1 1 *";
    std::stringstream in(schedule);
    std::string f[5];
    for (auto &field : f)
        if (!(in >> field))
            return false;
    const std::time_t t = static_cast<std::time_t>(minute * 60);
    std::tm tm {};
    gmtime_r(&t, &tm);
    return fieldMatches(f[0], tm.tm_min, 0, 59) && fieldMatches(f[1], tm.tm_hour, 0, 23)
        && fieldMatches(f[2], tm.tm_mday, 1, 31) && fieldMatches(f[3], tm.tm_mon + 1, 1, 12)
        && fieldMatches(f[4], tm.tm_wday, 0, 6);
}

bool finished(const Object &job)
{
    if (const Node *conditions = job.root().at({ "status", "conditions" }))
        for (const Node &c : conditions->items())
            if ((c.textAt({ "type" }) == "Complete" || c.textAt({ "type" }) == "Failed")
                && c.textAt({ "status" }) == "True")
                return true;
    return false;
}

bool succeeded(const Object &job)
{
    const Node *status = job.root().find("status");
    const Node *c = status ? findCondition(*status, "Complete") : nullptr;
    return c && c->textAt({ "status" }) == "True";
}

ApiResult<void> reconcileCronJob(SandboxCore &core, Object &cj, std::vector<Object> &jobs)
{
    Node status = cj.root().find("status") ? *cj.root().find("status") : Node::map();
    std::int64_t last = parseTime(status.textAt({ "lastScheduleTime" }));
    if (last < 0)
        last = parseTime(cj.root().textAt({ "metadata", "creationTimestamp" }));
    const std::int64_t nowMinute = core.now() / 60;
    std::int64_t due = -1;
    for (std::int64_t m = std::max(last / 60 + 1, nowMinute - 24 * 60); m <= nowMinute; ++m)
        if (scheduleMatches(cj.root().textAt({ "spec", "schedule" }), m))
            due = m;
    std::vector<Object *> active;
    for (Object &j : jobs)
        if (!finished(j))
            active.push_back(&j);
    if (due >= 0 && cj.root().textAt({ "spec", "suspend" }) != "true") {
        const std::string policy = cj.root().textAt({ "spec", "concurrencyPolicy" }, "Allow");
        if (policy == "Replace")
            for (Object *j : active)
                if (auto r = core.erase(ResourceKey::of(*j), Propagation::Background); !r)
                    return r;
        if (policy != "Forbid" || active.empty()) {
            Node root = Node::map();
            root.set("apiVersion", Node::string("batch/v1"));
            root.set("kind", Node::string("Job"));
            Node &meta = root["metadata"];
            meta.set("name", Node::string(cj.name() + "-" + std::to_string(due)));
            meta.set("namespace", Node::string(cj.ns()));
            if (const Node *labels = cj.root().at({ "spec", "jobTemplate", "metadata", "labels" }))
                meta.set("labels", *labels);
            meta["ownerReferences"].append(ownerReference(cj));
            if (const Node *spec = cj.root().at({ "spec", "jobTemplate", "spec" }))
                root.set("spec", *spec);
            auto job = core.create(Object(std::move(root)));
            if (!job)
                return job.error();
        }
        status.set("lastScheduleTime", Node::string(formatTime(due * 60)));
    }
    // History limits: the oldest finished Jobs beyond them go.
    std::vector<Object *> done[2];
    for (Object &j : jobs)
        if (finished(j))
            done[succeeded(j) ? 0 : 1].push_back(&j);
    const std::int64_t limits[2] = { intAt(cj.root(), { "spec", "successfulJobsHistoryLimit" }, 3),
        intAt(cj.root(), { "spec", "failedJobsHistoryLimit" }, 1) };
    for (int k = 0; k < 2; ++k) {
        std::sort(done[k].begin(), done[k].end(), [](Object *a, Object *b) {
            return a->root().textAt({ "metadata", "creationTimestamp" })
                < b->root().textAt({ "metadata", "creationTimestamp" });
        });
        for (std::size_t i = 0; i + limits[k] < done[k].size(); ++i)
            if (auto r = core.erase(ResourceKey::of(*done[k][i]), Propagation::Background); !r)
                return r;
        if (k == 0 && !done[0].empty())
            status.set(
                "lastSuccessfulTime", Node::string(done[0].back()->root().textAt({ "status", "completionTime" })));
    }
    return writeStatus(core, cj, std::move(status));
}

} // namespace

ApiResult<void> runCronJobs(SandboxCore &core)
{
    auto cronJobs = core.objects(GroupKind { "batch", "CronJob" });
    if (!cronJobs)
        return cronJobs.error();
    auto jobs = byOwner(core, GroupKind { "batch", "Job" });
    if (!jobs)
        return jobs.error();
    for (Object &cj : *cronJobs)
        if (auto r = reconcileCronJob(core, cj, (*jobs)[uidOf(cj)]); !r)
            return r;
    return {};
}

} // namespace capstan::cluster::detail
