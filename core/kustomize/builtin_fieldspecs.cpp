#include "kustomize/builtin_fieldspecs.h"

// kustomize's default transformer configuration (its builtinpluginconsts), as data.
namespace capstan::kustomize {

const std::vector<FieldSpec> &commonLabelFieldSpecs()
{
    static const std::vector<FieldSpec> specs = {
        {{"", "v1", "Service"}, "spec/selector", true},
        {{"", "v1", "ReplicationController"}, "spec/selector", true},
        {{"", "", "Deployment"}, "spec/selector/matchLabels", true},
        {{"apps", "", "Deployment"}, "spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels", false},
        {{"apps", "", "Deployment"}, "spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels", false},
        {{"apps", "", "Deployment"}, "spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels", false},
        {{"apps", "", "Deployment"}, "spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels", false},
        {{"apps", "", "Deployment"}, "spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels", false},
        {{"", "", "ReplicaSet"}, "spec/selector/matchLabels", true},
        {{"", "", "DaemonSet"}, "spec/selector/matchLabels", true},
        {{"apps", "", "StatefulSet"}, "spec/selector/matchLabels", true},
        {{"apps", "", "StatefulSet"}, "spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels", false},
        {{"apps", "", "StatefulSet"}, "spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels", false},
        {{"apps", "", "StatefulSet"}, "spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels", false},
        {{"apps", "", "StatefulSet"}, "spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels", false},
        {{"apps", "", "StatefulSet"}, "spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels", false},
        {{"batch", "", "Job"}, "spec/selector/matchLabels", false},
        {{"batch", "", "CronJob"}, "spec/jobTemplate/spec/selector/matchLabels", false},
        {{"policy", "", "PodDisruptionBudget"}, "spec/selector/matchLabels", false},
        {{"networking.k8s.io", "", "NetworkPolicy"}, "spec/podSelector/matchLabels", false},
        {{"networking.k8s.io", "", "NetworkPolicy"}, "spec/ingress/from/podSelector/matchLabels", false},
        {{"networking.k8s.io", "", "NetworkPolicy"}, "spec/egress/to/podSelector/matchLabels", false},
        {{"", "", ""}, "metadata/labels", true},
        {{"", "v1", "ReplicationController"}, "spec/template/metadata/labels", true},
        {{"", "", "Deployment"}, "spec/template/metadata/labels", true},
        {{"", "", "ReplicaSet"}, "spec/template/metadata/labels", true},
        {{"", "", "DaemonSet"}, "spec/template/metadata/labels", true},
        {{"apps", "", "StatefulSet"}, "spec/template/metadata/labels", true},
        {{"apps", "", "StatefulSet"}, "spec/volumeClaimTemplates[]/metadata/labels", true},
        {{"batch", "", "Job"}, "spec/template/metadata/labels", true},
        {{"batch", "", "CronJob"}, "spec/jobTemplate/metadata/labels", true},
        {{"batch", "", "CronJob"}, "spec/jobTemplate/spec/template/metadata/labels", true},
    };
    return specs;
}

const std::vector<FieldSpec> &templateLabelFieldSpecs()
{
    static const std::vector<FieldSpec> specs = {
        {{"", "", ""}, "metadata/labels", true},
        {{"", "v1", "ReplicationController"}, "spec/template/metadata/labels", true},
        {{"", "", "Deployment"}, "spec/template/metadata/labels", true},
        {{"", "", "ReplicaSet"}, "spec/template/metadata/labels", true},
        {{"", "", "DaemonSet"}, "spec/template/metadata/labels", true},
        {{"apps", "", "StatefulSet"}, "spec/template/metadata/labels", true},
        {{"apps", "", "StatefulSet"}, "spec/volumeClaimTemplates[]/metadata/labels", true},
        {{"batch", "", "Job"}, "spec/template/metadata/labels", true},
        {{"batch", "", "CronJob"}, "spec/jobTemplate/metadata/labels", true},
        {{"batch", "", "CronJob"}, "spec/jobTemplate/spec/template/metadata/labels", true},
    };
    return specs;
}

const std::vector<FieldSpec> &commonAnnotationFieldSpecs()
{
    static const std::vector<FieldSpec> specs = {
        {{"", "", ""}, "metadata/annotations", true},
        {{"", "v1", "ReplicationController"}, "spec/template/metadata/annotations", true},
        {{"", "", "Deployment"}, "spec/template/metadata/annotations", true},
        {{"", "", "ReplicaSet"}, "spec/template/metadata/annotations", true},
        {{"", "", "DaemonSet"}, "spec/template/metadata/annotations", true},
        {{"", "", "StatefulSet"}, "spec/template/metadata/annotations", true},
        {{"batch", "", "Job"}, "spec/template/metadata/annotations", true},
        {{"batch", "", "CronJob"}, "spec/jobTemplate/metadata/annotations", true},
        {{"batch", "", "CronJob"}, "spec/jobTemplate/spec/template/metadata/annotations", true},
    };
    return specs;
}

const std::vector<FieldSpec> &namespaceFieldSpecs()
{
    static const std::vector<FieldSpec> specs = {
        {{"", "", "Namespace"}, "metadata/name", true},
        {{"apiregistration.k8s.io", "", "APIService"}, "spec/service/namespace", true},
        {{"apiextensions.k8s.io", "", "CustomResourceDefinition"}, "spec/conversion/webhook/clientConfig/service/namespace", false},
    };
    return specs;
}

const std::vector<FieldSpec> &imageFieldSpecs()
{
    static const std::vector<FieldSpec> specs = {
        {{"", "", ""}, "spec/containers[]/image", true},
        {{"", "", ""}, "spec/initContainers[]/image", true},
        {{"", "", ""}, "spec/template/spec/containers[]/image", true},
        {{"", "", ""}, "spec/template/spec/initContainers[]/image", true},
    };
    return specs;
}

const std::vector<FieldSpec> &replicaFieldSpecs()
{
    static const std::vector<FieldSpec> specs = {
        {{"", "", "Deployment"}, "spec/replicas", true},
        {{"", "", "ReplicationController"}, "spec/replicas", true},
        {{"", "", "ReplicaSet"}, "spec/replicas", true},
        {{"", "", "StatefulSet"}, "spec/replicas", true},
    };
    return specs;
}

const std::vector<NameReference> &nameReferences()
{
    static const std::vector<NameReference> references = {
        {{"", "", "Deployment"},
         {
             {{"", "", "HorizontalPodAutoscaler"}, "spec/scaleTargetRef/name", false},
         }},
        {{"", "", "ReplicationController"},
         {
             {{"", "", "HorizontalPodAutoscaler"}, "spec/scaleTargetRef/name", false},
         }},
        {{"", "", "ReplicaSet"},
         {
             {{"", "", "HorizontalPodAutoscaler"}, "spec/scaleTargetRef/name", false},
         }},
        {{"", "", "StatefulSet"},
         {
             {{"", "", "HorizontalPodAutoscaler"}, "spec/scaleTargetRef/name", false},
         }},
        {{"", "v1", "ConfigMap"},
         {
             {{"", "v1", "Pod"}, "spec/volumes/configMap/name", false},
             {{"", "v1", "Pod"}, "spec/containers/env/valueFrom/configMapKeyRef/name", false},
             {{"", "v1", "Pod"}, "spec/initContainers/env/valueFrom/configMapKeyRef/name", false},
             {{"", "v1", "Pod"}, "spec/containers/envFrom/configMapRef/name", false},
             {{"", "v1", "Pod"}, "spec/initContainers/envFrom/configMapRef/name", false},
             {{"", "v1", "Pod"}, "spec/volumes/projected/sources/configMap/name", false},
             {{"", "", "PodTemplate"}, "template/spec/volumes/configMap/name", false},
             {{"", "", "PodTemplate"}, "template/spec/containers/env/valueFrom/configMapKeyRef/name", false},
             {{"", "", "PodTemplate"}, "template/spec/initContainers/env/valueFrom/configMapKeyRef/name", false},
             {{"", "", "PodTemplate"}, "template/spec/containers/envFrom/configMapRef/name", false},
             {{"", "", "PodTemplate"}, "template/spec/initContainers/envFrom/configMapRef/name", false},
             {{"", "", "PodTemplate"}, "template/spec/volumes/projected/sources/configMap/name", false},
             {{"", "", "Deployment"}, "spec/template/spec/volumes/configMap/name", false},
             {{"", "", "Deployment"}, "spec/template/spec/containers/env/valueFrom/configMapKeyRef/name", false},
             {{"", "", "Deployment"}, "spec/template/spec/initContainers/env/valueFrom/configMapKeyRef/name", false},
             {{"", "", "Deployment"}, "spec/template/spec/containers/envFrom/configMapRef/name", false},
             {{"", "", "Deployment"}, "spec/template/spec/initContainers/envFrom/configMapRef/name", false},
             {{"", "", "Deployment"}, "spec/template/spec/volumes/projected/sources/configMap/name", false},
             {{"", "", "ReplicaSet"}, "spec/template/spec/volumes/configMap/name", false},
             {{"", "", "ReplicaSet"}, "spec/template/spec/containers/env/valueFrom/configMapKeyRef/name", false},
             {{"", "", "ReplicaSet"}, "spec/template/spec/initContainers/env/valueFrom/configMapKeyRef/name", false},
             {{"", "", "ReplicaSet"}, "spec/template/spec/containers/envFrom/configMapRef/name", false},
             {{"", "", "ReplicaSet"}, "spec/template/spec/initContainers/envFrom/configMapRef/name", false},
             {{"", "", "ReplicaSet"}, "spec/template/spec/volumes/projected/sources/configMap/name", false},
             {{"", "", "DaemonSet"}, "spec/template/spec/volumes/configMap/name", false},
             {{"", "", "DaemonSet"}, "spec/template/spec/containers/env/valueFrom/configMapKeyRef/name", false},
             {{"", "", "DaemonSet"}, "spec/template/spec/initContainers/env/valueFrom/configMapKeyRef/name", false},
             {{"", "", "DaemonSet"}, "spec/template/spec/containers/envFrom/configMapRef/name", false},
             {{"", "", "DaemonSet"}, "spec/template/spec/initContainers/envFrom/configMapRef/name", false},
             {{"", "", "DaemonSet"}, "spec/template/spec/volumes/projected/sources/configMap/name", false},
             {{"", "", "StatefulSet"}, "spec/template/spec/volumes/configMap/name", false},
             {{"", "", "StatefulSet"}, "spec/template/spec/containers/env/valueFrom/configMapKeyRef/name", false},
             {{"", "", "StatefulSet"}, "spec/template/spec/initContainers/env/valueFrom/configMapKeyRef/name", false},
             {{"", "", "StatefulSet"}, "spec/template/spec/containers/envFrom/configMapRef/name", false},
             {{"", "", "StatefulSet"}, "spec/template/spec/initContainers/envFrom/configMapRef/name", false},
             {{"", "", "StatefulSet"}, "spec/template/spec/volumes/projected/sources/configMap/name", false},
             {{"", "", "Job"}, "spec/template/spec/volumes/configMap/name", false},
             {{"", "", "Job"}, "spec/template/spec/containers/env/valueFrom/configMapKeyRef/name", false},
             {{"", "", "Job"}, "spec/template/spec/initContainers/env/valueFrom/configMapKeyRef/name", false},
             {{"", "", "Job"}, "spec/template/spec/containers/envFrom/configMapRef/name", false},
             {{"", "", "Job"}, "spec/template/spec/initContainers/envFrom/configMapRef/name", false},
             {{"", "", "Job"}, "spec/template/spec/volumes/projected/sources/configMap/name", false},
             {{"", "", "CronJob"}, "spec/jobTemplate/spec/template/spec/volumes/configMap/name", false},
             {{"", "", "CronJob"}, "spec/jobTemplate/spec/template/spec/volumes/projected/sources/configMap/name", false},
             {{"", "", "CronJob"}, "spec/jobTemplate/spec/template/spec/containers/env/valueFrom/configMapKeyRef/name", false},
             {{"", "", "CronJob"}, "spec/jobTemplate/spec/template/spec/initContainers/env/valueFrom/configMapKeyRef/name", false},
             {{"", "", "CronJob"}, "spec/jobTemplate/spec/template/spec/containers/envFrom/configMapRef/name", false},
             {{"", "", "CronJob"}, "spec/jobTemplate/spec/template/spec/initContainers/envFrom/configMapRef/name", false},
             {{"", "", "Node"}, "spec/configSource/configMap", false},
             {{"", "", "Role"}, "rules/resourceNames", false},
             {{"", "", "ClusterRole"}, "rules/resourceNames", false},
             {{"", "", "Ingress"}, "metadata/annotations/nginx.ingress.kubernetes.io\\/fastcgi-params-configmap", false},
         }},
        {{"", "v1", "Secret"},
         {
             {{"", "v1", "Pod"}, "spec/volumes/secret/secretName", false},
             {{"", "v1", "Pod"}, "spec/containers/env/valueFrom/secretKeyRef/name", false},
             {{"", "v1", "Pod"}, "spec/initContainers/env/valueFrom/secretKeyRef/name", false},
             {{"", "v1", "Pod"}, "spec/containers/envFrom/secretRef/name", false},
             {{"", "v1", "Pod"}, "spec/initContainers/envFrom/secretRef/name", false},
             {{"", "v1", "Pod"}, "spec/imagePullSecrets/name", false},
             {{"", "v1", "Pod"}, "spec/volumes/projected/sources/secret/name", false},
             {{"", "", "PodTemplate"}, "template/spec/volumes/secret/secretName", false},
             {{"", "", "PodTemplate"}, "template/spec/containers/env/valueFrom/secretKeyRef/name", false},
             {{"", "", "PodTemplate"}, "template/spec/initContainers/env/valueFrom/secretKeyRef/name", false},
             {{"", "", "PodTemplate"}, "template/spec/containers/envFrom/secretRef/name", false},
             {{"", "", "PodTemplate"}, "template/spec/initContainers/envFrom/secretRef/name", false},
             {{"", "", "PodTemplate"}, "template/spec/imagePullSecrets/name", false},
             {{"", "", "PodTemplate"}, "template/spec/volumes/projected/sources/secret/name", false},
             {{"", "", "Deployment"}, "spec/template/spec/volumes/secret/secretName", false},
             {{"", "", "Deployment"}, "spec/template/spec/containers/env/valueFrom/secretKeyRef/name", false},
             {{"", "", "Deployment"}, "spec/template/spec/initContainers/env/valueFrom/secretKeyRef/name", false},
             {{"", "", "Deployment"}, "spec/template/spec/containers/envFrom/secretRef/name", false},
             {{"", "", "Deployment"}, "spec/template/spec/initContainers/envFrom/secretRef/name", false},
             {{"", "", "Deployment"}, "spec/template/spec/imagePullSecrets/name", false},
             {{"", "", "Deployment"}, "spec/template/spec/volumes/projected/sources/secret/name", false},
             {{"", "", "ReplicaSet"}, "spec/template/spec/volumes/secret/secretName", false},
             {{"", "", "ReplicaSet"}, "spec/template/spec/containers/env/valueFrom/secretKeyRef/name", false},
             {{"", "", "ReplicaSet"}, "spec/template/spec/initContainers/env/valueFrom/secretKeyRef/name", false},
             {{"", "", "ReplicaSet"}, "spec/template/spec/containers/envFrom/secretRef/name", false},
             {{"", "", "ReplicaSet"}, "spec/template/spec/initContainers/envFrom/secretRef/name", false},
             {{"", "", "ReplicaSet"}, "spec/template/spec/imagePullSecrets/name", false},
             {{"", "", "ReplicaSet"}, "spec/template/spec/volumes/projected/sources/secret/name", false},
             {{"", "", "DaemonSet"}, "spec/template/spec/volumes/secret/secretName", false},
             {{"", "", "DaemonSet"}, "spec/template/spec/containers/env/valueFrom/secretKeyRef/name", false},
             {{"", "", "DaemonSet"}, "spec/template/spec/initContainers/env/valueFrom/secretKeyRef/name", false},
             {{"", "", "DaemonSet"}, "spec/template/spec/containers/envFrom/secretRef/name", false},
             {{"", "", "DaemonSet"}, "spec/template/spec/initContainers/envFrom/secretRef/name", false},
             {{"", "", "DaemonSet"}, "spec/template/spec/imagePullSecrets/name", false},
             {{"", "", "DaemonSet"}, "spec/template/spec/volumes/projected/sources/secret/name", false},
             {{"", "", "StatefulSet"}, "spec/template/spec/volumes/secret/secretName", false},
             {{"", "", "StatefulSet"}, "spec/template/spec/containers/env/valueFrom/secretKeyRef/name", false},
             {{"", "", "StatefulSet"}, "spec/template/spec/initContainers/env/valueFrom/secretKeyRef/name", false},
             {{"", "", "StatefulSet"}, "spec/template/spec/containers/envFrom/secretRef/name", false},
             {{"", "", "StatefulSet"}, "spec/template/spec/initContainers/envFrom/secretRef/name", false},
             {{"", "", "StatefulSet"}, "spec/template/spec/imagePullSecrets/name", false},
             {{"", "", "StatefulSet"}, "spec/template/spec/volumes/projected/sources/secret/name", false},
             {{"", "", "Job"}, "spec/template/spec/volumes/secret/secretName", false},
             {{"", "", "Job"}, "spec/template/spec/containers/env/valueFrom/secretKeyRef/name", false},
             {{"", "", "Job"}, "spec/template/spec/initContainers/env/valueFrom/secretKeyRef/name", false},
             {{"", "", "Job"}, "spec/template/spec/containers/envFrom/secretRef/name", false},
             {{"", "", "Job"}, "spec/template/spec/initContainers/envFrom/secretRef/name", false},
             {{"", "", "Job"}, "spec/template/spec/imagePullSecrets/name", false},
             {{"", "", "Job"}, "spec/template/spec/volumes/projected/sources/secret/name", false},
             {{"", "", "CronJob"}, "spec/jobTemplate/spec/template/spec/volumes/secret/secretName", false},
             {{"", "", "CronJob"}, "spec/jobTemplate/spec/template/spec/volumes/projected/sources/secret/name", false},
             {{"", "", "CronJob"}, "spec/jobTemplate/spec/template/spec/containers/env/valueFrom/secretKeyRef/name", false},
             {{"", "", "CronJob"}, "spec/jobTemplate/spec/template/spec/initContainers/env/valueFrom/secretKeyRef/name", false},
             {{"", "", "CronJob"}, "spec/jobTemplate/spec/template/spec/containers/envFrom/secretRef/name", false},
             {{"", "", "CronJob"}, "spec/jobTemplate/spec/template/spec/initContainers/envFrom/secretRef/name", false},
             {{"", "", "CronJob"}, "spec/jobTemplate/spec/template/spec/imagePullSecrets/name", false},
             {{"", "", "Ingress"}, "spec/tls/secretName", false},
             {{"", "", "Ingress"}, "metadata/annotations/ingress.kubernetes.io\\/auth-secret", false},
             {{"", "", "Ingress"}, "metadata/annotations/nginx.ingress.kubernetes.io\\/auth-secret", false},
             {{"", "", "Ingress"}, "metadata/annotations/nginx.ingress.kubernetes.io\\/auth-tls-secret", false},
             {{"", "", "Ingress"}, "spec/tls/secretName", false},
             {{"", "", "ServiceAccount"}, "imagePullSecrets/name", false},
             {{"", "", "StorageClass"}, "parameters/secretName", false},
             {{"", "", "StorageClass"}, "parameters/adminSecretName", false},
             {{"", "", "StorageClass"}, "parameters/userSecretName", false},
             {{"", "", "StorageClass"}, "parameters/secretRef", false},
             {{"", "", "Role"}, "rules/resourceNames", false},
             {{"", "", "ClusterRole"}, "rules/resourceNames", false},
             {{"serving.knative.dev", "v1", "Service"}, "spec/template/spec/containers/env/valueFrom/secretKeyRef/name", false},
             {{"", "", "PersistentVolume"}, "spec/azureFile/secretName", false},
         }},
        {{"", "v1", "Service"},
         {
             {{"apps", "", "StatefulSet"}, "spec/serviceName", false},
             {{"", "", "Ingress"}, "spec/rules/http/paths/backend/serviceName", false},
             {{"", "", "Ingress"}, "spec/backend/serviceName", false},
             {{"", "", "Ingress"}, "spec/rules/http/paths/backend/service/name", false},
             {{"", "", "Ingress"}, "spec/defaultBackend/service/name", false},
             {{"apiregistration.k8s.io", "", "APIService"}, "spec/service/name", false},
             {{"admissionregistration.k8s.io", "", "ValidatingWebhookConfiguration"}, "webhooks/clientConfig/service", false},
             {{"admissionregistration.k8s.io", "", "MutatingWebhookConfiguration"}, "webhooks/clientConfig/service", false},
         }},
        {{"rbac.authorization.k8s.io", "", "Role"},
         {
             {{"rbac.authorization.k8s.io", "", "RoleBinding"}, "roleRef/name", false},
         }},
        {{"rbac.authorization.k8s.io", "", "ClusterRole"},
         {
             {{"rbac.authorization.k8s.io", "", "RoleBinding"}, "roleRef/name", false},
             {{"rbac.authorization.k8s.io", "", "ClusterRoleBinding"}, "roleRef/name", false},
         }},
        {{"", "v1", "ServiceAccount"},
         {
             {{"rbac.authorization.k8s.io", "", "RoleBinding"}, "subjects", false},
             {{"rbac.authorization.k8s.io", "", "ClusterRoleBinding"}, "subjects", false},
             {{"", "", "Pod"}, "spec/serviceAccountName", false},
             {{"", "", "StatefulSet"}, "spec/template/spec/serviceAccountName", false},
             {{"", "", "Deployment"}, "spec/template/spec/serviceAccountName", false},
             {{"", "", "ReplicationController"}, "spec/template/spec/serviceAccountName", false},
             {{"", "", "CronJob"}, "spec/jobTemplate/spec/template/spec/serviceAccountName", false},
             {{"", "", "Job"}, "spec/template/spec/serviceAccountName", false},
             {{"", "", "DaemonSet"}, "spec/template/spec/serviceAccountName", false},
         }},
        {{"", "v1", "PersistentVolumeClaim"},
         {
             {{"", "", "Pod"}, "spec/volumes/persistentVolumeClaim/claimName", false},
             {{"", "", "StatefulSet"}, "spec/template/spec/volumes/persistentVolumeClaim/claimName", false},
             {{"", "", "Deployment"}, "spec/template/spec/volumes/persistentVolumeClaim/claimName", false},
             {{"", "", "ReplicationController"}, "spec/template/spec/volumes/persistentVolumeClaim/claimName", false},
             {{"", "", "CronJob"}, "spec/jobTemplate/spec/template/spec/volumes/persistentVolumeClaim/claimName", false},
             {{"", "", "Job"}, "spec/template/spec/volumes/persistentVolumeClaim/claimName", false},
             {{"", "", "DaemonSet"}, "spec/template/spec/volumes/persistentVolumeClaim/claimName", false},
         }},
        {{"", "v1", "PersistentVolume"},
         {
             {{"", "", "PersistentVolumeClaim"}, "spec/volumeName", false},
             {{"", "", "ClusterRole"}, "rules/resourceNames", false},
         }},
        {{"storage.k8s.io", "v1", "StorageClass"},
         {
             {{"", "", "PersistentVolume"}, "spec/storageClassName", false},
             {{"", "", "PersistentVolumeClaim"}, "spec/storageClassName", false},
             {{"", "", "StatefulSet"}, "spec/volumeClaimTemplates/spec/storageClassName", false},
         }},
        {{"scheduling.k8s.io", "v1", "PriorityClass"},
         {
             {{"", "", "Pod"}, "spec/priorityClassName", false},
             {{"", "", "StatefulSet"}, "spec/template/spec/priorityClassName", false},
             {{"", "", "Deployment"}, "spec/template/spec/priorityClassName", false},
             {{"", "", "ReplicationController"}, "spec/template/spec/priorityClassName", false},
             {{"", "", "CronJob"}, "spec/jobTemplate/spec/template/spec/priorityClassName", false},
             {{"", "", "Job"}, "spec/template/spec/priorityClassName", false},
             {{"", "", "DaemonSet"}, "spec/template/spec/priorityClassName", false},
         }},
        {{"networking.k8s.io/v1", "v1", "IngressClass"},
         {
             {{"", "", "Ingress"}, "spec/ingressClassName", false},
         }},
        {{"admissionregistration.k8s.io", "", "ValidatingAdmissionPolicy"},
         {
             {{"admissionregistration.k8s.io", "", "ValidatingAdmissionPolicyBinding"}, "spec/policyName", false},
         }},
    };
    return references;
}

} // namespace capstan::kustomize
