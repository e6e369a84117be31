// Pods. A pod that restarts forever (restartPolicy Always) is a service: it is
// Healthy when ready and Degraded when a container keeps failing. A pod with a
// finite life (OnFailure, Never) is usually a sync hook: while it runs it is
// Progressing, and a failing image is not reported early, so that the hook is
// not failed before the problem had a chance to clear.

#include "reconcile/health/checks_p.h"
#include "reconcile/health/fields_p.h"

namespace capstan::health::detail {

using manifest::Node;

namespace {

constexpr std::string_view IgnoreRestartPolicyAnnotation = "argocd.argoproj.io/ignore-restart-policy";

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

bool endsWith(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Waiting reasons that mean a container cannot start: ErrImagePull,
// CreateContainerConfigError, CrashLoopBackOff, ImagePullBackOff, ...
bool isFailingToStart(std::string_view reason)
{
    return startsWith(reason, "Err") || endsWith(reason, "Error") || endsWith(reason, "BackOff");
}

bool isReady(const Node &root)
{
    const Node *ready = findCondition(items(root, { "status", "conditions" }), "Ready");
    return ready && ready->textAt({ "status" }) == "True";
}

// Why a terminated container failed, or "" when it did not.
std::string failureOf(const Node &container)
{
    const Node *terminated = container.at({ "state", "terminated" });
    if (!terminated || !terminated->isMap())
        return {};
    if (std::string message = terminated->textAt({ "message" }); !message.empty())
        return message;
    if (terminated->textAt({ "reason" }) == "OOMKilled")
        return "OOMKilled";
    if (const std::int64_t code = intOrZero(*terminated, { "exitCode" }); code != 0)
        return "container \"" + container.textAt({ "name" }) + "\" failed with exit code " + std::to_string(code);
    return {};
}

Health failedPodHealth(const Node &root)
{
    if (std::string message = text(root, { "status", "message" }); !message.empty())
        return Health { HealthStatus::Degraded, std::move(message) };
    for (const auto *list :
        { &items(root, { "status", "initContainerStatuses" }), &items(root, { "status", "containerStatuses" }) })
        for (const Node &container : *list)
            if (std::string reason = failureOf(container); !reason.empty())
                return Health { HealthStatus::Degraded, std::move(reason) };
    return Health { HealthStatus::Degraded, {} };
}

} // namespace

Health podHealth(const manifest::Object &live)
{
    const Node &root = live.root();
    const std::string restartPolicy = text(root, { "spec", "restartPolicy" });
    // The annotation asks for a finite pod to be judged like a long-running one,
    // but never for a hook: the hook's sync must wait for it to finish.
    const bool ignoreRestartPolicy = annotation(root, IgnoreRestartPolicyAnnotation) == "true" && !isHook(root);
    const bool longRunning = restartPolicy == "Always" || ignoreRestartPolicy;
    std::string message = text(root, { "status", "message" });

    if (longRunning) {
        bool failing = false;
        std::string reasons;
        for (const Node &container : items(root, { "status", "containerStatuses" })) {
            const Node *waiting = container.at({ "state", "waiting" });
            if (waiting && waiting->isMap() && isFailingToStart(waiting->textAt({ "reason" }))) {
                if (failing)
                    reasons += ", ";
                reasons += waiting->textAt({ "message" });
                failing = true;
            }
        }
        if (failing)
            return Health { HealthStatus::Degraded, std::move(reasons) };
    }

    const std::string phase = text(root, { "status", "phase" });
    if (phase == "Pending")
        return Health { HealthStatus::Progressing, std::move(message) };
    if (phase == "Succeeded")
        return Health { HealthStatus::Healthy, std::move(message) };
    if (phase == "Failed")
        return failedPodHealth(root);
    if (phase == "Running") {
        if (longRunning) {
            if (isReady(root))
                return Health { HealthStatus::Healthy, std::move(message) };
            // Not ready and a container has already died once: it is crash-looping.
            for (const Node &container : items(root, { "status", "containerStatuses" })) {
                const Node *last = container.at({ "lastState", "terminated" });
                if (last && last->isMap())
                    return Health { HealthStatus::Degraded, std::move(message) };
            }
            return Health { HealthStatus::Progressing, std::move(message) };
        }
        if (restartPolicy == "OnFailure" || restartPolicy == "Never")
            return Health { HealthStatus::Progressing, std::move(message) };
    }
    return Health { HealthStatus::Unknown, std::move(message) };
}

} // namespace capstan::health::detail
