#include "demo/demo_catalog.h"

namespace capstan::demo {

namespace {

QByteArray fill(QString text, const QMap<QString, QString> &values)
{
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        text.replace(QLatin1String("${") + it.key() + QLatin1Char('}'), it.value());
    return text.toUtf8();
}

const char kDeployment[] = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels:
    app.kubernetes.io/name: ${name}
    app.kubernetes.io/part-of: shop
spec:
  replicas: 2
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${name}
        app.kubernetes.io/part-of: shop
    spec:
      containers:
      - name: ${name}
        image: ${image}:latest
        ports:
        - name: http
          containerPort: ${port}
        env:
        - name: LOG_FORMAT
          value: json
        readinessProbe:
          httpGet:
            path: /healthz
            port: http
          periodSeconds: 5
        resources:
          requests:
            cpu: 100m
            memory: 128Mi
          limits:
            cpu: 500m
            memory: 256Mi
)";

const char kService[] = R"(apiVersion: v1
kind: Service
metadata:
  name: ${name}
  labels:
    app.kubernetes.io/name: ${name}
    app.kubernetes.io/part-of: shop
spec:
  selector:
    app.kubernetes.io/name: ${name}
  ports:
  - name: http
    port: 80
    targetPort: http
)";

const char kHpa[] = R"(apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${name}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: ${name}
  minReplicas: 2
  maxReplicas: 6
  metrics:
  - type: Resource
    resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: 70
)";

const char kBaseKustomization[] = R"(apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
- deployment.yaml
- service.yaml
- hpa.yaml
)";

const char kNetworkPolicies[] = R"(apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-ingress
spec:
  podSelector: {}
  policyTypes:
  - Ingress
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-shop-internal
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/part-of: shop
  ingress:
  - from:
    - podSelector:
        matchLabels:
          app.kubernetes.io/part-of: shop
  policyTypes:
  - Ingress
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-frontend-from-anywhere
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: frontend
  ingress:
  - ports:
    - port: 8080
  policyTypes:
  - Ingress
)";

const char kReplicasPatch[] = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${name}
spec:
  minReplicas: ${replicas}
  maxReplicas: ${maxReplicas}
)";

const char kResourcesPatch[] = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  template:
    spec:
      containers:
      - name: ${name}
        resources:
          requests:
            cpu: ${cpu}
            memory: ${memory}
          limits:
            cpu: ${cpuLimit}
            memory: ${memoryLimit}
)";

const char kAntiAffinityPatch[] = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  template:
    spec:
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - weight: 100
            podAffinityTerm:
              topologyKey: kubernetes.io/hostname
              labelSelector:
                matchLabels:
                  app.kubernetes.io/name: ${name}
)";

const char kPdb[] = R"(apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${name}
spec:
  minAvailable: 2
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
)";

const char kApplication[] = R"(apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${name}-${env}
  namespace: argocd
  labels:
    capstan.io/service: ${name}
    capstan.io/environment: ${env}
spec:
  project: platform
  source:
    repoURL: ${repo}
    targetRevision: main
    path: ${path}
  destination:
    server: https://kubernetes.default.svc
    namespace: shop-${env}
  syncPolicy:
${policy}    syncOptions:
    - CreateNamespace=true
  revisionHistoryLimit: 20
)";

const char kAutomated[] = R"(    automated:
      prune: true
      selfHeal: true
)";

const char kAppOfApps[] = R"(# The root Application: everything under argocd/applications is an Application
# that this one deploys (the app-of-apps pattern).
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: shop-root
  namespace: argocd
spec:
  project: platform
  source:
    repoURL: ${repo}
    targetRevision: main
    path: argocd/applications
    directory:
      recurse: true
  destination:
    server: https://kubernetes.default.svc
    namespace: argocd
  syncPolicy:
    automated:
      prune: true
      selfHeal: true
)";

