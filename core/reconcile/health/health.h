#pragma once

#include "manifest/object.h"

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace capstan::health {

// A resource's health, in Argo CD's words. Declared from most to least healthy,
// the order Argo CD uses to pick an application's health (see severity()).
enum class HealthStatus { Healthy, Suspended, Progressing, Missing, Degraded, Unknown };

// Argo CD's word for a status: "Healthy", "Progressing", ...
std::string_view toString(HealthStatus status);
// The status named by Argo CD's word (exact, case-sensitive); nullopt for anything else.
std::optional<HealthStatus> parseHealthStatus(std::string_view text);

// 0 for Healthy up to 5 for Unknown: Healthy < Suspended < Progressing < Missing < Degraded < Unknown.
int severity(HealthStatus status);
// Whether candidate is a worse condition than current.
bool isWorse(HealthStatus current, HealthStatus candidate);
// The worst of the statuses; Healthy when there are none.
HealthStatus worst(std::span<const HealthStatus> statuses);

// The result of one health check: a status and what a person should know about it.
struct Health
{
    HealthStatus status = HealthStatus::Unknown;
    std::string message;

    bool operator==(const Health &) const = default;
};

// The health of a live object, as Argo CD's built-in checks assess it.
//
// An object being deleted (metadata.deletionTimestamp set, no
// argocd.argoproj.io/hook-finalizer) is Progressing whatever its kind.
// Otherwise the check is chosen by API group and kind, so a CRD that reuses a
// core kind name (Knative's Service) gets none. Kinds without a check
// (ConfigMap, Namespace, argoproj.io/Application, any CRD but the Argo ones)
// give std::nullopt: they have no health at all, which is not Unknown. A kind
// with a check but an API version the check does not read gives Unknown.
std::optional<Health> assess(const manifest::Object &live);

// A health check of one's own (Argo CD's resource customizations), consulted
// before the built-in checks; nullopt leaves the object to them.
using HealthOverride = std::function<std::optional<Health>(const manifest::Object &live)>;
// As assess(live), with override consulted first (after the deletion rule).
std::optional<Health> assess(const manifest::Object &live, const HealthOverride &override);

// Whether assess() has a check for this API group and kind (any version).
bool hasBuiltInCheck(std::string_view group, std::string_view kind);

// An Argo Workflow's health from status.phase and status.message, whatever its
// apiVersion and kind say (assess() uses it for argoproj.io/Workflow).
Health assessWorkflow(const manifest::Object &workflow);

} // namespace capstan::health
