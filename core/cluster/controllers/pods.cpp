// The kubelet, simulated: scheduling onto the sandbox's nodes, image pulls against the
// simulated registry, start-up and readiness delays, crash loops with growing back-off,
// and run-to-completion for Job pods.

#include "cluster/controllers/common_p.h"
#include "cluster/controllers/controllers_p.h"
#include "cluster/time_p.h"

#include <algorithm>

namespace capstan::cluster::detail {

namespace {

constexpr std::int64_t kPullSeconds = 1; // creation to container start
constexpr std::int64_t kReadySeconds = 3; // start to Ready without a readiness probe
constexpr std::int64_t kJobRunSeconds = 5; // how long a Job's container runs by default
constexpr const char *kRunSecondsAnnotation = "sandbox.capstan.io/run-seconds";

struct ContainerOutcome
{
    Node status;
    bool ready = false;
    bool running = false;
    bool terminated = false;
    bool failed = false;
};

Node stateNode(const char *state, Node detail)
{
    Node n = Node::map();
    n.set(state, std::move(detail));
    return n;
}

Node waiting(const std::string &reason, const std::string &message)
{
    Node w = Node::map();
    w.set("reason", Node::string(reason));
    if (!message.empty())
        w.set("message", Node::string(message));
    return stateNode("waiting", std::move(w));
}

Node terminated(int exitCode, const std::string &reason, std::int64_t started, std::int64_t finished)
{
    Node t = Node::map();
    t.set("exitCode", Node::integer(exitCode));
    t.set("reason", Node::string(reason));
    t.set("startedAt", Node::string(formatTime(started)));
    t.set("finishedAt", Node::string(formatTime(finished)));
    return t;
}

// Crash times of a container that exits at once: kubelet's back-off doubles from 10 s to 5 min.
std::pair<std::int64_t, std::int64_t> crashLoop(std::int64_t runningFor)
{
    std::int64_t restarts = 0, at = 0, backoff = 10;
    while (at + backoff <= runningFor) {
        at += backoff;
        ++restarts;
        backoff = std::min<std::int64_t>(backoff * 2, 300);
    }
    return { restarts, backoff };
}

ContainerOutcome simulate(SandboxCore &core, const Node &container, std::int64_t created, std::int64_t now,
    const std::string &restartPolicy, std::int64_t runSeconds)
{
    ContainerOutcome out;
    const std::string image = container.textAt({ "image" });
    const std::int64_t age = now - created;
    const std::int64_t started = created + kPullSeconds;
    Node &s = out.status = Node::map();
    s.set("name", Node::string(container.textAt({ "name" })));
    s.set("image", Node::string(image));
    s.set("imageID", Node::string(""));
    s.set("restartCount", Node::integer(0));
    s.set("started", Node::boolean(false));

    switch (core.registry().availability(image)) {
    case ImageAvailability::Missing:
        s.set("state",
            age < 2 * kPullSeconds ? waiting("ErrImagePull",
                "rpc error: code = NotFound desc = failed to pull and unpack image \"" + image + "\": not found")
                                   : waiting("ImagePullBackOff", "Back-off pulling image \"" + image + "\""));
        return out;
    case ImageAvailability::Broken:
        if (age < kPullSeconds) {
            s.set("state", waiting("ContainerCreating", {}));
            return out;
        }
        if (restartPolicy == "Never") {
            s.set("state", stateNode("terminated", terminated(1, "Error", started, started + 1)));
            out.terminated = out.failed = true;
            return out;
        } else {
            const auto [restarts, backoff] = crashLoop(age - kPullSeconds);
            s.set("restartCount", Node::integer(restarts));
            s.set("lastState", stateNode("terminated", terminated(1, "Error", started, started + 1)));
            s.set("state",
                waiting("CrashLoopBackOff",
                    "back-off " + std::to_string(backoff)
                        + "s restarting failed container=" + container.textAt({ "name" })));
            out.running = true; // the pod stays Running while its container crash-loops
            return out;
        }
    case ImageAvailability::Available:
        break;
    }
    if (age < kPullSeconds) {
        s.set("state", waiting("ContainerCreating", {}));
        return out;
    }
    if (runSeconds >= 0 && age >= kPullSeconds + runSeconds) {
        s.set("state", stateNode("terminated", terminated(0, "Completed", started, started + runSeconds)));
        out.terminated = true;
        return out;
    }
    Node running = Node::map();
    running.set("startedAt", Node::string(formatTime(started)));
    s.set("state", stateNode("running", std::move(running)));
    s.set("started", Node::boolean(true));
    out.running = true;
    std::int64_t readyAfter = kReadySeconds;
    if (const Node *probe = container.find("readinessProbe"))
        readyAfter = std::max<std::int64_t>(1, intAt(*probe, { "initialDelaySeconds" }, kReadySeconds));
    out.ready = age >= kPullSeconds + readyAfter;
    s.set("ready", Node::boolean(out.ready));
    return out;
}

ApiResult<void> runPod(SandboxCore &core, Object &pod)
{
    if (isTerminated(pod) || pod.root().at({ "metadata", "deletionTimestamp" }))
        return {};
    const std::int64_t now = core.now();
    const std::string stamp = core.nowStamp();
    Node &spec = pod.root()["spec"];
    if (spec.textAt({ "nodeName" }).empty()) {
        const std::int64_t n = core.nextCounter("schedule") % core.nodeCount() + 1;
        spec.set("nodeName", Node::string("sandbox-node-" + std::to_string(n)));
        auto written = core.update(pod);
        if (!written)
            return written.error();
        pod = std::move(*written);
    }
    const std::int64_t created = parseTime(pod.root().textAt({ "metadata", "creationTimestamp" }));
    const std::string restartPolicy = pod.root().textAt({ "spec", "restartPolicy" }, "Always");
    const Node *owners = pod.root().at({ "metadata", "ownerReferences" });
    const bool jobPod = owners && !owners->items().empty() && owners->items().front().textAt({ "kind" }) == "Job";
    std::int64_t runSeconds = -1;
    if (jobPod)
        runSeconds = std::stoll(
            pod.root().textAt({ "metadata", "annotations", kRunSecondsAnnotation }, std::to_string(kJobRunSeconds)));

    Node status = pod.root().find("status") ? *pod.root().find("status") : Node::map();
    Node statuses = Node::sequence();
    bool allReady = true, anyRunning = false, allTerminated = true, anyFailed = false;
    if (const Node *containers = pod.root().at({ "spec", "containers" })) {
        for (const Node &c : containers->items()) {
            ContainerOutcome o = simulate(core, c, created, now, restartPolicy, runSeconds);
            allReady = allReady && o.ready;
            anyRunning = anyRunning || o.running;
            allTerminated = allTerminated && o.terminated;
            anyFailed = anyFailed || o.failed;
            statuses.append(std::move(o.status));
        }
    }
    std::string phase = "Pending";
    if (allTerminated && !statuses.empty())
        phase = anyFailed ? "Failed" : "Succeeded";
    else if (anyRunning)
        phase = "Running";
    status.set("phase", Node::string(phase));
    status.set("hostIP", Node::string("192.168.49." + pod.root().textAt({ "spec", "nodeName" }).substr(13)));
    if (!status.contains("startTime"))
        status.set("startTime", Node::string(formatTime(created)));
    if (phase != "Pending" && !status.contains("podIP")) {
        const std::int64_t n = core.nextCounter("podIP");
        status.set(
            "podIP", Node::string("10.244." + std::to_string((n / 250) % 250) + "." + std::to_string(n % 250 + 2)));
    }
    status.set("containerStatuses", std::move(statuses));
    const bool ready = allReady && phase == "Running";
    setCondition(status, "PodScheduled", "True", {}, {}, stamp);
    setCondition(status, "Initialized", "True", {}, {}, stamp);
    setCondition(status, "ContainersReady", ready ? "True" : "False", ready ? "" : "ContainersNotReady", {}, stamp);
    setCondition(status, "Ready", ready ? "True" : "False", ready ? "" : "ContainersNotReady",
        ready ? "" : "containers with unready status", stamp);
    if (allTerminated)
        status.set("phase", Node::string(phase));
    return writeStatus(core, pod, std::move(status));
}

} // namespace

ApiResult<void> runPods(SandboxCore &core)
{
    auto pods = core.objects(GroupKind { "", "Pod" });
    if (!pods)
        return pods.error();
    for (Object &pod : *pods)
        if (auto r = runPod(core, pod); !r)
            return r;
    return {};
}

} // namespace capstan::cluster::detail
