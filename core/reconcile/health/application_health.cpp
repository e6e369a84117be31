#include "reconcile/health/application_health.h"

#include "reconcile/health/fields_p.h"

namespace capstan::health {

namespace {

constexpr std::string_view IgnoreHealthCheckAnnotation = "argocd.argoproj.io/ignore-healthcheck";
constexpr std::size_t CausesShown = 3;

bool isApplication(const manifest::ResourceId &id)
{
    return id.group == "argoproj.io" && id.kind == "Application";
}

// Argo CD's short form: "apps/Deployment:prod/frontend", "Namespace:prod" for the core group and no namespace.
std::string describe(const manifest::ResourceId &id)
{
    std::string out = id.group.empty() ? id.kind : id.group + "/" + id.kind;
    out += ':';
    if (!id.ns.empty())
        out += id.ns + "/";
    return out + id.name;
}

std::string causedBy(const std::vector<manifest::ResourceId> &causes)
{
    if (causes.empty())
        return {};
    std::string out = "Caused by ";
    for (std::size_t i = 0; i < causes.size() && i < CausesShown; ++i)
        out += (i ? ", " : "") + describe(causes[i]);
    if (causes.size() > CausesShown)
        out += " and " + std::to_string(causes.size() - CausesShown) + " more";
    return out;
}

} // namespace

ApplicationHealth assessApplication(std::span<const ManagedResource> resources, const ApplicationHealthOptions &options)
{
    ApplicationHealth result;
    result.resources.resize(resources.size());
    bool hasResources = false;
    bool hasLiveResources = false;

    for (std::size_t i = 0; i < resources.size(); ++i) {
        const ManagedResource &res = resources[i];
        // Hooks live only for a sync; resources Git marks Skip are not the application's.
        if (res.target && detail::isSkipped(res.target->root()))
            continue;
        if (res.live && detail::isHook(res.live->root()))
            continue;
        hasResources = true;
        hasLiveResources = hasLiveResources || res.live;
        if (res.live && detail::annotation(res.live->root(), IgnoreHealthCheckAnnotation) == "true")
            continue;

        std::optional<Health> health;
        if (!res.live)
            health = Health { HealthStatus::Missing, {} };
        else if (options.application && isApplication(res.id) && res.id.sameObject(*options.application))
            continue; // an application that manages itself must not judge itself
        else
            health = assess(*res.live, options.override);
        if (!health)
            continue;
        result.resources[i] = health;

        if (!res.live)
            continue; // missing resources show as OutOfSync; they do not make the application unhealthy
        if (isApplication(res.id)
            && (health->status == HealthStatus::Missing || health->status == HealthStatus::Unknown))
            continue;
        if (isWorse(result.status, health->status)) {
            result.status = health->status;
            result.causes = { res.id };
        } else if (health->status == result.status && result.status != HealthStatus::Healthy) {
            result.causes.push_back(res.id);
        }
    }

    if (hasResources && !hasLiveResources && isWorse(result.status, HealthStatus::Missing)) {
        result.status = HealthStatus::Missing;
        result.causes.clear();
    }
    result.message = causedBy(result.causes);
    return result;
}

} // namespace capstan::health
