#pragma once

// The built-in health checks, one per kind. Each reads a live object of its
// kind; assess() picks the check by group, kind and version. Private to the module.

#include "reconcile/health/health.h"

namespace capstan::health::detail {

// Workloads (apps/v1).
Health deploymentHealth(const manifest::Object &live);
Health statefulSetHealth(const manifest::Object &live);
Health daemonSetHealth(const manifest::Object &live);
Health replicaSetHealth(const manifest::Object &live);

// Pods (v1), with Argo CD's rules for restart policies and hooks.
Health podHealth(const manifest::Object &live);

// Jobs (batch/v1) and CronJobs (batch, any version; Argo CD's built-in Lua check).
Health jobHealth(const manifest::Object &live);
Health cronJobHealth(const manifest::Object &live);

// HorizontalPodAutoscaler: autoscaling/v1 reads the conditions annotation, v2 status.conditions.
Health hpaHealth(const manifest::Object &live);

// Traffic and storage: Service (v1), Ingress (any version), APIService (v1, v1beta1), PVC (v1).
Health serviceHealth(const manifest::Object &live);
Health ingressHealth(const manifest::Object &live);
Health apiServiceHealth(const manifest::Object &live);
Health pvcHealth(const manifest::Object &live);

// Argo Rollouts' Rollout (argoproj.io, any version; Argo CD's built-in Lua check).
Health rolloutHealth(const manifest::Object &live);

} // namespace capstan::health::detail
