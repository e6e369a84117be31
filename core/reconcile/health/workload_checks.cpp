// Deployment, StatefulSet, DaemonSet and ReplicaSet: a rollout is Progressing
// until the controller has observed the newest spec and every replica is
// updated and available (kubectl's `rollout status` rules, as Argo CD uses them).

#include "reconcile/health/checks_p.h"
#include "reconcile/health/fields_p.h"

namespace capstan::health::detail {

using manifest::Node;
using std::to_string;

namespace {

Health progressing(std::string message)
{
    return Health { HealthStatus::Progressing, std::move(message) };
}

std::string quoted(const std::string &name)
{
    return '"' + name + '"';
}

} // namespace

Health deploymentHealth(const manifest::Object &live)
{
    const Node &root = live.root();
    if (isTrue(root, { "spec", "paused" }))
        return Health { HealthStatus::Suspended, "Deployment is paused" };
    if (intOrZero(root, { "metadata", "generation" }) > intOrZero(root, { "status", "observedGeneration" }))
        return progressing(
            "Waiting for rollout to finish: observed deployment generation less than desired generation");

    const Node *progress = findCondition(items(root, { "status", "conditions" }), "Progressing");
    if (progress && progress->textAt({ "reason" }) == "ProgressDeadlineExceeded")
        return Health { HealthStatus::Degraded,
            "Deployment " + quoted(live.name()) + " exceeded its progress deadline" };

    const auto desired = optionalInt(root, { "spec", "replicas" });
    const std::int64_t replicas = intOrZero(root, { "status", "replicas" });
    const std::int64_t updated = intOrZero(root, { "status", "updatedReplicas" });
    const std::int64_t available = intOrZero(root, { "status", "availableReplicas" });
    if (desired && updated < *desired)
        return progressing("Waiting for rollout to finish: " + to_string(updated) + " out of " + to_string(*desired)
            + " new replicas have been updated...");
    if (replicas > updated)
        return progressing("Waiting for rollout to finish: " + to_string(replicas - updated)
            + " old replicas are pending termination...");
    if (available < updated)
        return progressing("Waiting for rollout to finish: " + to_string(available) + " of " + to_string(updated)
            + " updated replicas are available...");
    return Health { HealthStatus::Healthy, {} };
}

Health statefulSetHealth(const manifest::Object &live)
{
    const Node &root = live.root();
    const std::int64_t observed = intOrZero(root, { "status", "observedGeneration" });
    if (observed == 0 || intOrZero(root, { "metadata", "generation" }) > observed)
        return progressing("Waiting for statefulset spec update to be observed...");

    const auto desired = optionalInt(root, { "spec", "replicas" });
    const std::int64_t ready = intOrZero(root, { "status", "readyReplicas" });
    const std::int64_t updated = intOrZero(root, { "status", "updatedReplicas" });
    if (desired && ready < *desired)
        return progressing("Waiting for " + to_string(*desired - ready) + " pods to be ready...");

    const std::string strategy = text(root, { "spec", "updateStrategy", "type" });
    const Node *rolling = root.at({ "spec", "updateStrategy", "rollingUpdate" });
    if (strategy == "RollingUpdate" && rolling && !rolling->isNull()) {
        // A partition holds back the ordinals below it: only the rest must be updated.
        const auto partition = optionalInt(root, { "spec", "updateStrategy", "rollingUpdate", "partition" });
        if (desired && partition && updated < *desired - *partition)
            return progressing("Waiting for partitioned roll out to finish: " + to_string(updated) + " out of "
                + to_string(*desired - *partition) + " new pods have been updated...");
        return Health { HealthStatus::Healthy,
            "partitioned roll out complete: " + to_string(updated) + " new pods have been updated..." };
    }
    if (strategy == "OnDelete")
        return Health { HealthStatus::Healthy, "statefulset has " + to_string(ready) + " ready pods" };

    const std::string updateRevision = text(root, { "status", "updateRevision" });
    const std::string currentRevision = text(root, { "status", "currentRevision" });
    if (updateRevision != currentRevision)
        return progressing("waiting for statefulset rolling update to complete " + to_string(updated)
            + " pods at revision " + updateRevision + "...");
    return Health { HealthStatus::Healthy,
        "statefulset rolling update complete " + to_string(intOrZero(root, { "status", "currentReplicas" }))
            + " pods at revision " + currentRevision + "..." };
}

Health daemonSetHealth(const manifest::Object &live)
{
    const Node &root = live.root();
    if (intOrZero(root, { "metadata", "generation" }) > intOrZero(root, { "status", "observedGeneration" }))
        return progressing(
            "Waiting for rollout to finish: observed daemon set generation less than desired generation");

    const std::int64_t desired = intOrZero(root, { "status", "desiredNumberScheduled" });
    const std::int64_t updated = intOrZero(root, { "status", "updatedNumberScheduled" });
    const std::int64_t available = intOrZero(root, { "status", "numberAvailable" });
    // With OnDelete, pods are replaced only when someone deletes them: nothing to wait for.
    if (text(root, { "spec", "updateStrategy", "type" }) == "OnDelete")
        return Health { HealthStatus::Healthy,
            "daemon set " + to_string(updated) + " out of " + to_string(desired) + " new pods have been updated" };
    if (updated < desired)
        return progressing("Waiting for daemon set " + quoted(live.name()) + " rollout to finish: " + to_string(updated)
            + " out of " + to_string(desired) + " new pods have been updated...");
    if (available < desired)
        return progressing("Waiting for daemon set " + quoted(live.name()) + " rollout to finish: "
            + to_string(available) + " of " + to_string(desired) + " updated pods are available...");
    return Health { HealthStatus::Healthy, {} };
}

Health replicaSetHealth(const manifest::Object &live)
{
    const Node &root = live.root();
    if (intOrZero(root, { "metadata", "generation" }) > intOrZero(root, { "status", "observedGeneration" }))
        return progressing(
            "Waiting for rollout to finish: observed replica set generation less than desired generation");

    const Node *failure = findCondition(items(root, { "status", "conditions" }), "ReplicaFailure");
    if (failure && failure->textAt({ "status" }) == "True")
        return Health { HealthStatus::Degraded, failure->textAt({ "message" }) };

    const auto desired = optionalInt(root, { "spec", "replicas" });
    const std::int64_t available = intOrZero(root, { "status", "availableReplicas" });
    if (desired && available < *desired)
        return progressing("Waiting for rollout to finish: " + to_string(available) + " out of " + to_string(*desired)
            + " new replicas are available...");
    return Health { HealthStatus::Healthy, {} };
}

} // namespace capstan::health::detail
