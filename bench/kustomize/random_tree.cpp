#include "random_tree.h"

#include "random_manifests.h"
#include "tree_writer.h"

#include <algorithm>
#include <cstdio>

namespace capstan::bench {

namespace {

const std::vector<std::string> kAppNames = { "web", "api", "cart", "search", "orders", "payments", "auth", "gateway",
    "worker", "mailer", "catalog", "reviews", "ledger", "inventory" };
const std::vector<std::string> kLiteralValues = { "info", "on", "0755", "true", "8080", "1.10", "", "a=b", "with space",
    "https://example.com", "\"quoted\"", "yes", "null", "~" };

// What the layers below the one being written have produced.
struct Context
{
    BaseResources base;
    std::string prefix; // accumulated namePrefix of the lower layers
    std::string suffix;
    std::string ns; // namespace set by a lower layer
    std::vector<std::string> generatedConfigMaps; // generator names of lower layers
    int level = 0;
};

std::string currentName(const Context &c, const std::string &name)
{
    return c.prefix + name + c.suffix;
}

std::string literals(RandomSource &random, int level)
{
    std::string out = "  literals:\n";
    for (int i = 0, n = random.between(1, 3); i < n; ++i)
        out += "  - L" + std::to_string(level) + "_" + std::to_string(i) + "=" + random.pick(kLiteralValues) + "\n";
    return out;
}

std::string configMapGenerators(
    RandomSource &random, const std::filesystem::path &dir, Context &c, std::vector<std::string> &madeHere)
{
    std::string out = "configMapGenerator:\n";
    if (!c.generatedConfigMaps.empty() && random.chance(40)) {
        const std::string &name = random.pick(c.generatedConfigMaps);
        out += "- name: " + name + "\n  behavior: " + (random.chance(70) ? "merge" : "replace") + "\n"
            + literals(random, c.level);
    }
    const std::string name = "settings-l" + std::to_string(c.level);
    madeHere.push_back(name);
    out += "- name: " + name + "\n";
    switch (random.below(3)) {
    case 0:
        out += literals(random, c.level);
        break;
    case 1:
        writeFile(dir / "app.env",
            "# environment for level " + std::to_string(c.level) + "\nMODE=" + random.pick(kLiteralValues)
                + "\nPORT=8080\n\nEMPTY=\n");
        out += "  envs:\n  - app.env\n";
        break;
    default:
        writeFile(dir / "files/app.properties", "server.port=8080\nname=" + random.pick(kLiteralValues) + "\n");
        out += "  files:\n  - files/app.properties\n";
        if (random.chance(50)) {
            writeFile(dir / "files/banner.txt", "  Welcome!  \n\ttabbed line\nGrüße ✓");
            out += "  - banner=files/banner.txt\n";
        }
        break;
    }
    if (random.chance(20))
        out += "  options:\n    disableNameSuffixHash: true\n";
    return out;
}

std::string images(RandomSource &random, const Context &c)
{
    std::vector<std::string> all;
    for (const Workload &w : c.base.workloads)
        all.insert(all.end(), w.images.begin(), w.images.end());
    std::string out = "images:\n";
    for (int i = 0, n = random.between(1, 2); i < n; ++i) {
        out += "- name: " + random.pick(all) + "\n";
        const int form = random.below(4);
        if (form == 0 || form == 3)
            out += "  newTag: \"" + std::to_string(random.between(1, 9)) + "." + std::to_string(random.below(10))
                + "\"\n";
        if (form == 1 || form == 3)
            out += "  newName: mirror.example.com:5000/" + std::to_string(c.level) + "/app\n";
        if (form == 2)
            out += "  digest: sha256:" + random.hex(64) + "\n";
    }
    return out;
}

const Workload *pickScalable(RandomSource &random, const Context &c)
{
    std::vector<const Workload *> scalable;
    for (const Workload &w : c.base.workloads)
        if (w.kind != "DaemonSet")
            scalable.push_back(&w);
    return scalable.empty() ? nullptr
                            : scalable[static_cast<std::size_t>(random.below(static_cast<int>(scalable.size())))];
}

std::string strategicPatch(RandomSource &random, const Context &c, const Workload &w, const std::string &configMap)
{
    // A patch without a target names the object by its id, namespace included.
    std::string p = "apiVersion: apps/v1\nkind: " + w.kind + "\nmetadata:\n  name: " + currentName(c, w.name) + "\n";
    if (!c.ns.empty())
        p += "  namespace: " + c.ns + "\n";
    if (random.chance(30))
        p += "  labels:\n    patched-at: level-" + std::to_string(c.level) + "\n";
    p += "spec:\n";
    if (w.kind != "DaemonSet" && random.chance(50))
        p += "  replicas: " + std::to_string(random.between(1, 9)) + "\n";
    p += "  template:\n    spec:\n      containers:\n      - name: " + w.container + "\n";
    if (random.chance(60))
        p += "        env:\n        - name: PATCHED_" + std::to_string(c.level)
            + "\n          value: " + trickyScalar(random) + "\n";
    if (!configMap.empty())
        p += "        envFrom:\n        - configMapRef:\n            name: " + configMap + "\n";
    if (random.chance(40))
        p += "        resources:\n          limits:\n            memory: " + std::to_string(random.between(1, 4) * 256)
            + "Mi\n";
    return p;
}

std::string jsonPatch(RandomSource &random, const Context &c, const Workload &w)
{
    std::string target = "- target:\n";
    if (random.chance(50))
        target += "    kind: " + w.kind + "\n    name: " + currentName(c, w.name) + "\n";
    else
        target += "    kind: " + w.kind + "\n    labelSelector: app=" + w.name + "\n";
    std::string ops = "  patch: |-\n    - op: add\n      path: /metadata/labels/json-patched\n      value: \"level-"
        + std::to_string(c.level) + "\"\n";
    if (w.hasReplicas && random.chance(50))
        ops += "    - op: replace\n      path: /spec/replicas\n      value: " + std::to_string(random.between(1, 9))
            + "\n";
    if (w.hasEnv && random.chance(50))
        ops += "    - op: add\n      path: /spec/template/spec/containers/0/env/-\n      value:\n"
               "        name: FROM_JSON_PATCH_L"
            + std::to_string(c.level) + "\n        value: " + trickyScalar(random) + "\n";
    return target + ops;
}

// The fields older repositories still use (kustomize warns about them):
// patchesStrategicMerge with a file and patchesJson6902 with a target.
std::string deprecatedPatches(
    RandomSource &random, const std::filesystem::path &dir, const Context &c, const Workload &w)
{
    const std::string file = "legacy-l" + std::to_string(c.level) + ".yaml";
    if (random.chance(50)) {
        std::string body
            = "apiVersion: apps/v1\nkind: " + w.kind + "\nmetadata:\n  name: " + currentName(c, w.name) + "\n";
        if (!c.ns.empty())
            body += "  namespace: " + c.ns + "\n";
        body += "  annotations:\n    legacy-patch: \"l" + std::to_string(c.level) + "\"\n";
        writeFile(dir / file, body);
        return "patchesStrategicMerge:\n- " + file + "\n";
    }
    writeFile(dir / file, "- op: add\n  path: /metadata/labels/legacy-json\n  value: \"yes\"\n");
    return "patchesJson6902:\n- target:\n    group: apps\n    version: v1\n    kind: " + w.kind
        + "\n    name: " + currentName(c, w.name) + "\n  path: " + file + "\n";
}

// Copies a Service's (current) name into an annotation of a workload.
std::string replacement(RandomSource &random, const Context &c)
{
    const std::string &service = random.pick(c.base.services);
    const Workload &w = random.pick(c.base.workloads);
    return "replacements:\n- source:\n    kind: Service\n    name: " + currentName(c, service)
        + "\n    fieldPath: metadata.name\n  targets:\n  - select:\n      kind: " + w.kind
        + "\n    fieldPaths:\n    - spec.template.metadata.annotations.upstream-l" + std::to_string(c.level)
        + "\n    options:\n      create: true\n";
}

// One layer's kustomization text: its transformers, generators and patches.
std::string layerBody(RandomSource &random, const std::filesystem::path &dir, Context &c, bool component)
{
    std::string k;
    std::vector<std::string> madeHere;
    if (!component) {
        if (random.chance(c.level == 0 ? 10 : 35))
            k += "namespace: ns-l" + std::to_string(c.level) + "\n";
        if (random.chance(35))
            k += "namePrefix: p" + std::to_string(c.level) + "-\n";
        if (random.chance(25))
            k += "nameSuffix: -s" + std::to_string(c.level) + "\n";
    }
    if (random.chance(20))
        k += "commonLabels:\n  tier-l" + std::to_string(c.level) + ": backend\n";
    if (random.chance(30)) {
        k += "labels:\n- pairs:\n    owner-l" + std::to_string(c.level) + ": team-" + random.hex(3) + "\n";
        if (random.chance(50))
            k += "  includeSelectors: true\n";
        else if (random.chance(50))
            k += "  includeTemplates: true\n";
    }
    if (random.chance(30))
        k += "commonAnnotations:\n  note-l" + std::to_string(c.level) + ": " + trickyString(random) + "\n";
    if (random.chance(40))
        k += images(random, c);
    if (!component && random.chance(25)) {
        if (const Workload *w = pickScalable(random, c))
            k += "replicas:\n- name: " + currentName(c, w->name) + "\n  count: " + std::to_string(random.between(0, 7))
                + "\n";
    }
    if (random.chance(45))
        k += configMapGenerators(random, dir, c, madeHere);
    if (random.chance(25))
        k += "secretGenerator:\n- name: secret-l" + std::to_string(c.level) + "\n" + literals(random, c.level);
    if (random.chance(15))
        k += "generatorOptions:\n  labels:\n    generated: \"true\"\n";

    std::string patches;
    const Workload &w = random.pick(c.base.workloads);
    if (!component && random.chance(45)) {
        const std::string cm = madeHere.empty() || random.chance(50) ? std::string() : madeHere.front();
        const std::string body = strategicPatch(random, c, w, cm);
        if (random.chance(50)) {
            writeFile(dir / ("patch-l" + std::to_string(c.level) + ".yaml"), body);
            patches += "- path: patch-l" + std::to_string(c.level) + ".yaml\n";
        } else {
            std::string indented;
            for (std::size_t start = 0; start < body.size();) {
                const std::size_t end = body.find('\n', start);
                indented += "    " + body.substr(start, end - start) + "\n";
                start = end + 1;
            }
            patches += "- patch: |-\n" + indented.substr(0, indented.size() - 1) + "\n";
        }
    }
    if (random.chance(35))
        patches += jsonPatch(random, c, w);
    if (!patches.empty())
        k += "patches:\n" + patches;
    if (!component && random.chance(12))
        k += deprecatedPatches(random, dir, c, w);
    if (!component && !c.base.services.empty() && random.chance(15))
        k += replacement(random, c);

    c.generatedConfigMaps.insert(c.generatedConfigMaps.end(), madeHere.begin(), madeHere.end());
    return k;
}

void applyNaming(const std::string &kustomization, Context &c)
{
    // Track the prefix and suffix this layer added, for the layers above.
    const auto value = [&](const std::string &key) {
        const std::size_t at = kustomization.find("\n" + key + ": ");
        if (at == std::string::npos && kustomization.rfind(key + ": ", 0) != 0)
            return std::string();
        const std::size_t from = (at == std::string::npos ? 0 : at + 1) + key.size() + 2;
        return kustomization.substr(from, kustomization.find('\n', from) - from);
    };
    c.prefix = value("namePrefix") + c.prefix;
    if (const std::string ns = value("namespace"); !ns.empty())
        c.ns = ns;
    c.suffix = c.suffix + value("nameSuffix");
}

} // namespace

std::string writeRandomTree(RandomSource &random, const std::filesystem::path &root)
{
    Context c;
    std::vector<std::string> apps = kAppNames;
    for (std::size_t i = apps.size(); i > 1; --i)
        std::swap(apps[i - 1], apps[static_cast<std::size_t>(random.below(static_cast<int>(i)))]);
    apps.resize(static_cast<std::size_t>(random.between(1, 3)));
    c.base = makeBaseResources(random, apps);

    // The base: resources spread over one to three files.
    const int files = std::min<int>(random.between(1, 3), static_cast<int>(c.base.documents.size()));
    std::vector<std::string> fileText(static_cast<std::size_t>(files));
    for (std::size_t i = 0; i < c.base.documents.size(); ++i) {
        std::string &text = fileText[i % fileText.size()];
        text += (text.empty() ? "" : "---\n") + c.base.documents[i];
    }
    std::string k = random.chance(50) ? "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n" : "";
    k += "resources:\n";
    for (int i = 0; i < files; ++i) {
        const std::string name = "resources-" + std::to_string(i) + ".yaml";
        writeFile(root / "base" / name, fileText[static_cast<std::size_t>(i)]);
        k += "- " + name + "\n";
    }
    const std::string baseBody = layerBody(random, root / "base", c, false);
    writeFile(root / "base/kustomization.yaml", k + baseBody);
    applyNaming(baseBody, c);

    std::string below = "base";
    const int overlays = random.between(0, 2);
    for (int level = 1; level <= overlays; ++level) {
        c.level = level;
        const std::string dir = level == overlays ? "overlays/env" : "middle";
        const std::string up = level == overlays ? "../../" : "../";
        std::string ok = "resources:\n- " + up + below + "\n";
        if (level == overlays && random.chance(30)) {
            // A component, as a real repository shares an optional feature.
            Context componentContext = c;
            componentContext.level = 10 + level;
            std::string body = layerBody(random, root / "components/feature", componentContext, true);
            if (body.empty()) // kustomize refuses a component with nothing in it
                body = "configMapGenerator:\n- name: feature\n  literals:\n  - FEATURE=on\n";
            writeFile(root / "components/feature/kustomization.yaml",
                "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n" + body);
            ok += "components:\n- " + up + "components/feature\n";
        }
        const std::string body = layerBody(random, root / dir, c, false);
        writeFile(root / dir / "kustomization.yaml", ok + body);
        applyNaming(body, c);
        below = dir;
    }
    writeFile(root / "case.txt", "render: " + below + "\n");
    return below;
}

void writeRandomTrees(const std::filesystem::path &root, long count, unsigned long long seed)
{
    for (long i = 0; i < count; ++i) {
        RandomSource random(seed * 1000003ULL + static_cast<unsigned long long>(i));
        char name[32];
        std::snprintf(name, sizeof name, "tree-%04ld", i);
        writeRandomTree(random, root / name);
    }
}

} // namespace capstan::bench
