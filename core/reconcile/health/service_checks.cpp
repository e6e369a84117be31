// Services, Ingresses, APIServices and PersistentVolumeClaims: each is healthy
// once the cluster has given it what it asked for (an address, an available
// backend, a volume).

#include "reconcile/health/checks_p.h"
#include "reconcile/health/fields_p.h"

namespace capstan::health::detail {

using manifest::Node;

namespace {

// A load balancer is assigned once status.loadBalancer.ingress lists anything,
// even an entry with no address in it.
bool hasLoadBalancerIngress(const Node &root)
{
    return !items(root, { "status", "loadBalancer", "ingress" }).empty();
}

} // namespace

Health serviceHealth(const manifest::Object &live)
{
    const Node &root = live.root();
    if (text(root, { "spec", "type" }) == "LoadBalancer" && !hasLoadBalancerIngress(root))
        return Health { HealthStatus::Progressing, {} };
    return Health { HealthStatus::Healthy, {} };
}

Health ingressHealth(const manifest::Object &live)
{
    return Health { hasLoadBalancerIngress(live.root()) ? HealthStatus::Healthy : HealthStatus::Progressing, {} };
}

Health apiServiceHealth(const manifest::Object &live)
{
    const Node *available = findCondition(items(live.root(), { "status", "conditions" }), "Available");
    if (!available)
        return Health { HealthStatus::Progressing, "Waiting to be processed" };
    const HealthStatus status
        = available->textAt({ "status" }) == "True" ? HealthStatus::Healthy : HealthStatus::Progressing;
    return Health { status, available->textAt({ "reason" }) + ": " + available->textAt({ "message" }) };
}

Health pvcHealth(const manifest::Object &live)
{
    const std::string phase = text(live.root(), { "status", "phase" });
    if (phase == "Bound")
        return Health { HealthStatus::Healthy, {} };
    if (phase == "Pending")
        return Health { HealthStatus::Progressing, {} };
    if (phase == "Lost")
        return Health { HealthStatus::Degraded, {} };
    return Health { HealthStatus::Unknown, {} };
}

} // namespace capstan::health::detail
