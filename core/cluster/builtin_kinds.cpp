#include "cluster/builtin_kinds_p.h"

namespace capstan::cluster::detail {

const std::vector<ApiResource> &builtinResources()
{
    static const std::vector<ApiResource> table = {
        { "", "v1", "Binding", "bindings", true },
        { "", "v1", "ConfigMap", "configmaps", true },
        { "", "v1", "Endpoints", "endpoints", true },
        { "", "v1", "Event", "events", true },
        { "", "v1", "LimitRange", "limitranges", true },
        { "", "v1", "Namespace", "namespaces", false },
        { "", "v1", "Node", "nodes", false },
        { "", "v1", "PersistentVolume", "persistentvolumes", false },
        { "", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true },
        { "", "v1", "Pod", "pods", true },
        { "", "v1", "PodTemplate", "podtemplates", true },
        { "", "v1", "ReplicationController", "replicationcontrollers", true },
        { "", "v1", "ResourceQuota", "resourcequotas", true },
        { "", "v1", "Secret", "secrets", true },
        { "", "v1", "Service", "services", true },
        { "", "v1", "ServiceAccount", "serviceaccounts", true },
        { "apps", "v1", "ControllerRevision", "controllerrevisions", true },
        { "apps", "v1", "DaemonSet", "daemonsets", true },
        { "apps", "v1", "Deployment", "deployments", true },
        { "apps", "v1", "ReplicaSet", "replicasets", true },
        { "apps", "v1", "StatefulSet", "statefulsets", true },
        { "autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true },
        { "batch", "v1", "CronJob", "cronjobs", true },
        { "batch", "v1", "Job", "jobs", true },
        { "policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true },
        { "networking.k8s.io", "v1", "Ingress", "ingresses", true },
        { "networking.k8s.io", "v1", "IngressClass", "ingressclasses", false },
        { "networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true },
        { "rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false },
        { "rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false },
        { "rbac.authorization.k8s.io", "v1", "Role", "roles", true },
        { "rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true },
        { "storage.k8s.io", "v1", "StorageClass", "storageclasses", false },
        { "storage.k8s.io", "v1", "CSIDriver", "csidrivers", false },
        { "scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", false },
        { "coordination.k8s.io", "v1", "Lease", "leases", true },
        { "discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", true },
        { "apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false },
        { "admissionregistration.k8s.io", "v1", "MutatingWebhookConfiguration", "mutatingwebhookconfigurations",
            false },
        { "admissionregistration.k8s.io", "v1", "ValidatingWebhookConfiguration", "validatingwebhookconfigurations",
            false },
        { "apiregistration.k8s.io", "v1", "APIService", "apiservices", false },
        { "argoproj.io", "v1alpha1", "Application", "applications", true },
        { "argoproj.io", "v1alpha1", "ApplicationSet", "applicationsets", true },
        { "argoproj.io", "v1alpha1", "AppProject", "appprojects", true },
    };
    return table;
}

std::optional<ApiResource> resourceOfCrd(const manifest::Object &crd)
{
    const manifest::Node *specNode = crd.root().find("spec");
    if (!specNode || !specNode->isMap())
        return std::nullopt;
    const manifest::Node &spec = *specNode;
    ApiResource r;
    r.group = spec.textAt({ "group" });
    r.kind = spec.textAt({ "names", "kind" });
    r.plural = spec.textAt({ "names", "plural" });
    r.namespaced = spec.textAt({ "scope" }, "Namespaced") != "Cluster";
    if (const manifest::Node *versions = spec.find("versions")) {
        for (const manifest::Node &v : versions->items()) {
            if (r.version.empty() || v.textAt({ "storage" }) == "true")
                r.version = v.textAt({ "name" });
        }
    }
    if (r.group.empty() || r.kind.empty())
        return std::nullopt;
    return r;
}

} // namespace capstan::cluster::detail
