// The Deployment and ReplicaSet controllers: one ReplicaSet per pod template (named by
// its pod-template-hash), rolling updates within maxSurge/maxUnavailable, Recreate, and
// the status and conditions Argo CD's health assessment reads.

#include "cluster/controllers/common_p.h"
#include "cluster/controllers/controllers_p.h"
#include "cluster/time_p.h"

#include <algorithm>

namespace capstan::cluster::detail {

namespace {

const GroupKind kDeployment { "apps", "Deployment" };
const GroupKind kReplicaSet { "apps", "ReplicaSet" };
constexpr const char *kRevision = "deployment.kubernetes.io/revision";
constexpr const char *kHashLabel = "pod-template-hash";

std::int64_t revisionOf(const Object &rs)
{
    return std::stoll(rs.root().textAt({ "metadata", "annotations", kRevision }, "0"));
}

std::int64_t specReplicas(const Object &o)
{
    return intAt(o.root(), { "spec", "replicas" }, 1);
}

std::int64_t statusInt(const Object &o, std::string_view field)
{
    return intAt(o.root(), { "status", field }, 0);
}

ApiResult<void> setReplicas(SandboxCore &core, Object &rs, std::int64_t replicas)
{
    if (specReplicas(rs) == replicas)
        return {};
    rs.root()["spec"].set("replicas", Node::integer(replicas));
    auto written = core.update(rs);
    if (!written)
        return written.error();
    rs = std::move(*written);
    return {};
}

Object newReplicaSet(const Object &d, const std::string &hash, std::int64_t revision)
{
    Node root = Node::map();
    root.set("apiVersion", Node::string("apps/v1"));
    root.set("kind", Node::string("ReplicaSet"));
    Node tmpl = *d.root().at({ "spec", "template" });
    tmpl["metadata"]["labels"].set(kHashLabel, Node::string(hash));
    Node &meta = root["metadata"];
    meta.set("name", Node::string(d.name() + "-" + hash));
    meta.set("namespace", Node::string(d.ns()));
    meta.set("labels", *tmpl.at({ "metadata", "labels" }));
    meta["annotations"].set(kRevision, Node::string(std::to_string(revision)));
    meta["annotations"].set("deployment.kubernetes.io/desired-replicas", Node::string(std::to_string(specReplicas(d))));
    meta["ownerReferences"].append(ownerReference(d));
    Node &spec = root["spec"];
    spec.set("replicas", Node::integer(0));
    spec.set("minReadySeconds", Node::integer(intAt(d.root(), { "spec", "minReadySeconds" }, 0)));
    Node selector = *d.root().at({ "spec", "selector" });
    selector["matchLabels"].set(kHashLabel, Node::string(hash));
    spec.set("selector", std::move(selector));
    spec.set("template", std::move(tmpl));
    return Object(std::move(root));
}

ApiResult<void> rollingUpdate(SandboxCore &core, const Object &d, Object &newRs, std::vector<Object *> &old)
{
    const std::int64_t desired = specReplicas(d);
    const Node *ru = d.root().at({ "spec", "strategy", "rollingUpdate" });
    const std::int64_t surge = scaledValue(ru ? ru->find("maxSurge") : nullptr, desired, true, (desired + 3) / 4);
    std::int64_t unavailable = scaledValue(ru ? ru->find("maxUnavailable") : nullptr, desired, false, desired / 4);
    if (surge == 0 && unavailable == 0)
        unavailable = 1;

    auto total = [&] {
        std::int64_t t = specReplicas(newRs);
        for (Object *rs : old)
            t += specReplicas(*rs);
        return t;
    };
    // Scale the new ReplicaSet up as far as the surge allows.
    if (specReplicas(newRs) > desired) {
        if (auto r = setReplicas(core, newRs, desired); !r)
            return r;
    } else if (specReplicas(newRs) < desired && total() < desired + surge) {
        const std::int64_t up = std::min(desired + surge - total(), desired - specReplicas(newRs));
        if (auto r = setReplicas(core, newRs, specReplicas(newRs) + up); !r)
            return r;
    }
    // Scale old ReplicaSets down without dropping below desired - maxUnavailable available pods.
    const std::int64_t minAvailable = desired - unavailable;
    const std::int64_t newUnavailable
        = std::max<std::int64_t>(0, specReplicas(newRs) - statusInt(newRs, "availableReplicas"));
    std::int64_t budget = total() - minAvailable - newUnavailable;
    std::sort(old.begin(), old.end(), [](Object *a, Object *b) { return revisionOf(*a) < revisionOf(*b); });
    // Unavailable old pods go first: they cost no availability.
    for (Object *rs : old) {
        if (budget <= 0)
            break;
        const std::int64_t unhealthy
            = std::max<std::int64_t>(0, specReplicas(*rs) - statusInt(*rs, "availableReplicas"));
        const std::int64_t down = std::min(unhealthy, budget);
        if (down > 0) {
            if (auto r = setReplicas(core, *rs, specReplicas(*rs) - down); !r)
                return r;
            budget -= down;
        }
    }
    std::int64_t available = statusInt(newRs, "availableReplicas");
    for (Object *rs : old)
        available += std::min(statusInt(*rs, "availableReplicas"), specReplicas(*rs));
    std::int64_t canRemove = std::min(budget, available - minAvailable);
    for (Object *rs : old) {
        if (canRemove <= 0)
            break;
        const std::int64_t down = std::min(specReplicas(*rs), canRemove);
        if (down > 0) {
            if (auto r = setReplicas(core, *rs, specReplicas(*rs) - down); !r)
                return r;
            canRemove -= down;
        }
    }
    return {};
}

ApiResult<void> reconcileDeployment(SandboxCore &core, Object &d, std::vector<Object> &owned)
{
    const Node *tmpl = d.root().at({ "spec", "template" });
    if (!tmpl || d.root().at({ "metadata", "deletionTimestamp" }))
        return {};
    const std::string hash = hashOf(*tmpl);
    Object *newRs = nullptr;
    std::vector<Object *> old;
    std::int64_t maxRevision = 0;
    for (Object &rs : owned) {
        maxRevision = std::max(maxRevision, revisionOf(rs));
        if (rs.root().textAt({ "metadata", "labels", kHashLabel }) == hash)
            newRs = &rs;
        else
            old.push_back(&rs);
    }
    if (!newRs) {
        auto created = core.create(newReplicaSet(d, hash, maxRevision + 1));
        if (!created)
            return created.error();
        owned.push_back(std::move(*created));
        newRs = &owned.back();
        old.clear();
        for (Object &rs : owned)
            if (&rs != newRs)
                old.push_back(&rs);
    } else if (revisionOf(*newRs) < maxRevision) {
        // A rollback to an earlier template makes its ReplicaSet the newest revision again.
        newRs->root()["metadata"]["annotations"].set(kRevision, Node::string(std::to_string(maxRevision + 1)));
        auto written = core.update(*newRs);
        if (!written)
            return written.error();
        *newRs = std::move(*written);
    }
    if (d.root().textAt({ "metadata", "annotations", kRevision })
        != newRs->root().textAt({ "metadata", "annotations", kRevision })) {
        d.root()["metadata"]["annotations"].set(
            kRevision, Node::string(newRs->root().textAt({ "metadata", "annotations", kRevision })));
        auto written = core.update(d);
        if (!written)
            return written.error();
        d = std::move(*written);
    }
    if (d.root().textAt({ "spec", "paused" }) == "true")
        return {};
    if (d.root().textAt({ "spec", "strategy", "type" }) == "Recreate") {
        bool oldPods = false;
        for (Object *rs : old) {
            oldPods = oldPods || statusInt(*rs, "replicas") > 0;
            if (auto r = setReplicas(core, *rs, 0); !r)
                return r;
        }
        return oldPods ? ApiResult<void>() : setReplicas(core, *newRs, specReplicas(d));
    }
    if (auto r = rollingUpdate(core, d, *newRs, old); !r)
        return r;
    // Old ReplicaSets beyond revisionHistoryLimit, scaled to nothing, are deleted.
    const std::int64_t limit = intAt(d.root(), { "spec", "revisionHistoryLimit" }, 10);
    std::vector<Object *> idle;
    for (Object *rs : old)
        if (specReplicas(*rs) == 0 && statusInt(*rs, "replicas") == 0)
            idle.push_back(rs);
    std::sort(idle.begin(), idle.end(), [](Object *a, Object *b) { return revisionOf(*a) < revisionOf(*b); });
    for (std::size_t i = 0; i + limit < idle.size(); ++i)
        if (auto r = core.erase(ResourceKey::of(*idle[i]), Propagation::Background); !r)
            return r;
    return {};
}

} // namespace

ApiResult<void> runDeployments(SandboxCore &core)
{
    auto deployments = core.objects(kDeployment);
    if (!deployments)
        return deployments.error();
    auto sets = byOwner(core, kReplicaSet);
    if (!sets)
        return sets.error();
    for (Object &d : *deployments)
        if (auto r = reconcileDeployment(core, d, (*sets)[uidOf(d)]); !r)
            return r;
    return {};
}

ApiResult<void> runReplicaSets(SandboxCore &core)
{
    auto sets = core.objects(kReplicaSet);
    if (!sets)
        return sets.error();
    auto pods = byOwner(core, GroupKind { "", "Pod" });
    if (!pods)
        return pods.error();
    for (Object &rs : *sets) {
        std::vector<Object> &mine = (*pods)[uidOf(rs)];
        std::erase_if(mine, [](const Object &p) { return isTerminated(p); });
        const std::int64_t want = specReplicas(rs);
        // Surplus pods: the not-ready ones go first, then the youngest.
        std::sort(mine.begin(), mine.end(), [](const Object &a, const Object &b) {
            if (isReady(a) != isReady(b))
                return isReady(a);
            return a.root().textAt({ "metadata", "creationTimestamp" })
                < b.root().textAt({ "metadata", "creationTimestamp" });
        });
        while (static_cast<std::int64_t>(mine.size()) > want) {
            if (auto r = core.erase(ResourceKey::of(mine.back()), Propagation::Background); !r)
                return r;
            mine.pop_back();
        }
        while (static_cast<std::int64_t>(mine.size()) < want) {
            auto created = core.create(
                podFromTemplate(rs, *rs.root().at({ "spec", "template" }), rs.name() + "-" + nameSuffix(core)));
            if (!created)
                return created.error();
            mine.push_back(std::move(*created));
        }
        const std::int64_t minReady = intAt(rs.root(), { "spec", "minReadySeconds" }, 0);
        std::int64_t ready = 0, available = 0;
        for (const Object &p : mine) {
            ready += isReady(p);
            available += isAvailable(p, minReady, core.now());
        }
        Node status = Node::map();
        status.set("replicas", Node::integer(static_cast<std::int64_t>(mine.size())));
        status.set("fullyLabeledReplicas", Node::integer(static_cast<std::int64_t>(mine.size())));
        status.set("readyReplicas", Node::integer(ready));
        status.set("availableReplicas", Node::integer(available));
        status.set("observedGeneration", Node::integer(intAt(rs.root(), { "metadata", "generation" }, 1)));
        if (auto r = writeStatus(core, rs, std::move(status)); !r)
            return r;
    }
    return {};
}

ApiResult<void> runDeploymentStatus(SandboxCore &core)
{
    auto deployments = core.objects(kDeployment);
    if (!deployments)
        return deployments.error();
    auto sets = byOwner(core, kReplicaSet);
    if (!sets)
        return sets.error();
    const std::string stamp = core.nowStamp();
    for (Object &d : *deployments) {
        const std::vector<Object> &owned = (*sets)[uidOf(d)];
        const std::string hash
            = d.root().at({ "spec", "template" }) ? hashOf(*d.root().at({ "spec", "template" })) : "";
        const Object *newRs = nullptr;
        std::int64_t replicas = 0, ready = 0, available = 0, updated = 0;
        for (const Object &rs : owned) {
            replicas += statusInt(rs, "replicas");
            ready += statusInt(rs, "readyReplicas");
            available += statusInt(rs, "availableReplicas");
            if (rs.root().textAt({ "metadata", "labels", kHashLabel }) == hash) {
                newRs = &rs;
                updated = statusInt(rs, "replicas");
            }
        }
        const std::int64_t desired = specReplicas(d);
        const Node *ru = d.root().at({ "spec", "strategy", "rollingUpdate" });
        const std::int64_t maxUnavailable = d.root().textAt({ "spec", "strategy", "type" }) == "Recreate"
            ? desired
            : scaledValue(ru ? ru->find("maxUnavailable") : nullptr, desired, false, desired / 4);
        const Node *old = d.root().find("status");
        Node status = old ? *old : Node::map();
        const bool progressed = !old || intAt(*old, { "replicas" }, -1) != replicas
            || intAt(*old, { "updatedReplicas" }, -1) != updated || intAt(*old, { "readyReplicas" }, -1) != ready
            || intAt(*old, { "availableReplicas" }, -1) != available;
        status.set("observedGeneration", Node::integer(intAt(d.root(), { "metadata", "generation" }, 1)));
        status.set("replicas", Node::integer(replicas));
        status.set("updatedReplicas", Node::integer(updated));
        status.set("readyReplicas", Node::integer(ready));
        status.set("availableReplicas", Node::integer(available));
        status.set("unavailableReplicas", Node::integer(std::max<std::int64_t>(0, desired - available)));
        const bool minimum = available >= desired - maxUnavailable;
        setCondition(status, "Available", minimum ? "True" : "False",
            minimum ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
            minimum ? "Deployment has minimum availability." : "Deployment does not have minimum availability.", stamp);
        const std::string rsName = newRs ? newRs->name() : d.name();
        const Node *progressing = findCondition(status, "Progressing");
        const std::string reason = progressing ? progressing->textAt({ "reason" }) : "";
        std::int64_t lastUpdate = progressing ? parseTime(progressing->textAt({ "lastUpdateTime" })) : core.now();
        const bool complete = newRs && updated == desired && replicas == desired && available == desired;
        std::string newReason = reason, value = progressing ? progressing->textAt({ "status" }) : "True", message;
        if (d.root().textAt({ "spec", "paused" }) == "true") {
            value = "Unknown", newReason = "DeploymentPaused", message = "Deployment is paused";
        } else if (complete) {
            value = "True", newReason = "NewReplicaSetAvailable",
            message = "ReplicaSet \"" + rsName + "\" has successfully progressed.";
            if (reason != newReason)
                lastUpdate = core.now();
        } else if (progressed || reason == "NewReplicaSetAvailable" || reason.empty() || reason == "DeploymentPaused") {
            value = "True", newReason = "ReplicaSetUpdated", message = "ReplicaSet \"" + rsName + "\" is progressing.";
            lastUpdate = core.now();
        } else if (core.now() - lastUpdate > intAt(d.root(), { "spec", "progressDeadlineSeconds" }, 600)) {
            value = "False", newReason = "ProgressDeadlineExceeded",
            message = "ReplicaSet \"" + rsName + "\" has timed out progressing.";
        } else {
            message = progressing ? progressing->textAt({ "message" }) : "";
        }
        setCondition(status, "Progressing", value, newReason, message, stamp);
        for (Node &c : status["conditions"].items())
            if (c.textAt({ "type" }) == "Progressing")
                c.set("lastUpdateTime", Node::string(formatTime(lastUpdate)));
        if (auto r = writeStatus(core, d, std::move(status)); !r)
            return r;
    }
    return {};
}

} // namespace capstan::cluster::detail
