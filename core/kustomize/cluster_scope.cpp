#include "kustomize/cluster_scope.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

namespace capstan::kustomize {

namespace {

// The built-in types that the Kubernetes OpenAPI schema kustomize embeds marks as
// cluster-scoped, keyed by apiVersion and kind. Anything else (custom resources
// included) counts as namespaced, as in kustomize.
constexpr std::array<std::pair<std::string_view, std::string_view>, 36> kClusterScoped = {{
    {"admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration"},
    {"admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration"},
    {"admissionregistration.k8s.io/v1beta1", "MutatingWebhookConfiguration"},
    {"admissionregistration.k8s.io/v1beta1", "ValidatingWebhookConfiguration"},
    {"apiextensions.k8s.io/v1", "CustomResourceDefinition"},
    {"apiextensions.k8s.io/v1beta1", "CustomResourceDefinition"},
    {"apiregistration.k8s.io/v1", "APIService"},
    {"apiregistration.k8s.io/v1beta1", "APIService"},
    {"certificates.k8s.io/v1", "CertificateSigningRequest"},
    {"certificates.k8s.io/v1beta1", "CertificateSigningRequest"},
    {"flowcontrol.apiserver.k8s.io/v1beta1", "FlowSchema"},
    {"flowcontrol.apiserver.k8s.io/v1beta1", "PriorityLevelConfiguration"},
    {"networking.k8s.io/v1", "IngressClass"},
    {"networking.k8s.io/v1beta1", "IngressClass"},
    {"node.k8s.io/v1", "RuntimeClass"},
    {"node.k8s.io/v1beta1", "RuntimeClass"},
    {"policy/v1beta1", "PodSecurityPolicy"},
    {"rbac.authorization.k8s.io/v1", "ClusterRole"},
    {"rbac.authorization.k8s.io/v1", "ClusterRoleBinding"},
    {"rbac.authorization.k8s.io/v1beta1", "ClusterRole"},
    {"rbac.authorization.k8s.io/v1beta1", "ClusterRoleBinding"},
    {"scheduling.k8s.io/v1", "PriorityClass"},
    {"scheduling.k8s.io/v1beta1", "PriorityClass"},
    {"storage.k8s.io/v1", "CSIDriver"},
    {"storage.k8s.io/v1", "CSINode"},
    {"storage.k8s.io/v1", "StorageClass"},
    {"storage.k8s.io/v1", "VolumeAttachment"},
    {"storage.k8s.io/v1beta1", "CSIDriver"},
    {"storage.k8s.io/v1beta1", "CSINode"},
    {"storage.k8s.io/v1beta1", "StorageClass"},
    {"storage.k8s.io/v1beta1", "VolumeAttachment"},
    {"v1", "ComponentStatus"},
    {"v1", "Namespace"},
    {"v1", "Node"},
    {"v1", "NodeProxyOptions"},
    {"v1", "PersistentVolume"},
}};

} // namespace

bool isClusterScoped(const std::string &apiVersion, const std::string &kind)
{
    // Kinds first: they differ more (in length, mostly) than the API versions do.
    return std::any_of(kClusterScoped.begin(), kClusterScoped.end(),
                       [&](const auto &entry) { return entry.second == kind && entry.first == apiVersion; });
}

} // namespace capstan::kustomize
