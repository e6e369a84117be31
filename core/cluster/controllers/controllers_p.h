#pragma once

// The sandbox's simulated controllers. Each runs one reconcile pass over its kind at the
// core's current time; SandboxCluster::advance() calls them in order once per step.

#include "cluster/api_result.h"

namespace capstan::cluster::detail {

class SandboxCore;

ApiResult<void> runNamespaces(SandboxCore &core); // terminating namespaces empty, then go
ApiResult<void> runPods(SandboxCore &core); // scheduling, image pulls, readiness, crashes
ApiResult<void> runDeployments(SandboxCore &core); // Deployment → ReplicaSets, rolling updates
ApiResult<void> runReplicaSets(SandboxCore &core); // ReplicaSet → Pods, status
ApiResult<void> runDeploymentStatus(SandboxCore &core); // status and conditions from the ReplicaSets
ApiResult<void> runStatefulSets(SandboxCore &core);
ApiResult<void> runDaemonSets(SandboxCore &core);
ApiResult<void> runJobs(SandboxCore &core);
ApiResult<void> runCronJobs(SandboxCore &core);
ApiResult<void> runServices(SandboxCore &core); // Endpoints, load-balancer and Ingress addresses
ApiResult<void> runAutoscalers(SandboxCore &core);
ApiResult<void> runDisruptionBudgets(SandboxCore &core);
ApiResult<void> runVolumeClaims(SandboxCore &core);

} // namespace capstan::cluster::detail
