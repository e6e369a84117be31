#include "cluster/controllers/common_p.h"

#include "cluster/json_codec_p.h"
#include "cluster/time_p.h"

#include <cmath>

namespace capstan::cluster::detail {

std::int64_t intAt(const Node &node, std::initializer_list<std::string_view> path, std::int64_t fallback)
{
    const Node *n = node.at(path);
    if (!n || !n->isScalar() || n->isNull())
        return fallback;
    try {
        return std::stoll(n->text());
    } catch (...) {
        return fallback;
    }
}

std::int64_t scaledValue(const Node *value, std::int64_t total, bool roundUp, std::int64_t fallback)
{
    if (!value || value->isNull())
        return fallback;
    const std::string &text = value->text();
    try {
        if (!text.empty() && text.back() == '%') {
            const double percent = std::stod(text.substr(0, text.size() - 1));
            const double v = percent * static_cast<double>(total) / 100.0;
            return static_cast<std::int64_t>(roundUp ? std::ceil(v) : std::floor(v));
        }
        return std::stoll(text);
    } catch (...) {
        return fallback;
    }
}

std::string uidOf(const Object &object)
{
    return object.root().textAt({ "metadata", "uid" });
}

Node ownerReference(const Object &owner)
{
    Node ref = Node::map();
    ref.set("apiVersion", Node::string(owner.apiVersion()));
    ref.set("kind", Node::string(owner.kind()));
    ref.set("name", Node::string(owner.name()));
    ref.set("uid", Node::string(uidOf(owner)));
    ref.set("controller", Node::boolean(true));
    ref.set("blockOwnerDeletion", Node::boolean(true));
    return ref;
}

bool ownedBy(const Object &object, const std::string &ownerUid)
{
    if (const Node *refs = object.root().at({ "metadata", "ownerReferences" }))
        for (const Node &ref : refs->items())
            if (ref.textAt({ "uid" }) == ownerUid)
                return true;
    return false;
}

ApiResult<std::map<std::string, std::vector<Object>>> byOwner(SandboxCore &core, const GroupKind &kind)
{
    auto all = core.objects(kind);
    if (!all)
        return all.error();
    std::map<std::string, std::vector<Object>> out;
    for (Object &o : *all)
        if (const Node *refs = o.root().at({ "metadata", "ownerReferences" }); refs && !refs->items().empty())
            out[refs->items().front().textAt({ "uid" })].push_back(std::move(o));
    return out;
}

Object podFromTemplate(const Object &owner, const Node &podTemplate, const std::string &name,
    const std::map<std::string, std::string> &extraLabels)
{
    Node root = Node::map();
    root.set("apiVersion", Node::string("v1"));
    root.set("kind", Node::string("Pod"));
    Node meta = Node::map();
    if (const Node *m = podTemplate.find("metadata"); m && m->isMap())
        meta = *m;
    meta.set("name", Node::string(name));
    meta.set("namespace", Node::string(owner.ns()));
    for (const auto &[k, v] : extraLabels)
        meta["labels"].set(k, Node::string(v));
    meta["ownerReferences"].append(ownerReference(owner));
    root.set("metadata", std::move(meta));
    if (const Node *spec = podTemplate.find("spec"))
        root.set("spec", *spec);
    Node status = Node::map();
    status.set("phase", Node::string("Pending"));
    root.set("status", std::move(status));
    return Object(std::move(root));
}

bool isTerminated(const Object &pod)
{
    const std::string phase = pod.root().textAt({ "status", "phase" });
    return phase == "Succeeded" || phase == "Failed";
}

bool isReady(const Object &pod)
{
    const Node *status = pod.root().find("status");
    const Node *ready = status ? findCondition(*status, "Ready") : nullptr;
    return ready && ready->textAt({ "status" }) == "True";
}

bool isAvailable(const Object &pod, std::int64_t minReadySeconds, std::int64_t now)
{
    if (!isReady(pod))
        return false;
    if (minReadySeconds <= 0)
        return true;
    const std::int64_t since
        = parseTime(findCondition(*pod.root().find("status"), "Ready")->textAt({ "lastTransitionTime" }));
    return since >= 0 && now - since >= minReadySeconds;
}

namespace {

constexpr char kAlphabet[] = "bcdfghjklmnpqrstvwxz2456789";

std::string encode(std::uint64_t h, int length)
{
    std::string out;
    for (int i = 0; i < length; ++i) {
        out += kAlphabet[h % (sizeof kAlphabet - 1)];
        h /= sizeof kAlphabet - 1;
    }
    return out;
}

} // namespace

std::string hashOf(const Node &node)
{
    std::uint64_t h = 1469598103934665603ULL; // FNV-1a
    for (unsigned char c : toJson(node)) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return encode(h, 10);
}

std::string nameSuffix(SandboxCore &core)
{
    std::uint64_t h = static_cast<std::uint64_t>(core.nextCounter("podName")) * 0x9E3779B97F4A7C15ULL;
    h ^= h >> 29;
    return encode(h, 5);
}

const Node *findCondition(const Node &status, const std::string &type)
{
    if (const Node *conditions = status.find("conditions"))
        for (const Node &c : conditions->items())
            if (c.textAt({ "type" }) == type)
                return &c;
    return nullptr;
}

void setCondition(Node &status, const std::string &type, const std::string &value, const std::string &reason,
    const std::string &message, const std::string &now)
{
    Node &conditions = status["conditions"];
    if (!conditions.isSequence())
        conditions = Node::sequence();
    Node *existing = nullptr;
    for (Node &c : conditions.items())
        if (c.textAt({ "type" }) == type)
            existing = &c;
    if (!existing) {
        conditions.append(Node::map());
        existing = &conditions.items().back();
        existing->set("type", Node::string(type));
    }
    if (existing->textAt({ "status" }) != value || !existing->contains("lastTransitionTime"))
        existing->set("lastTransitionTime", Node::string(now));
    existing->set("status", Node::string(value));
    if (reason.empty())
        existing->remove("reason");
    else
        existing->set("reason", Node::string(reason));
    if (message.empty())
        existing->remove("message");
    else
        existing->set("message", Node::string(message));
}

ApiResult<void> writeStatus(SandboxCore &core, Object &object, Node status)
{
    const Node *current = object.root().find("status");
    if (current && *current == status)
        return {};
    object.root().set("status", std::move(status));
    auto written = core.update(object);
    if (!written)
        return written.error();
    object = std::move(*written);
    return {};
}

} // namespace capstan::cluster::detail