const char kProject[] = R"(apiVersion: argoproj.io/v1alpha1
kind: AppProject
metadata:
  name: platform
  namespace: argocd
  annotations:
    # Capstan: production syncs need an approval note from a person.
    capstan.io/require-approval: "true"
spec:
  description: The shop's services and their platform pieces
  sourceRepos:
  - ${repo}
  destinations:
  - server: https://kubernetes.default.svc
    namespace: shop-*
  - server: https://kubernetes.default.svc
    namespace: argocd
  clusterResourceWhitelist:
  - group: ""
    kind: Namespace
  namespaceResourceWhitelist:
  - group: '*'
    kind: '*'
  syncWindows:
  # No production changes from Friday 16:00 to Monday 06:00.
  - kind: deny
    schedule: "0 16 * * 5"
    duration: 62h
    applications:
    - '*-prod'
    timeZone: Europe/Berlin
)";

} // namespace

const QList<Service> &services()
{
    static const QList<Service> list = {
        {QStringLiteral("frontend"), 8080, 3},
        {QStringLiteral("order-service"), 8080, 3},
        {QStringLiteral("payment-service"), 8443, 3},
        {QStringLiteral("inventory-service"), 8080, 2},
    };
    return list;
}

const QList<Environment> &environments()
{
    static const QList<Environment> list = {
        {QStringLiteral("dev"), true, 1, QStringLiteral("50m"), QStringLiteral("64Mi")},
        {QStringLiteral("staging"), true, 2, QStringLiteral("100m"), QStringLiteral("128Mi")},
        {QStringLiteral("prod"), false, 3, QStringLiteral("250m"), QStringLiteral("256Mi")},
    };
    return list;
}

QString imageRepository(const QString &service)
{
    return QStringLiteral("registry.acme.example/shop/") + service;
}

QString repoUrl()
{
    return QStringLiteral("https://git.acme.example/platform/shop-gitops.git");
}

QString overlayPath(const QString &service, const QString &env)
{
    return QStringLiteral("k8s/overlays/%1/%2").arg(env, service);
}

QByteArray overlayKustomization(const Service &service, const Environment &env, const QString &tag)
{
    const bool prod = env.name == QLatin1String("prod");
    QString text = QStringLiteral("apiVersion: kustomize.config.k8s.io/v1beta1\n"
                                  "kind: Kustomization\n"
                                  "namespace: shop-%1\n"
                                  "resources:\n"
                                  "- ../../../base/%2\n")
                       .arg(env.name, service.name);
    if (prod)
        text += QStringLiteral("- pdb.yaml\n");
    text += QStringLiteral("labels:\n"
                           "- pairs:\n"
                           "    app.kubernetes.io/environment: %1\n"
                           "patches:\n"
                           "- path: patches/replicas.yaml\n"
                           "- path: patches/resources.yaml\n")
                .arg(env.name);
    if (prod)
        text += QStringLiteral("- path: patches/anti-affinity.yaml\n");
    text += QStringLiteral("images:\n"
                           "- name: %1\n"
                           "  newTag: %2\n")
                .arg(imageRepository(service.name), tag);
    return text.toUtf8();
}

