#include "reconcile/compare/normalize.h"

#include "reconcile/compare/quantity.h"

#include <QByteArray>

#include <set>
#include <string>

namespace capstan::compare {

using manifest::MapEntry;
using manifest::Node;

namespace {

constexpr std::string_view LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

bool isEmptyValue(const Node &node)
{
    return node.isNull() || ((node.isMap() || node.isSequence()) && node.empty());
}

// Whether the scalars under a map at this key are resource quantities.
bool holdsQuantities(std::string_view parentKey, std::string_view key)
{
    if (parentKey == "resources" && (key == "requests" || key == "limits"))
        return true;
    return key == "hard" || key == "capacity" || key == "allocatable" || key == "default" || key == "defaultRequest"
        || key == "max" || key == "min";
}

bool isQuantityKey(std::string_view key)
{
    return key == "sizeLimit" || key == "storage";
}

// The key by which desired's items can be told apart, or "" to go by position.
std::string mergeKey(const Node &desired)
{
    static constexpr std::string_view candidates[] = { "mountPath", "devicePath", "containerPort", "port", "name" };
    for (std::string_view candidate : candidates) {
        std::set<std::string> seen;
        bool usable = !desired.items().empty();
        for (const Node &item : desired.items()) {
            const Node *value = item.isMap() ? item.find(candidate) : nullptr;
            if (!value || !value->isScalar() || !seen.insert(value->text()).second) {
                usable = false;
                break;
            }
        }
        if (usable)
            return std::string(candidate);
    }
    return {};
}

void prune(Node &live, Node &desired, std::string_view key, bool quantities);

void pruneMap(Node &live, Node &desired, std::string_view key, bool quantities)
{
    std::vector<MapEntry> kept;
    for (MapEntry &entry : live.entries()) {
        Node *want = desired.find(entry.key);
        if (!want)
            continue;
        const bool childQuantities = quantities || holdsQuantities(key, entry.key);
        prune(entry.value, *want, entry.key, childQuantities);
        kept.push_back(std::move(entry));
    }
    live.entries() = std::move(kept);
    // What desired sets as empty, and live lacks, the server never stored.
    std::vector<MapEntry> &wanted = desired.entries();
    for (std::size_t i = wanted.size(); i-- > 0;) {
        if (isEmptyValue(wanted[i].value) && !live.find(wanted[i].key))
            wanted.erase(wanted.begin() + static_cast<long>(i));
    }
}

void pruneSequence(Node &live, Node &desired, std::string_view key)
{
    const std::string by = mergeKey(desired);
    std::vector<Node> &liveItems = live.items();
    std::vector<Node> &desiredItems = desired.items();
    for (std::size_t i = 0; i < liveItems.size(); ++i) {
        Node *match = nullptr;
        if (by.empty()) {
            match = i < desiredItems.size() ? &desiredItems[i] : nullptr;
        } else if (const Node *liveKey = liveItems[i].isMap() ? liveItems[i].find(by) : nullptr) {
            for (Node &candidate : desiredItems) {
                if (candidate.find(by)->text() == liveKey->text()) {
                    match = &candidate;
                    break;
                }
            }
        }
        if (match)
            prune(liveItems[i], *match, key, false);
    }
}

void prune(Node &live, Node &desired, std::string_view key, bool quantities)
{
    if (live.isMap() && desired.isMap()) {
        pruneMap(live, desired, key, quantities);
    } else if (live.isSequence() && desired.isSequence()) {
        pruneSequence(live, desired, key);
    } else if (live.isScalar() && desired.isScalar()) {
        if ((quantities || isQuantityKey(key)) && !(live == desired) && sameQuantity(live.text(), desired.text()))
            live = desired;
    }
}

} // namespace

void stripServerFields(Node &object)
{
    if (!object.isMap())
        return;
    object.remove("status");
    Node *metadata = object.find("metadata");
    if (!metadata || !metadata->isMap())
        return;
    for (std::string_view field : { "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields",
             "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds" })
        metadata->remove(field);
    if (Node *annotations = metadata->find("annotations")) {
        if (annotations->isMap())
            annotations->remove(LastAppliedAnnotation);
        if (isEmptyValue(*annotations))
            metadata->remove("annotations");
    }
    if (const Node *labels = metadata->find("labels"); labels && isEmptyValue(*labels))
        metadata->remove("labels");
}

void foldStringData(Node &secret)
{
    const Node *found = secret.isMap() ? secret.find("stringData") : nullptr;
    if (!found)
        return;
    // A copy: adding "data" below may move the mapping's entries.
    const Node stringData = *found;
    if (stringData.isMap()) {
        Node &data = secret["data"];
        for (const MapEntry &entry : stringData.entries()) {
            const QByteArray encoded = QByteArray::fromStdString(entry.value.text()).toBase64();
            data.set(entry.key, Node::string(encoded.toStdString()));
        }
    }
    secret.remove("stringData");
}

void pruneToDesired(Node &live, Node &desired)
{
    prune(live, desired, {}, false);
}

} // namespace capstan::compare
