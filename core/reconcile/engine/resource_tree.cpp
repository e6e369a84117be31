#include "reconcile/engine/resource_tree.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace capstan::engine {

namespace {

// The kinds controllers create for the workloads Git defines.
const std::vector<cluster::GroupKind> kOwnedKinds = {
    {"apps", "ReplicaSet"},
    {"batch", "Job"},
    {"", "Pod"},
};

std::string uidOf(const manifest::Object &object)
{
    return object.root().textAt({"metadata", "uid"});
}

std::vector<std::string> ownerUids(const manifest::Object &object)
{
    std::vector<std::string> uids;
    const manifest::Node *owners = object.root().at({"metadata", "ownerReferences"});
    if (!owners || !owners->isSequence())
        return uids;
    for (const manifest::Node &owner : owners->items())
        if (std::string uid = owner.textAt({"uid"}); !uid.empty())
            uids.push_back(std::move(uid));
    return uids;
}

long long number(const manifest::Node &root, std::initializer_list<std::string_view> path)
{
    const std::string text = root.textAt(path);
    return text.empty() ? 0 : std::atoll(text.c_str());
}

std::string podInfo(const manifest::Object &pod)
{
    const manifest::Node &root = pod.root();
    std::string phase = root.textAt({"status", "phase"}, "Pending");
    long long restarts = 0;
    const manifest::Node *statuses = root.at({"status", "containerStatuses"});
    if (statuses && statuses->isSequence()) {
        for (const manifest::Node &c : statuses->items()) {
            restarts += number(c, {"restartCount"});
            // A waiting container's reason says more than the phase (CrashLoopBackOff, ImagePullBackOff).
            if (std::string reason = c.textAt({"state", "waiting", "reason"}); !reason.empty())
                phase = reason;
        }
    }
    if (restarts > 0)
        phase += " · " + std::to_string(restarts) + (restarts == 1 ? " restart" : " restarts");
    return phase;
}

std::string replicasInfo(const manifest::Node &root)
{
    const long long wanted = root.at({"spec", "replicas"}) ? number(root, {"spec", "replicas"}) : 1;
    return std::to_string(number(root, {"status", "readyReplicas"})) + "/" + std::to_string(wanted) + " ready";
}

std::string revisionOf(const manifest::Object &object)
{
    return object.root().textAt({"metadata", "annotations", "deployment.kubernetes.io/revision"});
}

} // namespace

std::string resourceInfo(const manifest::Object &object)
{
    const std::string kind = object.kind();
    const manifest::Node &root = object.root();
    if (kind == "Pod")
        return podInfo(object);
    if (kind == "ReplicaSet" || kind == "Deployment" || kind == "StatefulSet") {
        std::string info = replicasInfo(root);
        if (std::string revision = revisionOf(object); !revision.empty())
            info += " · revision " + revision;
        return info;
    }
    if (kind == "DaemonSet")
        return std::to_string(number(root, {"status", "numberReady"})) + "/"
            + std::to_string(number(root, {"status", "desiredNumberScheduled"})) + " ready";
    if (kind == "Job") {
        const long long succeeded = number(root, {"status", "succeeded"});
        const long long failed = number(root, {"status", "failed"});
        std::string info = std::to_string(succeeded) + " succeeded";
        if (failed > 0)
            info += ", " + std::to_string(failed) + " failed";
        return info;
    }
    return {};
}

ResourceTree buildResourceTree(const TreeInput &input, const std::vector<manifest::Object> &owned)
{
    std::map<std::string, const manifest::Object *> liveByKey; // group/kind/ns/name → live object
    auto keyOf = [](const manifest::ResourceId &id) { return id.group + "/" + id.kind + "/" + id.ns + "/" + id.name; };
    for (const manifest::Object &object : input.live)
        liveByKey[keyOf(object.id())] = &object;

    // Owned objects by the uid of each owner; oldest first, as the cluster made them.
    std::unordered_map<std::string, std::vector<const manifest::Object *>> byOwner;
    for (const manifest::Object &object : owned)
        for (const std::string &uid : ownerUids(object))
            byOwner[uid].push_back(&object);
    for (auto &[uid, children] : byOwner)
        std::stable_sort(children.begin(), children.end(), [](const auto *a, const auto *b) {
            const std::string ta = a->root().textAt({"metadata", "creationTimestamp"});
            const std::string tb = b->root().textAt({"metadata", "creationTimestamp"});
            return ta != tb ? ta > tb : a->name() < b->name(); // newest first, as Argo CD lists them
        });

    ResourceTree tree;
    std::set<std::string> visited; // uids: ownership cannot loop, but bad data could
    auto addObject = [&](auto &&self, const manifest::Object &object, int parent, int depth) -> void {
        const std::string uid = uidOf(object);
        if (!uid.empty() && !visited.insert(uid).second)
            return;
        TreeNode node;
        node.id = object.id();
        node.parent = parent;
        node.depth = depth;
        node.health = health::assess(object);
        node.info = resourceInfo(object);
        node.createdAt = object.root().textAt({"metadata", "creationTimestamp"});
        tree.nodes.push_back(std::move(node));
        const int index = int(tree.nodes.size()) - 1;
        if (auto it = byOwner.find(uid); !uid.empty() && it != byOwner.end())
            for (const manifest::Object *child : it->second)
                self(self, *child, index, depth + 1);
    };

    for (const auto &[id, status] : input.defined) {
        const int before = int(tree.nodes.size());
        if (auto it = liveByKey.find(keyOf(id)); it != liveByKey.end()) {
            addObject(addObject, *it->second, -1, 0);
        } else {
            TreeNode node;
            node.id = id;
            tree.nodes.push_back(std::move(node));
        }
        if (int(tree.nodes.size()) > before) {
            tree.nodes[std::size_t(before)].fromGit = true;
            tree.nodes[std::size_t(before)].status = status;
        }
    }
    return tree;
}

Result<ResourceTree> buildResourceTree(cluster::Cluster &cluster, const TreeInput &input)
{
    std::set<std::string> namespaces;
    for (const manifest::Object &object : input.live)
        if (!object.ns().empty())
            namespaces.insert(object.ns());
    std::vector<manifest::Object> owned;
    for (const std::string &ns : namespaces) {
        for (const cluster::GroupKind &kind : kOwnedKinds) {
            cluster::ListQuery query;
            query.kind = kind;
            query.ns = ns;
            auto objects = cluster.list(query);
            if (!objects)
                return Error(objects.error());
            for (manifest::Object &object : *objects)
                owned.push_back(std::move(object));
        }
    }
    return buildResourceTree(input, owned);
}

} // namespace capstan::engine
