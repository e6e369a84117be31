// Argo Rollouts' Rollout, following the Lua check Argo CD ships for it.
// Rollouts since v1.0 report a phase and message that are surfaced as they are;
// older ones are judged from conditions, pauses and replica counts.

#include "reconcile/health/checks_p.h"
#include "reconcile/health/fields_p.h"

#include <charconv>

namespace capstan::health::detail {

using manifest::Node;

namespace {

constexpr std::string_view WorkloadGenerationAnnotation = "rollout.argoproj.io/workload-generation";

Health progressing(std::string message)
{
    return Health { HealthStatus::Progressing, std::move(message) };
}

// A number written as a number or as a string ("3"); Rollouts v0.9 wrote a hash there instead.
std::optional<std::int64_t> number(std::string_view t)
{
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
    if (t.empty() || ec != std::errc() || end != t.data() + t.size())
        return std::nullopt;
    return value;
}

std::optional<std::int64_t> number(const Node *n)
{
    if (!n || !n->isScalar() || n->isNull())
        return std::nullopt;
    return number(n->text());
}

bool isGenerationObserved(const Node &root)
{
    const Node *status = root.at({ "status" });
    if (!status || status->isNull())
        return false;
    const auto observed = number(status->find("observedGeneration"));
    const std::int64_t generation = intOrZero(root, { "metadata", "generation" });
    // A hash, or no number at all, is a v0.9 Rollout: it has no generation to compare.
    if (!observed || *observed > generation)
        return true;
    return *observed == generation;
}

// Rollouts v1.1 may take their pod template from a referenced workload.
bool isWorkloadGenerationObserved(const Node &root)
{
    const Node *ref = root.at({ "spec", "workloadRef" });
    const Node *annotations = root.at({ "metadata", "annotations" });
    if (!ref || ref->isNull() || !annotations || !annotations->isMap())
        return true;
    const auto value = annotation(root, WorkloadGenerationAnnotation);
    const auto annotated = value ? number(std::string_view(*value)) : std::nullopt;
    return annotated == number(root.at({ "status", "workloadObservedGeneration" }));
}

std::optional<Health> degradedByCondition(const Node &root)
{
    for (const Node &c : items(root, { "status", "conditions" })) {
        const std::string type = c.textAt({ "type" });
        const std::string reason = c.textAt({ "reason" });
        if (type == "InvalidSpec"
            || (type == "Progressing" && (reason == "RolloutAborted" || reason == "ProgressDeadlineExceeded")))
            return Health { HealthStatus::Degraded, c.textAt({ "message" }) };
    }
    return std::nullopt;
}

bool isPaused(const Node &root)
{
    return !items(root, { "status", "pauseConditions" }).empty() || isTrue(root, { "spec", "paused" });
}

// Rollouts v0.8 moved the stable ReplicaSet from status.canary.stableRS to status.stableRS.
std::string stableReplicaSet(const Node &root)
{
    if (const Node *rs = root.at({ "status", "stableRS" }); rs && !rs->isNull())
        return rs->text();
    return text(root, { "status", "canary", "stableRS" });
}

std::optional<Health> replicasProgress(const Node &root)
{
    const std::int64_t desired = optionalInt(root, { "spec", "replicas" }).value_or(1);
    const std::int64_t updated = intOrZero(root, { "status", "updatedReplicas" });
    const std::int64_t available = intOrZero(root, { "status", "availableReplicas" });
    if (updated < desired)
        return progressing("Waiting for roll out to finish: More replicas need to be updated");
    if (available < updated)
        return progressing("Waiting for roll out to finish: updated replicas are still becoming available");
    return std::nullopt;
}

} // namespace

Health rolloutHealth(const manifest::Object &live)
{
    const Node &root = live.root();
    if (!isGenerationObserved(root) || !isWorkloadGenerationObserved(root))
        return progressing("Waiting for rollout spec update to be observed");

    if (const Node *phase = root.at({ "status", "phase" }); phase && !phase->isNull()) {
        std::string message = text(root, { "status", "message" });
        if (phase->text() == "Paused")
            return Health { HealthStatus::Suspended, std::move(message) };
        return Health { parseHealthStatus(phase->text()).value_or(HealthStatus::Unknown), std::move(message) };
    }

    if (auto degraded = degradedByCondition(root))
        return *degraded;
    if (isPaused(root))
        return Health { HealthStatus::Suspended, "Rollout is paused" };

    const Node *podHash = root.at({ "status", "currentPodHash" });
    if (!podHash || podHash->isNull())
        return progressing("Waiting for rollout to finish: status has not been reconciled.");
    const std::string currentPodHash = podHash->text();
    if (auto replicas = replicasProgress(root))
        return *replicas;

    const std::string stable = stableReplicaSet(root);
    if (const Node *blueGreen = root.at({ "spec", "strategy", "blueGreen" }); blueGreen && !blueGreen->isNull()) {
        const Node *status = root.at({ "status", "blueGreen" });
        if (!status || status->isNull() || status->textAt({ "activeSelector" }) != currentPodHash)
            return progressing("active service cutover pending");
        if (!stable.empty() && stable != currentPodHash)
            return progressing("waiting for analysis to complete");
    } else if (const Node *canary = root.at({ "spec", "strategy", "canary" }); canary && !canary->isNull()) {
        if (intOrZero(root, { "status", "replicas" }) > intOrZero(root, { "status", "updatedReplicas" }))
            return progressing("Waiting for roll out to finish: old replicas are pending termination");
        if (stable.empty() || stable != currentPodHash)
            return progressing("Waiting for rollout to finish steps");
    }
    return Health { HealthStatus::Healthy, {} };
}

} // namespace capstan::health::detail
