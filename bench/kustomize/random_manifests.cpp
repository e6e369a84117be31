#include "random_manifests.h"

namespace capstan::bench {

namespace {

const std::vector<std::string> kTrickyScalars = { "\"on\"", "\"off\"", "\"yes\"", "\"no\"", "\"true\"", "\"null\"",
    "\"~\"", "\"0755\"", "\"8080\"", "\"1.10\"", "\"1e3\"", "\"0x1F\"", "\"2024-01-01\"", "\"12:30\"", "\"+1\"",
    "\".inf\"", "''", "'it''s'", "\"key: value\"", "\"value # not a comment\"", "\"  padded\"", "\"padded  \"", "\"*\"",
    "\"&amp\"", "\"@user\"", "\"- item\"", "\"{not: a map}\"", "\"[1, 2]\"", "\"Grüße, 世界\"", "\"tab\\there\"",
    "\"line1\\nline2\"", "plain words here", "https://example.com/path?q=1", "postgres://db:5432/app", "\"100%\"",
    "'single quoted'", "v1.2.3", "42", "3.14", "true",
    "\"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore "
    "et dolore magna aliqua, ut enim ad minim veniam\"" };

const std::vector<std::string> kRegistries = { "registry.example.com/shop/", "localhost:5000/team/", "ghcr.io/acme/",
    "", "quay.io/org/", "europe-docker.pkg.dev/acme-prod/apps/" };
const std::vector<std::string> kSidecars = { "nginx", "redis", "busybox", "envoyproxy/envoy", "fluent/fluent-bit" };

std::string labelsBlock(const std::string &indent, const std::string &app)
{
    return indent + "labels:\n" + indent + "  app: " + app + "\n";
}

std::string container(RandomSource &random, const std::string &indent, const std::string &name,
    const std::string &image, bool withEnv, const std::string &configMap)
{
    std::string c = indent + "- name: " + name + "\n" + indent + "  image: " + imageReference(random, image) + "\n";
    if (random.chance(60))
        c += indent + "  ports:\n" + indent + "  - containerPort: " + std::to_string(random.between(1, 9) * 1000 + 80)
            + "\n" + indent + "    name: http\n";
    if (withEnv) {
        c += indent + "  env:\n";
        for (int i = 0, n = random.between(1, 3); i < n; ++i)
            c += indent + "  - name: VAR_" + std::to_string(i) + "\n" + indent + "    value: " + trickyScalar(random)
                + "\n";
    }
    if (!configMap.empty())
        c += indent + "  envFrom:\n" + indent + "  - configMapRef:\n" + indent + "      name: " + configMap + "\n";
    if (random.chance(50))
        c += indent + "  resources:\n" + indent + "    requests:\n" + indent
            + "      cpu: " + std::to_string(random.between(1, 10) * 50) + "m\n" + indent
            + "      memory: " + std::to_string(random.between(1, 8) * 64) + "Mi\n";
    return c;
}

Workload makeWorkload(RandomSource &random, const std::string &app, const std::string &configMap,
    const std::string &serviceAccount, std::string &doc)
{
    static const std::vector<std::string> kinds
        = { "Deployment", "Deployment", "Deployment", "StatefulSet", "DaemonSet" };
    Workload w;
    w.kind = random.pick(kinds);
    w.name = app;
    w.container = app;
    w.hasReplicas = w.kind != "DaemonSet" && random.chance(70);
    w.hasEnv = random.chance(60);
    const std::string image = random.pick(kRegistries) + app;
    w.images.push_back(image);

    doc = "apiVersion: apps/v1\nkind: " + w.kind + "\nmetadata:\n  name: " + app + "\n" + labelsBlock("  ", app);
    if (random.chance(30))
        doc += "  annotations:\n    note: " + trickyString(random) + "\n";
    doc += "spec:\n";
    if (w.hasReplicas)
        doc += "  replicas: " + std::to_string(random.between(1, 5)) + "\n";
    if (w.kind == "StatefulSet")
        doc += "  serviceName: " + app + "\n";
    doc += "  selector:\n    matchLabels:\n      app: " + app + "\n  template:\n    metadata:\n"
        + labelsBlock("      ", app) + "    spec:\n";
    if (!serviceAccount.empty())
        doc += "      serviceAccountName: " + serviceAccount + "\n";
    if (random.chance(30)) {
        const std::string init = random.pick(kSidecars);
        w.images.push_back(init);
        doc += "      initContainers:\n" + container(random, "      ", "init", init, false, "");
    }
    doc += "      containers:\n" + container(random, "      ", app, image, w.hasEnv, configMap);
    if (random.chance(35)) {
        const std::string sidecar = random.pick(kSidecars);
        w.images.push_back(sidecar);
        doc += container(random, "      ", "sidecar", sidecar, false, "");
    }
    const bool scratch = random.chance(40);
    const bool configVolume = !configMap.empty() && random.chance(50);
    if (scratch || configVolume)
        doc += "      volumes:\n";
    if (scratch)
        doc += "      - name: scratch\n        emptyDir: {}\n";
    if (configVolume)
        doc += "      - name: config\n        configMap:\n          name: " + configMap + "\n";
    return w;
}

std::string service(const std::string &app)
{
    return "apiVersion: v1\nkind: Service\nmetadata:\n  name: " + app + "\n" + labelsBlock("  ", app)
        + "spec:\n  selector:\n    app: " + app + "\n  ports:\n  - name: http\n    port: 80\n    targetPort: http\n";
}

std::string configMap(RandomSource &random, const std::string &name, const std::string &app)
{
    std::string doc
        = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n" + labelsBlock("  ", app) + "data:\n";
    for (int i = 0, n = random.between(1, 4); i < n; ++i)
        doc += "  key" + std::to_string(i) + ": " + trickyScalar(random) + "\n";
    if (random.chance(30))
        doc += "  script.sh: |\n    #!/bin/sh\n    echo \"starting " + app + "\"\n\n    exec /app/" + app + "\n";
    return doc;
}

std::string rbac(const std::string &app)
{
    return "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: " + app + "\n" + labelsBlock("  ", app)
        + "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: " + app + "-reader\n"
        + labelsBlock("  ", app)
        + "rules:\n- apiGroups: [\"\"]\n  resources: [\"configmaps\"]\n  verbs: [\"get\", \"list\"]\n"
          "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: "
        + app + "-reader\n" + labelsBlock("  ", app)
        + "roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: " + app
        + "-reader\n"
          "subjects:\n- kind: ServiceAccount\n  name: "
        + app + "\n";
}

std::string extra(RandomSource &random, const std::string &app, int which)
{
    switch (which) {
    case 0:
        return "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: " + app + "\n"
            + labelsBlock("  ", app)
            + "spec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n"
              "    name: "
            + app + "\n  minReplicas: 1\n  maxReplicas: " + std::to_string(random.between(2, 20)) + "\n";
    case 1:
        return "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: " + app + "\n"
            + labelsBlock("  ", app) + "spec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: " + app
            + "\n";
    case 2:
        return "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: " + app + "\n"
            + labelsBlock("  ", app) + "spec:\n  rules:\n  - host: " + app
            + ".example.com\n    http:\n      paths:\n      - path: /\n"
              "        pathType: Prefix\n        backend:\n          service:\n            name: "
            + app
            + "\n"
              "            port:\n              number: 80\n";
    case 3:
        return "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: " + app + "-cleanup\n" + labelsBlock("  ", app)
            + "spec:\n  schedule: \"" + std::to_string(random.below(60))
            + " 3 * * *\"\n  jobTemplate:\n    spec:\n"
              "      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n"
              "          - name: cleanup\n            image: busybox:1.36\n            args: [\"sh\", \"-c\", \"echo "
              "done\"]\n";
    case 4:
        return "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: " + app + "-widget\n"
            + labelsBlock("  ", app) + "spec:\n  size: " + trickyScalar(random) + "\n  items:\n  - a\n  - b\n";
    case 5:
        return "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + app + "-system\n" + labelsBlock("  ", app);
    case 6:
        return "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: " + app
            + "-view\n" + labelsBlock("  ", app)
            + "roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: view\n"
              "subjects:\n- kind: ServiceAccount\n  name: "
            + app + "\n  namespace: default\n";
    default:
        return "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: " + app + "-viewer\n"
            + labelsBlock("  ", app)
            + "rules:\n- apiGroups: [\"apps\"]\n  resources: [\"deployments\"]\n  verbs: [\"get\"]\n";
    }
}

} // namespace

std::string trickyScalar(RandomSource &random)
{
    return random.pick(kTrickyScalars);
}

std::string trickyString(RandomSource &random)
{
    for (;;) {
        const std::string s = trickyScalar(random);
        if (s != "42" && s != "3.14" && s != "true")
            return s;
    }
}

std::string imageReference(RandomSource &random, const std::string &imageName)
{
    switch (random.below(5)) {
    case 0:
        return imageName;
    case 1:
        return imageName + ":latest";
    case 2:
        return imageName + "@sha256:" + random.hex(64);
    case 3:
        return imageName + ":v" + std::to_string(random.between(1, 3)) + "." + std::to_string(random.below(20))
            + ".0@sha256:" + random.hex(64);
    default:
        return imageName + ":" + std::to_string(random.between(1, 9)) + "." + std::to_string(random.below(10));
    }
}

BaseResources makeBaseResources(RandomSource &random, const std::vector<std::string> &appNames)
{
    BaseResources base;
    bool namespaceAdded = false;
    for (const std::string &app : appNames) {
        std::string cm;
        if (random.chance(50)) {
            cm = app + "-config";
            base.configMaps.push_back(cm);
            base.documents.push_back(configMap(random, cm, app));
        }
        const bool withRbac = random.chance(30);
        std::string doc;
        Workload w = makeWorkload(random, app, cm, withRbac ? app : std::string(), doc);
        const bool deployment = w.kind == "Deployment";
        base.documents.push_back(doc);
        base.workloads.push_back(w);
        if (random.chance(80)) {
            base.services.push_back(app);
            base.documents.push_back(service(app));
            if (random.chance(30))
                base.documents.push_back(extra(random, app, 2));
        }
        if (withRbac)
            base.documents.push_back(rbac(app));
        if (deployment && random.chance(40))
            base.documents.push_back(extra(random, app, 0));
        if (random.chance(25))
            base.documents.push_back(extra(random, app, 1));
        if (random.chance(20))
            base.documents.push_back(extra(random, app, random.pick(std::vector<int> { 3, 4, 7 })));
        // Two Namespace objects would collide under a namespace transformer.
        if (!namespaceAdded && random.chance(10)) {
            namespaceAdded = true;
            base.documents.push_back(extra(random, app, 5));
        }
        if (withRbac && random.chance(30))
            base.documents.push_back(extra(random, app, 6));
    }
    return base;
}

} // namespace capstan::bench
