#include "bench_repository.h"

#include "tree_writer.h"

#include <array>
#include <cstdio>

namespace capstan::bench {

namespace {

std::string appName(int app)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "svc-%04d", app);
    return buf;
}

void writeBase(const std::filesystem::path &dir, const std::string &app, int index)
{
    writeFile(dir / "kustomization.yaml",
        "apiVersion: kustomize.config.k8s.io/v1beta1\n"
        "kind: Kustomization\n"
        "resources:\n- deployment.yaml\n- service.yaml\n- hpa.yaml\n- configmap.yaml\n"
        "labels:\n- pairs:\n    app.kubernetes.io/name: "
            + app + "\n");
    writeFile(dir / "deployment.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + app + "\n  labels:\n    app: " + app
            + "\n"
              "spec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: "
            + app
            + "\n"
              "  template:\n    metadata:\n      labels:\n        app: "
            + app
            + "\n"
              "    spec:\n      serviceAccountName: default\n      containers:\n"
              "      - name: "
            + app
            + "\n"
              "        image: registry.example.com/shop/"
            + app + ":1." + std::to_string(index % 10)
            + ".0\n"
              "        ports:\n        - name: http\n          containerPort: 8080\n"
              "        envFrom:\n        - configMapRef:\n            name: "
            + app
            + "-settings\n"
              "        env:\n        - name: LOG_FORMAT\n          value: json\n"
              "        - name: POD_NAME\n          valueFrom:\n            fieldRef:\n              fieldPath: "
              "metadata.name\n"
              "        resources:\n          requests:\n            cpu: 100m\n            memory: 128Mi\n"
              "          limits:\n            cpu: 500m\n            memory: 256Mi\n"
              "        readinessProbe:\n          httpGet:\n            path: /ready\n            port: http\n"
              "        livenessProbe:\n          httpGet:\n            path: /healthz\n            port: http\n"
              "          initialDelaySeconds: 10\n"
              "        volumeMounts:\n        - name: tmp\n          mountPath: /tmp\n"
              "      volumes:\n      - name: tmp\n        emptyDir: {}\n");
    writeFile(dir / "service.yaml",
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: " + app + "\nspec:\n  selector:\n    app: " + app
            + "\n"
              "  ports:\n  - name: http\n    port: 80\n    targetPort: http\n");
    writeFile(dir / "hpa.yaml",
        "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: " + app
            + "\n"
              "spec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: "
            + app
            + "\n"
              "  minReplicas: 2\n  maxReplicas: 10\n  metrics:\n  - type: Resource\n    resource:\n      name: cpu\n"
              "      target:\n        type: Utilization\n        averageUtilization: 70\n");
    writeFile(dir / "configmap.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + app
            + "-settings\ndata:\n"
              "  LISTEN_PORT: \"8080\"\n  CACHE_TTL: \"300\"\n  FEATURE_FLAGS: \"checkout-v2,search-v3\"\n");
}

struct Environment
{
    const char *name;
    const char *replicas;
    const char *cpu;
    const char *memory;
    const char *logLevel;
};

constexpr std::array<Environment, 3> kEnvironments { {
    { "dev", "1", "50m", "64Mi", "debug" },
    { "staging", "2", "100m", "128Mi", "info" },
    { "prod", "3", "250m", "256Mi", "warn" },
} };

void writeOverlay(const std::filesystem::path &dir, const std::string &app, const Environment &env, int index)
{
    const std::string envName = env.name;
    const bool prod = envName == "prod";
    std::string k = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
                    "namespace: "
        + app + "-" + envName
        + "\n"
          "namePrefix: "
        + envName
        + "-\n"
          "resources:\n- ../../base\n"
        + (prod ? "- pdb.yaml\n" : "") + "labels:\n- pairs:\n    environment: " + envName
        + "\n"
          "images:\n- name: registry.example.com/shop/"
        + app
        + "\n"
          "  newTag: "
        + envName + "-" + std::to_string(1000 + index)
        + "\n"
          "configMapGenerator:\n- name: "
        + app
        + "-env\n  literals:\n"
          "  - ENVIRONMENT="
        + envName + "\n  - LOG_LEVEL=" + env.logLevel
        + "\n"
          "patches:\n- path: patches/deployment.yaml\n"
          "- target:\n    kind: HorizontalPodAutoscaler\n    name: "
        + app
        + "\n"
          "  patch: |-\n    - op: replace\n      path: /spec/minReplicas\n      value: "
        + env.replicas + "\n";
    writeFile(dir / "kustomization.yaml", k);
    writeFile(dir / "patches/deployment.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + app
            + "\nspec:\n"
              "  replicas: "
            + env.replicas
            + "\n  template:\n    spec:\n      containers:\n"
              "      - name: "
            + app + "\n        envFrom:\n        - configMapRef:\n            name: " + app
            + "-env\n"
              "        resources:\n          requests:\n            cpu: "
            + env.cpu + "\n            memory: " + env.memory + "\n");
    if (prod)
        writeFile(dir / "pdb.yaml",
            "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: " + app
                + "\n"
                  "spec:\n  minAvailable: 2\n  selector:\n    matchLabels:\n      app: "
                + app + "\n");
}

} // namespace

std::vector<std::filesystem::path> writeBenchRepository(const std::filesystem::path &root, int overlayCount, bool write)
{
    std::vector<std::filesystem::path> overlays;
    overlays.reserve(static_cast<std::size_t>(overlayCount));
    for (int app = 0; static_cast<int>(overlays.size()) < overlayCount; ++app) {
        const std::string name = appName(app);
        const std::filesystem::path appDir = root / "apps" / name;
        if (write)
            writeBase(appDir / "base", name, app);
        for (const Environment &env : kEnvironments) {
            if (static_cast<int>(overlays.size()) == overlayCount)
                break;
            const std::filesystem::path dir = appDir / "overlays" / env.name;
            if (write)
                writeOverlay(dir, name, env, app);
            overlays.push_back(dir);
        }
    }
    return overlays;
}

} // namespace capstan::bench
