// Controllers around workloads: Service endpoints and load-balancer addresses, Ingress
// addresses, namespaces that terminate, HorizontalPodAutoscalers, PodDisruptionBudgets
// and PersistentVolumeClaims.

#include "cluster/controllers/common_p.h"
#include "cluster/controllers/controllers_p.h"
#include "cluster/field_ownership_p.h"
#include "cluster/selector.h"

#include <algorithm>

namespace capstan::cluster::detail {

namespace {

// Pods of a namespace, listed once per pass.
// The running pods of each namespace (not Succeeded or Failed), listed once per pass.
ApiResult<std::map<std::string, std::vector<Object>>> podsByNamespace(SandboxCore &core)
{
    auto pods = core.objects(GroupKind { "", "Pod" });
    if (!pods)
        return pods.error();
    std::map<std::string, std::vector<Object>> out;
    for (Object &p : *pods)
        if (!isTerminated(p))
            out[p.ns()].push_back(std::move(p));
    return out;
}

Node loadBalancerIngress(SandboxCore &core, const Node *current)
{
    if (current && current->isSequence() && !current->empty())
        return *current;
    const std::int64_t n = core.nextCounter("loadBalancerIP");
    Node ingress = Node::sequence();
    Node ip = Node::map();
    ip.set("ip", Node::string("172.18.255." + std::to_string(n % 250 + 1)));
    ingress.append(std::move(ip));
    return ingress;
}

ApiResult<void> putObject(SandboxCore &core, Object object)
{
    auto existing = core.find(ResourceKey::of(object));
    if (!existing)
        return existing.error();
    if (!*existing) {
        auto created = core.create(std::move(object));
        return created ? ApiResult<void>() : ApiResult<void>(created.error());
    }
    Object updated = **existing;
    if (const Node *subsets = object.root().find("subsets"))
        updated.root().set("subsets", *subsets);
    else
        updated.root().remove("subsets");
    if (updated.root() == (*existing)->root())
        return {};
    auto written = core.update(updated);
    return written ? ApiResult<void>() : ApiResult<void>(written.error());
}

ApiResult<void> reconcileService(SandboxCore &core, Object &svc, const std::vector<Object> &pods)
{
    const Node *selector = svc.root().at({ "spec", "selector" });
    if (selector && selector->isMap() && !selector->empty()) {
        const LabelSelector sel = LabelSelector::fromMap(*selector);
        Node ready = Node::sequence(), notReady = Node::sequence();
        for (const Object &p : pods) {
            if (!sel.matches(p.root().at({ "metadata", "labels" })) || !p.root().at({ "status", "podIP" }))
                continue;
            Node address = Node::map();
            address.set("ip", Node::string(p.root().textAt({ "status", "podIP" })));
            address.set("nodeName", Node::string(p.root().textAt({ "spec", "nodeName" })));
            Node target = Node::map();
            target.set("kind", Node::string("Pod"));
            target.set("name", Node::string(p.name()));
            target.set("namespace", Node::string(p.ns()));
            target.set("uid", Node::string(uidOf(p)));
            address.set("targetRef", std::move(target));
            (isReady(p) ? ready : notReady).append(std::move(address));
        }
        Node endpoints = Node::map();
        endpoints.set("apiVersion", Node::string("v1"));
        endpoints.set("kind", Node::string("Endpoints"));
        endpoints["metadata"].set("name", Node::string(svc.name()));
        endpoints["metadata"].set("namespace", Node::string(svc.ns()));
        if (const Node *labels = svc.root().at({ "metadata", "labels" }))
            endpoints["metadata"].set("labels", *labels);
        if (!ready.empty() || !notReady.empty()) {
            Node subset = Node::map();
            if (!ready.empty())
                subset.set("addresses", std::move(ready));
            if (!notReady.empty())
                subset.set("notReadyAddresses", std::move(notReady));
            Node ports = Node::sequence();
            if (const Node *svcPorts = svc.root().at({ "spec", "ports" }))
                for (const Node &sp : svcPorts->items()) {
                    Node port = Node::map();
                    if (const Node *name = sp.find("name"))
                        port.set("name", *name);
                    const Node *target = sp.find("targetPort");
                    port.set("port",
                        target && target->scalarType() == manifest::ScalarType::Int ? *target : *sp.find("port"));
                    port.set("protocol", Node::string(sp.textAt({ "protocol" }, "TCP")));
                    ports.append(std::move(port));
                }
            subset.set("ports", std::move(ports));
            endpoints["subsets"].append(std::move(subset));
        }
        if (auto r = putObject(core, Object(std::move(endpoints))); !r)
            return r;
    }
    if (svc.root().textAt({ "spec", "type" }) == "LoadBalancer") {
        Node status = svc.root().find("status") ? *svc.root().find("status") : Node::map();
        status["loadBalancer"].set("ingress", loadBalancerIngress(core, status.at({ "loadBalancer", "ingress" })));
        return writeStatus(core, svc, std::move(status));
    }
    return {};
}

ApiResult<void> reconcileAutoscaler(SandboxCore &core, Object &hpa)
{
    const std::string stamp = core.nowStamp();
    const Node *ref = hpa.root().at({ "spec", "scaleTargetRef" });
    Node status = hpa.root().find("status") ? *hpa.root().find("status") : Node::map();
    std::string group, version;
    manifest::splitApiVersion(ref ? ref->textAt({ "apiVersion" }) : "", group, version);
    auto target
        = core.find({ group, ref ? ref->textAt({ "kind" }) : "", hpa.ns(), ref ? ref->textAt({ "name" }) : "" });
    if (!target)
        return target.error();
    if (!*target) {
        setCondition(status, "AbleToScale", "False", "FailedGetScale",
            "the HPA controller was unable to get the target's current scale", stamp);
        return writeStatus(core, hpa, std::move(status));
    }
    Object &t = **target;
    const std::int64_t current = intAt(t.root(), { "spec", "replicas" }, 1);
    const std::int64_t minReplicas = intAt(hpa.root(), { "spec", "minReplicas" }, 1);
    const std::int64_t maxReplicas = intAt(hpa.root(), { "spec", "maxReplicas" }, current);
    const std::int64_t desired = std::clamp(current, minReplicas, std::max(minReplicas, maxReplicas));
    if (desired != current) {
        // The autoscaler owns spec.replicas from now on, as in a real cluster.
        t.root()["spec"].set("replicas", Node::integer(desired));
        auto entries = readManagedFields(t.root());
        const FieldPath replicas { "f:spec", "f:replicas" };
        for (auto &e : entries)
            e.fields.erase(replicas);
        entries.push_back({ "kube-controller-manager", "Update", t.apiVersion(), stamp, { replicas } });
        writeManagedFields(t.root(), entries);
        if (auto r = core.update(t); !r)
            return r.error();
    }
    status.set("currentReplicas", Node::integer(current));
    status.set("desiredReplicas", Node::integer(desired));
    setCondition(status, "AbleToScale", "True", "ReadyForNewScale", "recommended size matches current size", stamp);
    setCondition(status, "ScalingActive", "True", "ValidMetricFound",
        "the HPA was able to successfully calculate a replica count", stamp);
    const bool limited = desired != current || current == maxReplicas || current == minReplicas;
    setCondition(status, "ScalingLimited", limited ? "True" : "False",
        limited ? "TooFewReplicas" : "DesiredWithinRange",
        limited ? "the desired replica count is at a limit" : "the desired count is within the acceptable range",
        stamp);
    return writeStatus(core, hpa, std::move(status));
}

ApiResult<void> reconcileBudget(SandboxCore &core, Object &pdb, const std::vector<Object> &pods)
{
    const Node *selectorNode = pdb.root().at({ "spec", "selector" });
    auto selector
        = selectorNode ? LabelSelector::fromNode(*selectorNode) : capstan::Result<LabelSelector>(LabelSelector());
    std::int64_t expected = 0, healthy = 0;
    for (const Object &p : pods) {
        if (!selector || !selector->matches(p.root().at({ "metadata", "labels" })))
            continue;
        ++expected;
        healthy += isReady(p);
    }
    std::int64_t desiredHealthy = 0;
    if (const Node *minAvailable = pdb.root().at({ "spec", "minAvailable" }))
        desiredHealthy = scaledValue(minAvailable, expected, true, 0);
    else if (const Node *maxUnavailable = pdb.root().at({ "spec", "maxUnavailable" }))
        desiredHealthy = expected - scaledValue(maxUnavailable, expected, false, 0);
    const std::int64_t allowed = std::max<std::int64_t>(0, healthy - desiredHealthy);
    Node status = pdb.root().find("status") ? *pdb.root().find("status") : Node::map();
    status.set("currentHealthy", Node::integer(healthy));
    status.set("desiredHealthy", Node::integer(desiredHealthy));
    status.set("disruptionsAllowed", Node::integer(allowed));
    status.set("expectedPods", Node::integer(expected));
    status.set("observedGeneration", Node::integer(intAt(pdb.root(), { "metadata", "generation" }, 1)));
    setCondition(status, "DisruptionAllowed", allowed > 0 ? "True" : "False",
        allowed > 0 ? "SufficientPods" : "InsufficientPods", {}, core.nowStamp());
    return writeStatus(core, pdb, std::move(status));
}

} // namespace

ApiResult<void> runServices(SandboxCore &core)
{
    auto services = core.objects(GroupKind { "", "Service" });
    if (!services)
        return services.error();
    if (!services->empty()) {
        auto pods = podsByNamespace(core);
        if (!pods)
            return pods.error();
        for (Object &svc : *services)
            if (auto r = reconcileService(core, svc, (*pods)[svc.ns()]); !r)
                return r;
    }
    auto ingresses = core.objects(GroupKind { "networking.k8s.io", "Ingress" });
    if (!ingresses)
        return ingresses.error();
    for (Object &ing : *ingresses) {
        Node status = ing.root().find("status") ? *ing.root().find("status") : Node::map();
        status["loadBalancer"].set("ingress", loadBalancerIngress(core, status.at({ "loadBalancer", "ingress" })));
        if (auto r = writeStatus(core, ing, std::move(status)); !r)
            return r;
    }
    return {};
}

ApiResult<void> runNamespaces(SandboxCore &core)
{
    auto namespaces = core.objects(GroupKind { "", "Namespace" });
    if (!namespaces)
        return namespaces.error();
    for (Object &ns : *namespaces) {
        if (!ns.root().at({ "metadata", "deletionTimestamp" }))
            continue;
        auto content = core.objects(std::nullopt, ns.name());
        if (!content)
            return content.error();
        for (const Object &o : *content)
            if (auto r = core.erase(ResourceKey::of(o), Propagation::Background); !r && r.code() != ErrorCode::NotFound)
                return r;
        if (auto r = core.collectGarbage(); !r)
            return r;
        if (auto r = core.purge(ns); !r)
            return r;
    }
    return {};
}

ApiResult<void> runAutoscalers(SandboxCore &core)
{
    auto hpas = core.objects(GroupKind { "autoscaling", "HorizontalPodAutoscaler" });
    if (!hpas)
        return hpas.error();
    for (Object &hpa : *hpas)
        if (auto r = reconcileAutoscaler(core, hpa); !r)
            return r;
    return {};
}

ApiResult<void> runDisruptionBudgets(SandboxCore &core)
{
    auto pdbs = core.objects(GroupKind { "policy", "PodDisruptionBudget" });
    if (!pdbs)
        return pdbs.error();
    if (pdbs->empty())
        return {};
    auto pods = podsByNamespace(core);
    if (!pods)
        return pods.error();
    for (Object &pdb : *pdbs)
        if (auto r = reconcileBudget(core, pdb, (*pods)[pdb.ns()]); !r)
            return r;
    return {};
}

ApiResult<void> runVolumeClaims(SandboxCore &core)
{
    auto claims = core.objects(GroupKind { "", "PersistentVolumeClaim" });
    if (!claims)
        return claims.error();
    for (Object &pvc : *claims) {
        if (pvc.root().textAt({ "status", "phase" }) == "Bound")
            continue;
        pvc.root()["spec"].set("volumeName", Node::string("pvc-" + uidOf(pvc)));
        Node status = Node::map();
        status.set("phase", Node::string("Bound"));
        if (const Node *modes = pvc.root().at({ "spec", "accessModes" }))
            status.set("accessModes", *modes);
        if (const Node *storage = pvc.root().at({ "spec", "resources", "requests", "storage" }))
            status["capacity"].set("storage", *storage);
        pvc.root().set("status", std::move(status));
        if (auto r = core.update(pvc); !r)
            return r.error();
    }
    return {};
}

} // namespace capstan::cluster::detail