QMap<QString, QByteArray> repositoryFiles(const ImageTags &tags)
{
    QMap<QString, QByteArray> files;
    const QString repo = repoUrl();
    files[QStringLiteral("README.md")] =
        "# shop-gitops\n\nDesired state of the shop: Kustomize bases and overlays under k8s/,\n"
        "Argo CD Applications and the platform project under argocd/.\n\n"
        "- dev and staging sync automatically (prune, selfHeal)\n"
        "- prod syncs only when a release manager approves it\n";
    files[QStringLiteral("k8s/base/network-policies/kustomization.yaml")] =
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- policies.yaml\n";
    files[QStringLiteral("k8s/base/network-policies/policies.yaml")] = kNetworkPolicies;
    files[QStringLiteral("argocd/app-of-apps.yaml")] = fill(QString::fromUtf8(kAppOfApps), {{QStringLiteral("repo"), repo}});
    files[QStringLiteral("argocd/projects/platform.yaml")] = fill(QString::fromUtf8(kProject), {{QStringLiteral("repo"), repo}});

    QByteArray networkApps;
    for (const Environment &env : environments()) {
        const QString path = QStringLiteral("k8s/overlays/%1/network-policies").arg(env.name);
        files[path + QStringLiteral("/kustomization.yaml")] =
            QStringLiteral("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: shop-%1\n"
                           "resources:\n- ../../../base/network-policies\n")
                .arg(env.name)
                .toUtf8();
        if (!networkApps.isEmpty())
            networkApps += "---\n";
        networkApps += fill(QString::fromUtf8(kApplication),
                            {{QStringLiteral("name"), QStringLiteral("network-policies")},
                             {QStringLiteral("env"), env.name},
                             {QStringLiteral("repo"), repo},
                             {QStringLiteral("path"), path},
                             {QStringLiteral("policy"), env.automated ? QString::fromUtf8(kAutomated) : QString()}});
    }
    files[QStringLiteral("argocd/applications/network-policies.yaml")] = networkApps;

    for (const Service &service : services()) {
        const QMap<QString, QString> base = {{QStringLiteral("name"), service.name},
                                             {QStringLiteral("image"), imageRepository(service.name)},
                                             {QStringLiteral("port"), QString::number(service.port)}};
        const QString baseDir = QStringLiteral("k8s/base/") + service.name;
        files[baseDir + QStringLiteral("/kustomization.yaml")] = kBaseKustomization;
        files[baseDir + QStringLiteral("/deployment.yaml")] = fill(QString::fromUtf8(kDeployment), base);
        files[baseDir + QStringLiteral("/service.yaml")] = fill(QString::fromUtf8(kService), base);
        files[baseDir + QStringLiteral("/hpa.yaml")] = fill(QString::fromUtf8(kHpa), base);

        QByteArray apps;
        for (const Environment &env : environments()) {
            const QString dir = overlayPath(service.name, env.name);
            const bool prod = env.name == QLatin1String("prod");
            const int replicas = prod ? service.prodReplicas : env.replicas;
            const QMap<QString, QString> values = {
                {QStringLiteral("name"), service.name},
                {QStringLiteral("replicas"), QString::number(replicas)},
                {QStringLiteral("maxReplicas"), QString::number(replicas * 3)},
                {QStringLiteral("cpu"), env.cpu},
                {QStringLiteral("memory"), env.memory},
                {QStringLiteral("cpuLimit"), prod ? QStringLiteral("\"1\"") : QStringLiteral("500m")},
                {QStringLiteral("memoryLimit"), prod ? QStringLiteral("512Mi") : QStringLiteral("256Mi")},
            };
            files[dir + QStringLiteral("/kustomization.yaml")] =
                overlayKustomization(service, env, tags.value(service.name).value(env.name));
            files[dir + QStringLiteral("/patches/replicas.yaml")] = fill(QString::fromUtf8(kReplicasPatch), values);
            files[dir + QStringLiteral("/patches/resources.yaml")] = fill(QString::fromUtf8(kResourcesPatch), values);
            if (prod) {
                files[dir + QStringLiteral("/patches/anti-affinity.yaml")] =
                    fill(QString::fromUtf8(kAntiAffinityPatch), values);
                files[dir + QStringLiteral("/pdb.yaml")] = fill(QString::fromUtf8(kPdb), values);
            }
            if (!apps.isEmpty())
                apps += "---\n";
            apps += fill(QString::fromUtf8(kApplication),
                         {{QStringLiteral("name"), service.name},
                          {QStringLiteral("env"), env.name},
                          {QStringLiteral("repo"), repo},
                          {QStringLiteral("path"), dir},
                          {QStringLiteral("policy"), env.automated ? QString::fromUtf8(kAutomated) : QString()}});
        }
        files[QStringLiteral("argocd/applications/%1.yaml").arg(service.name)] = apps;
    }
    return files;
}

} // namespace capstan::demo
