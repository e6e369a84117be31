#include "reconcile/health/health.h"

#include "reconcile/health/checks_p.h"
#include "reconcile/health/fields_p.h"

#include <algorithm>
#include <array>

namespace capstan::health {

namespace {

using namespace detail;

constexpr std::string_view HookFinalizer = "argocd.argoproj.io/hook-finalizer";

struct BuiltInCheck
{
    std::string_view group;
    std::string_view kind;
    // The API versions the check reads; none listed means any version.
    std::array<std::string_view, 2> versions;
    Health (*check)(const manifest::Object &);
};

// Argo CD's built-in checks (gitops-engine's Go checks plus the Lua ones it
// ships for CronJob and Rollout). Everything else has no health.
constexpr BuiltInCheck BuiltInChecks[] = {
    { "apps", "Deployment", { "v1" }, deploymentHealth },
    { "apps", "StatefulSet", { "v1" }, statefulSetHealth },
    { "apps", "ReplicaSet", { "v1" }, replicaSetHealth },
    { "apps", "DaemonSet", { "v1" }, daemonSetHealth },
    { "", "Service", { "v1" }, serviceHealth },
    { "", "PersistentVolumeClaim", { "v1" }, pvcHealth },
    { "", "Pod", { "v1" }, podHealth },
    { "extensions", "Ingress", {}, ingressHealth },
    { "networking.k8s.io", "Ingress", {}, ingressHealth },
    { "apiregistration.k8s.io", "APIService", { "v1", "v1beta1" }, apiServiceHealth },
    { "batch", "Job", { "v1" }, jobHealth },
    { "batch", "CronJob", {}, cronJobHealth },
    { "autoscaling", "HorizontalPodAutoscaler", { "v1", "v2" }, hpaHealth },
    { "argoproj.io", "Workflow", {}, assessWorkflow },
    { "argoproj.io", "Rollout", {}, rolloutHealth },
};

const BuiltInCheck *findCheck(std::string_view group, std::string_view kind)
{
    for (const BuiltInCheck &c : BuiltInChecks)
        if (c.group == group && c.kind == kind)
            return &c;
    return nullptr;
}

bool readsVersion(const BuiltInCheck &check, std::string_view version)
{
    if (check.versions[0].empty())
        return true;
    return std::find(check.versions.begin(), check.versions.end(), version) != check.versions.end();
}

bool isPendingDeletion(const manifest::Node &root)
{
    const manifest::Node *ts = root.at({ "metadata", "deletionTimestamp" });
    return ts && !ts->isNull() && !hasFinalizer(root, HookFinalizer);
}

constexpr std::array<std::string_view, 6> StatusWords
    = { "Healthy", "Suspended", "Progressing", "Missing", "Degraded", "Unknown" };

} // namespace

std::string_view toString(HealthStatus status)
{
    return StatusWords[static_cast<std::size_t>(status)];
}

std::optional<HealthStatus> parseHealthStatus(std::string_view text)
{
    for (std::size_t i = 0; i < StatusWords.size(); ++i)
        if (StatusWords[i] == text)
            return static_cast<HealthStatus>(i);
    return std::nullopt;
}

int severity(HealthStatus status)
{
    // The enum is declared in Argo CD's order, most healthy first.
    return static_cast<int>(status);
}

bool isWorse(HealthStatus current, HealthStatus candidate)
{
    return severity(candidate) > severity(current);
}

HealthStatus worst(std::span<const HealthStatus> statuses)
{
    HealthStatus result = HealthStatus::Healthy;
    for (HealthStatus s : statuses)
        if (isWorse(result, s))
            result = s;
    return result;
}

std::optional<Health> assess(const manifest::Object &live)
{
    return assess(live, HealthOverride());
}

std::optional<Health> assess(const manifest::Object &live, const HealthOverride &override)
{
    // An object on its way out is Progressing, unless a hook finalizer keeps it
    // for Argo CD to read the hook's result.
    if (isPendingDeletion(live.root()))
        return Health { HealthStatus::Progressing, "Pending deletion" };
    if (override) {
        if (std::optional<Health> health = override(live))
            return health;
    }

    std::string group, version;
    manifest::splitApiVersion(live.apiVersion(), group, version);
    const BuiltInCheck *check = findCheck(group, live.kind());
    if (!check)
        return std::nullopt;
    if (!readsVersion(*check, version))
        return Health { HealthStatus::Unknown,
            "unsupported " + live.kind() + " API version " + live.apiVersion() + " for health assessment" };
    return check->check(live);
}

bool hasBuiltInCheck(std::string_view group, std::string_view kind)
{
    return findCheck(group, kind) != nullptr;
}

Health assessWorkflow(const manifest::Object &workflow)
{
    const manifest::Node &root = workflow.root();
    const std::string phase = text(root, { "status", "phase" });
    std::string message = text(root, { "status", "message" });
    HealthStatus status = HealthStatus::Unknown;
    if (phase.empty() || phase == "Pending" || phase == "Running")
        status = HealthStatus::Progressing;
    else if (phase == "Succeeded")
        status = HealthStatus::Healthy;
    else if (phase == "Failed" || phase == "Error")
        status = HealthStatus::Degraded;
    return Health { status, std::move(message) };
}

} // namespace capstan::health
