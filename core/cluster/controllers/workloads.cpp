// StatefulSet, DaemonSet and Job controllers, simplified: ordered pods with stable names,
// one pod per sandbox node, and run-to-completion with a back-off limit.

#include "cluster/controllers/common_p.h"
#include "cluster/controllers/controllers_p.h"
#include "cluster/time_p.h"

#include <algorithm>

namespace capstan::cluster::detail {

namespace {

constexpr const char *kRevisionLabel = "controller-revision-hash";

std::string revisionOf(const Object &pod)
{
    return pod.root().textAt({ "metadata", "labels", kRevisionLabel });
}

ApiResult<Object> createPod(SandboxCore &core, const Object &owner, const std::string &name,
    std::map<std::string, std::string> labels, const std::string &nodeName = {})
{
    Object pod = podFromTemplate(owner, *owner.root().at({ "spec", "template" }), name, labels);
    if (!nodeName.empty())
        pod.root()["spec"].set("nodeName", Node::string(nodeName));
    return core.create(std::move(pod));
}

ApiResult<void> reconcileStatefulSet(SandboxCore &core, Object &sts, std::vector<Object> &pods)
{
    if (!sts.root().at({ "spec", "template" }))
        return {};
    const std::int64_t desired = intAt(sts.root(), { "spec", "replicas" }, 1);
    const std::string revision = sts.name() + "-" + hashOf(*sts.root().at({ "spec", "template" }));
    const bool parallel = sts.root().textAt({ "spec", "podManagementPolicy" }) == "Parallel";
    std::map<std::int64_t, Object *> byOrdinal;
    for (Object &p : pods) {
        const std::string suffix = p.name().substr(sts.name().size() + 1);
        byOrdinal[std::stoll(suffix)] = &p;
    }
    bool changed = false;
    for (std::int64_t i = 0; i < desired && !changed; ++i) {
        auto it = byOrdinal.find(i);
        if (it == byOrdinal.end()) {
            const std::string name = sts.name() + "-" + std::to_string(i);
            auto pod = createPod(
                core, sts, name, { { kRevisionLabel, revision }, { "statefulset.kubernetes.io/pod-name", name } });
            if (!pod)
                return pod.error();
            changed = !parallel;
        } else if (!isReady(*it->second) && !parallel) {
            changed = true; // OrderedReady: wait for this one before the next
        }
    }
    if (!changed && !byOrdinal.empty() && byOrdinal.rbegin()->first >= desired) {
        if (auto r = core.erase(ResourceKey::of(*byOrdinal.rbegin()->second), Propagation::Background); !r)
            return r;
        changed = true;
    }
    const std::int64_t partition = intAt(sts.root(), { "spec", "updateStrategy", "rollingUpdate", "partition" }, 0);
    if (!changed && sts.root().textAt({ "spec", "updateStrategy", "type" }) != "OnDelete") {
        for (auto it = byOrdinal.rbegin(); it != byOrdinal.rend(); ++it) {
            if (it->first < desired && it->first >= partition && revisionOf(*it->second) != revision) {
                if (auto r = core.erase(ResourceKey::of(*it->second), Propagation::Background); !r)
                    return r;
                break;
            }
        }
    }
    std::int64_t replicas = 0, ready = 0, updated = 0;
    for (const auto &[ordinal, p] : byOrdinal) {
        ++replicas;
        ready += isReady(*p);
        updated += revisionOf(*p) == revision;
    }
    Node status = sts.root().find("status") ? *sts.root().find("status") : Node::map();
    const bool done = updated == desired && replicas == desired;
    status.set("observedGeneration", Node::integer(intAt(sts.root(), { "metadata", "generation" }, 1)));
    status.set("replicas", Node::integer(replicas));
    status.set("readyReplicas", Node::integer(ready));
    status.set("availableReplicas", Node::integer(ready));
    status.set("updatedReplicas", Node::integer(updated));
    status.set("currentReplicas", Node::integer(done ? updated : replicas - updated));
    status.set("updateRevision", Node::string(revision));
    if (done || !status.contains("currentRevision"))
        status.set("currentRevision", Node::string(done ? revision : status.textAt({ "currentRevision" }, revision)));
    return writeStatus(core, sts, std::move(status));
}

ApiResult<void> reconcileDaemonSet(SandboxCore &core, Object &ds, std::vector<Object> &pods)
{
    if (!ds.root().at({ "spec", "template" }))
        return {};
    const std::string revision = hashOf(*ds.root().at({ "spec", "template" }));
    std::map<std::string, Object *> byNode;
    for (Object &p : pods)
        byNode[p.root().textAt({ "spec", "nodeName" })] = &p;
    bool allReady = true;
    for (int n = 1; n <= core.nodeCount(); ++n) {
        const std::string node = "sandbox-node-" + std::to_string(n);
        if (!byNode.count(node)) {
            auto pod = createPod(core, ds, ds.name() + "-" + nameSuffix(core), { { kRevisionLabel, revision } }, node);
            if (!pod)
                return pod.error();
            allReady = false;
        } else {
            allReady = allReady && isReady(*byNode[node]);
        }
    }
    if (allReady && ds.root().textAt({ "spec", "updateStrategy", "type" }) != "OnDelete")
        for (const auto &[node, p] : byNode)
            if (revisionOf(*p) != revision) {
                if (auto r = core.erase(ResourceKey::of(*p), Propagation::Background); !r)
                    return r;
                break; // maxUnavailable 1
            }
    std::int64_t scheduled = 0, ready = 0, updated = 0;
    for (const auto &[node, p] : byNode) {
        ++scheduled;
        ready += isReady(*p);
        updated += revisionOf(*p) == revision;
    }
    Node status = Node::map();
    status.set("currentNumberScheduled", Node::integer(scheduled));
    status.set("desiredNumberScheduled", Node::integer(core.nodeCount()));
    status.set("numberAvailable", Node::integer(ready));
    status.set("numberMisscheduled", Node::integer(0));
    status.set("numberReady", Node::integer(ready));
    status.set("numberUnavailable", Node::integer(core.nodeCount() - ready));
    status.set("observedGeneration", Node::integer(intAt(ds.root(), { "metadata", "generation" }, 1)));
    status.set("updatedNumberScheduled", Node::integer(updated));
    return writeStatus(core, ds, std::move(status));
}

bool conditionTrue(const Object &o, const char *type)
{
    const Node *status = o.root().find("status");
    const Node *c = status ? findCondition(*status, type) : nullptr;
    return c && c->textAt({ "status" }) == "True";
}

ApiResult<void> reconcileJob(SandboxCore &core, Object &job, std::vector<Object> &pods)
{
    if (conditionTrue(job, "Complete") || conditionTrue(job, "Failed") || !job.root().at({ "spec", "template" }))
        return {};
    if (job.root().textAt({ "spec", "suspend" }) == "true")
        return {};
    const std::int64_t completions = intAt(job.root(), { "spec", "completions" }, 1);
    const std::int64_t parallelism = intAt(job.root(), { "spec", "parallelism" }, 1);
    const std::int64_t backoffLimit = intAt(job.root(), { "spec", "backoffLimit" }, 6);
    std::int64_t succeeded = 0, failed = 0, ready = 0;
    std::vector<Object *> active;
    for (Object &p : pods) {
        const std::string phase = p.root().textAt({ "status", "phase" });
        if (phase == "Succeeded")
            ++succeeded;
        else if (phase == "Failed")
            ++failed;
        else
            active.push_back(&p);
        ready += isReady(p);
        // With restartPolicy OnFailure the restarts are the failures.
        if (const Node *cs = p.root().at({ "status", "containerStatuses" }))
            for (const Node &c : cs->items())
                failed += intAt(c, { "restartCount" }, 0);
    }
    Node status = job.root().find("status") ? *job.root().find("status") : Node::map();
    const std::string stamp = core.nowStamp();
    if (!status.contains("startTime"))
        status.set("startTime", Node::string(stamp));
    if (succeeded >= completions) {
        setCondition(status, "Complete", "True", {}, {}, stamp);
        status.set("completionTime", Node::string(stamp));
        active.clear();
    } else if (failed > backoffLimit) {
        setCondition(
            status, "Failed", "True", "BackoffLimitExceeded", "Job has reached the specified backoff limit", stamp);
        for (Object *p : active)
            if (auto r = core.erase(ResourceKey::of(*p), Propagation::Background); !r)
                return r;
        active.clear();
    } else {
        for (auto n = static_cast<std::int64_t>(active.size()); n < parallelism && n + succeeded < completions; ++n) {
            auto pod = createPod(core, job, job.name() + "-" + nameSuffix(core),
                { { "job-name", job.name() }, { "batch.kubernetes.io/job-name", job.name() } });
            if (!pod)
                return pod.error();
        }
    }
    status.set("active", Node::integer(static_cast<std::int64_t>(active.size())));
    status.set("succeeded", Node::integer(succeeded));
    status.set("failed", Node::integer(failed));
    status.set("ready", Node::integer(ready));
    return writeStatus(core, job, std::move(status));
}

template<typename F> ApiResult<void> forEachOwner(SandboxCore &core, const GroupKind &kind, F &&reconcile)
{
    auto owners = core.objects(kind);
    if (!owners)
        return owners.error();
    if (owners->empty())
        return {};
    auto pods = byOwner(core, GroupKind { "", "Pod" });
    if (!pods)
        return pods.error();
    for (Object &owner : *owners) {
        if (owner.root().at({ "metadata", "deletionTimestamp" }))
            continue;
        if (auto r = reconcile(core, owner, (*pods)[uidOf(owner)]); !r)
            return r;
    }
    return {};
}

} // namespace

ApiResult<void> runStatefulSets(SandboxCore &core)
{
    return forEachOwner(core, GroupKind { "apps", "StatefulSet" }, reconcileStatefulSet);
}

ApiResult<void> runDaemonSets(SandboxCore &core)
{
    return forEachOwner(core, GroupKind { "apps", "DaemonSet" }, reconcileDaemonSet);
}

ApiResult<void> runJobs(SandboxCore &core)
{
    return forEachOwner(core, GroupKind { "batch", "Job" }, reconcileJob);
}

} // namespace capstan::cluster::detail
