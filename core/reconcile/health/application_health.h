#pragma once

#include "reconcile/health/health.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace capstan::health {

// One resource of an application, as the comparison pairs Git and the cluster.
// The pointers do not own; they must outlive the call that reads them.
struct ManagedResource
{
    manifest::ResourceId id;
    const manifest::Object *target = nullptr; // what Git wants; nullptr for a live resource Git no longer has
    const manifest::Object *live = nullptr; // what the cluster has; nullptr when the resource is missing
};

struct ApplicationHealthOptions
{
    // The application itself, when it manages its own Application object: that one does not count.
    std::optional<manifest::ResourceId> application;
    // Consulted before the built-in checks, for every live resource.
    HealthOverride override;
};

struct ApplicationHealth
{
    HealthStatus status = HealthStatus::Healthy;
    // "Caused by apps/Deployment:prod/frontend, Pod:prod/web-1 and 2 more"; "" when Healthy.
    std::string message;
    // The resources with the application's status (not for Healthy, nor for an application with nothing live).
    std::vector<manifest::ResourceId> causes;
    // One entry per resource given, in the same order: its health, Missing where it
    // is not live, nullopt where it has none (no check, a hook, skipped).
    std::vector<std::optional<Health>> resources;
};

// An application's health as Argo CD aggregates it: the worst health of its
// resources, where hooks, resources marked argocd.argoproj.io/ignore-healthcheck,
// missing resources (their sync status already says so) and child Applications
// that are Missing or Unknown do not count. An application whose resources are
// all missing is Missing.
ApplicationHealth assessApplication(
    std::span<const ManagedResource> resources, const ApplicationHealthOptions &options = {});

} // namespace capstan::health
