// Jobs and CronJobs.

#include "reconcile/health/checks_p.h"
#include "reconcile/health/fields_p.h"

#include <QDateTime>
#include <QString>

namespace capstan::health::detail {

using manifest::Node;

// A Job is Progressing until a Complete, Failed or Suspended condition appears.
// Like Argo CD, a condition counts by its type alone, whatever its status, except
// that a Suspended condition must be True to make the Job Suspended.
Health jobHealth(const manifest::Object &live)
{
    bool finished = false;
    bool failed = false;
    bool suspended = false;
    std::string failure;
    std::string message;
    for (const Node &condition : items(live.root(), { "status", "conditions" })) {
        const std::string type = condition.textAt({ "type" });
        if (type == "Failed") {
            finished = failed = true;
            failure = condition.textAt({ "message" });
        } else if (type == "Complete") {
            finished = true;
            message = condition.textAt({ "message" });
        } else if (type == "Suspended") {
            finished = true;
            message = condition.textAt({ "message" });
            if (condition.textAt({ "status" }) == "True")
                suspended = true;
        }
    }
    if (!finished)
        return Health { HealthStatus::Progressing, std::move(message) };
    if (failed)
        return Health { HealthStatus::Degraded, std::move(failure) };
    if (suspended)
        return Health { HealthStatus::Suspended, std::move(message) };
    return Health { HealthStatus::Healthy, std::move(message) };
}

namespace {

// Whether RFC 3339 time a is before b; compared as text where either does not parse.
bool isBefore(const std::string &a, const std::string &b)
{
    const QDateTime ta = QDateTime::fromString(QString::fromStdString(a), Qt::ISODateWithMs);
    const QDateTime tb = QDateTime::fromString(QString::fromStdString(b), Qt::ISODateWithMs);
    if (ta.isValid() && tb.isValid())
        return ta < tb;
    return a < b;
}

} // namespace

// Argo CD ships this check as Lua. A CronJob is judged by its last run: Degraded
// only when the last scheduled run is known to have failed. A suspended CronJob
// is reported Healthy (not Suspended), as Argo CD does.
Health cronJobHealth(const manifest::Object &live)
{
    const Node &root = live.root();
    if (isTrue(root, { "spec", "suspend" }))
        return Health { HealthStatus::Healthy, "CronJob is Suspended" };

    const Node *status = root.at({ "status" });
    if (!status || status->isNull())
        return Health { HealthStatus::Progressing, "Waiting for CronJob" };

    const std::string lastSchedule = status->textAt({ "lastScheduleTime" });
    if (lastSchedule.empty())
        return Health { HealthStatus::Healthy, "CronJob has not been scheduled yet" };
    const std::string lastSuccess = status->textAt({ "lastSuccessfulTime" });
    if (lastSuccess.empty())
        return Health { HealthStatus::Healthy, "The CronJob never completed successfully. It may not be healthy" };
    if (!items(*status, { "active" }).empty())
        return Health { HealthStatus::Healthy, "The job is running. Its last execution may not have been successful" };
    if (isBefore(lastSuccess, lastSchedule))
        return Health { HealthStatus::Degraded, "CronJob has not completed its last execution successfully" };
    return Health { HealthStatus::Healthy, "CronJob has completed its last execution successfully" };
}

} // namespace capstan::health::detail
