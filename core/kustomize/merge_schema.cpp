#include "kustomize/merge_schema.h"

#include <set>

namespace capstan::kustomize {

namespace {

// Groups/versions of the Kubernetes schema kustomize embeds (v1.21).
bool isBuiltInApiVersion(const std::string &apiVersion)
{
    static const std::set<std::string> known = {
        "v1", "apps/v1", "batch/v1", "batch/v1beta1", "autoscaling/v1", "autoscaling/v2beta1", "autoscaling/v2beta2",
        "policy/v1", "policy/v1beta1", "networking.k8s.io/v1", "networking.k8s.io/v1beta1",
        "rbac.authorization.k8s.io/v1", "rbac.authorization.k8s.io/v1beta1", "storage.k8s.io/v1",
        "storage.k8s.io/v1beta1", "scheduling.k8s.io/v1", "scheduling.k8s.io/v1beta1", "apiextensions.k8s.io/v1",
        "apiextensions.k8s.io/v1beta1", "admissionregistration.k8s.io/v1", "admissionregistration.k8s.io/v1beta1",
        "apiregistration.k8s.io/v1", "apiregistration.k8s.io/v1beta1", "certificates.k8s.io/v1",
        "coordination.k8s.io/v1", "discovery.k8s.io/v1", "discovery.k8s.io/v1beta1", "events.k8s.io/v1",
        "node.k8s.io/v1", "node.k8s.io/v1beta1", "flowcontrol.apiserver.k8s.io/v1beta1"};
    return known.count(apiVersion) > 0;
}

FieldSchema plain(SchemaType type)
{
    return FieldSchema{type, false, {}};
}

FieldSchema merged(SchemaType type, std::vector<std::string> keys)
{
    return FieldSchema{type, true, std::move(keys)};
}

} // namespace

SchemaType objectSchema(const std::string &apiVersion, const std::string &kind)
{
    if (kind.empty() || !isBuiltInApiVersion(apiVersion))
        return SchemaType::None;
    return SchemaType::Object;
}

FieldSchema fieldSchema(SchemaType parent, std::string_view name, const std::string &kind)
{
    switch (parent) {
    case SchemaType::Object:
        if (name == "metadata")
            return plain(SchemaType::ObjectMeta);
        if (name == "status")
            return plain(SchemaType::Status);
        if (name == "spec") {
            if (kind == "Deployment" || kind == "StatefulSet" || kind == "DaemonSet" || kind == "ReplicaSet"
                || kind == "ReplicationController" || kind == "Job")
                return plain(SchemaType::WorkloadSpec);
            if (kind == "CronJob")
                return plain(SchemaType::CronJobSpec);
            if (kind == "Pod")
                return plain(SchemaType::PodSpec);
            if (kind == "Service")
                return plain(SchemaType::ServiceSpec);
        }
        if (kind == "PodTemplate" && name == "template")
            return plain(SchemaType::PodTemplateSpec);
        if (kind == "ServiceAccount" && (name == "secrets" || name == "imagePullSecrets"))
            return merged(SchemaType::Opaque, {"name"});
        return plain(SchemaType::Opaque);
    case SchemaType::ObjectMeta:
        if (name == "finalizers")
            return merged(SchemaType::Opaque, {});
        if (name == "ownerReferences")
            return merged(SchemaType::Opaque, {"uid"});
        return plain(SchemaType::Opaque);
    case SchemaType::WorkloadSpec:
        if (name == "template")
            return plain(SchemaType::PodTemplateSpec);
        return plain(SchemaType::Opaque);
    case SchemaType::CronJobSpec:
        if (name == "jobTemplate")
            return plain(SchemaType::JobTemplateSpec);
        return plain(SchemaType::Opaque);
    case SchemaType::JobTemplateSpec:
        if (name == "metadata")
            return plain(SchemaType::ObjectMeta);
        if (name == "spec")
            return plain(SchemaType::WorkloadSpec);
        return plain(SchemaType::Opaque);
    case SchemaType::PodTemplateSpec:
        if (name == "metadata")
            return plain(SchemaType::ObjectMeta);
        if (name == "spec")
            return plain(SchemaType::PodSpec);
        return plain(SchemaType::Opaque);
    case SchemaType::PodSpec:
        if (name == "containers" || name == "initContainers" || name == "ephemeralContainers")
            return merged(SchemaType::Container, {"name"});
        if (name == "volumes" || name == "imagePullSecrets" || name == "resourceClaims" || name == "schedulingGates")
            return merged(SchemaType::Opaque, {"name"});
        if (name == "hostAliases")
            return merged(SchemaType::Opaque, {"ip"});
        if (name == "topologySpreadConstraints")
            return merged(SchemaType::Opaque, {"topologyKey", "whenUnsatisfiable"});
        return plain(SchemaType::Opaque);
    case SchemaType::Container:
        if (name == "ports")
            return merged(SchemaType::Opaque, {"containerPort", "protocol"});
        if (name == "env")
            return merged(SchemaType::Opaque, {"name"});
        if (name == "volumeMounts")
            return merged(SchemaType::Opaque, {"mountPath"});
        if (name == "volumeDevices")
            return merged(SchemaType::Opaque, {"devicePath"});
        return plain(SchemaType::Opaque);
    case SchemaType::ServiceSpec:
        if (name == "ports")
            return merged(SchemaType::Opaque, {"port", "protocol"});
        return plain(SchemaType::Opaque);
    case SchemaType::Status:
        if (name == "conditions")
            return merged(SchemaType::Opaque, {"type"});
        return plain(SchemaType::Opaque);
    case SchemaType::Opaque:
        return plain(SchemaType::Opaque);
    case SchemaType::None:
        break;
    }
    return plain(SchemaType::None);
}

} // namespace capstan::kustomize
