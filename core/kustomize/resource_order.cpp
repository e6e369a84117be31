#include "kustomize/resource_order.h"

#include <algorithm>
#include <string_view>

namespace capstan::kustomize {

namespace {

const std::vector<std::string> kOrderFirst = {
    "Namespace", "ResourceQuota", "StorageClass", "CustomResourceDefinition", "ServiceAccount", "PodSecurityPolicy",
    "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap", "Secret", "Endpoints", "Service",
    "LimitRange", "PriorityClass", "PersistentVolume", "PersistentVolumeClaim", "Deployment", "StatefulSet", "CronJob",
    "PodDisruptionBudget"};
const std::vector<std::string> kOrderLast = {"MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"};

// Go map semantics: a kind listed twice takes its last position.
int typeOrder(const std::string &kind, const std::vector<std::string> &first, const std::vector<std::string> &last)
{
    int order = 0;
    for (std::size_t i = 0; i < first.size(); ++i)
        if (first[i] == kind)
            order = -static_cast<int>(first.size()) + static_cast<int>(i);
    for (std::size_t i = 0; i < last.size(); ++i)
        if (last[i] == kind)
            order = 1 + static_cast<int>(i);
    return order;
}

// Appends s, or placeholder where s is empty.
void appendOr(std::string &out, const std::string &s, std::string_view placeholder)
{
    if (s.empty())
        out += placeholder;
    else
        out += s;
}

// group_version_kind, as kustomize's legacy order compares types.
std::string gvkSortKey(const Gvk &gvk)
{
    std::string key;
    key.reserve(gvk.group.size() + gvk.version.size() + gvk.kind.size() + 8);
    appendOr(key, gvk.group, "~G");
    key += '_';
    appendOr(key, gvk.version, "~V");
    key += '_';
    appendOr(key, gvk.kind, "~K");
    return key;
}

// kind.version.group|namespace|name, as it compares objects of one type.
std::string idSortKey(const ResId &id)
{
    std::string key;
    key.reserve(id.gvk.group.size() + id.gvk.version.size() + id.gvk.kind.size() + id.ns.size() + id.name.size() + 32);
    appendOr(key, id.gvk.kind, "[noKind]");
    key += '.';
    appendOr(key, id.gvk.version, "[noVer]");
    key += '.';
    appendOr(key, id.gvk.group, "[noGrp]");
    key += '|';
    appendOr(key, id.ns, "~X");
    key += '|';
    appendOr(key, id.name, "~N");
    return key;
}

struct SortKey
{
    Gvk gvk;
    int order = 0;
    std::string gvkKey;
    std::string idKey;
};

bool less(const SortKey &a, const SortKey &b)
{
    if (!(a.gvk == b.gvk)) {
        if (a.order != b.order)
            return a.order < b.order;
        if (a.gvk.kind == "Namespace" && b.gvk.kind == "Namespace" && (a.gvk.group.empty() || b.gvk.group.empty()))
            return a.gvkKey > b.gvkKey;
        return a.gvkKey < b.gvkKey;
    }
    return a.idKey < b.idKey;
}

} // namespace

void sortLegacy(ResourceList &resources)
{
    sortLegacy(resources, kOrderFirst, kOrderLast);
}

Result<void> applySortOptions(ResourceList &resources, const manifest::Node &sortOptions)
{
    if (sortOptions.isNull()) {
        sortLegacy(resources);
        return {};
    }
    if (!sortOptions.isMap())
        return makeError("sortOptions must be a map");
    const std::string order = sortOptions.textAt({"order"});
    const manifest::Node *legacy = sortOptions.find("legacySortOptions");
    if (order == "fifo") {
        if (legacy && !legacy->isNull())
            return makeError("the field 'sortOptions.legacySortOptions' is set but the selected sort order is 'fifo', not 'legacy'");
        return {};
    }
    if (order != "legacy")
        return makeError("the field 'sortOptions.order' must be one of 'fifo' or 'legacy'");
    if (!legacy || legacy->isNull()) {
        sortLegacy(resources);
        return {};
    }
    const auto kinds = [&](const char *field) {
        std::vector<std::string> out;
        if (const manifest::Node *list = legacy->find(field); list && list->isSequence())
            for (const manifest::Node &item : list->items())
                out.push_back(item.text());
        return out;
    };
    sortLegacy(resources, kinds("orderFirst"), kinds("orderLast"));
    return {};
}

void sortLegacy(ResourceList &resources, const std::vector<std::string> &orderFirst,
                const std::vector<std::string> &orderLast)
{
    std::vector<std::pair<SortKey, std::size_t>> keys;
    keys.reserve(resources.size());
    for (std::size_t i = 0; i < resources.size(); ++i) {
        const ResId id = resources[i].currentId();
        SortKey key;
        key.gvk = id.gvk;
        key.order = typeOrder(id.gvk.kind, orderFirst, orderLast);
        key.gvkKey = gvkSortKey(id.gvk);
        key.idKey = idSortKey(id);
        keys.emplace_back(std::move(key), i);
    }
    // sort.Sort in Go is not stable; kustomize's keys are unique per id, so a stable sort gives the same order.
    std::stable_sort(keys.begin(), keys.end(), [](const auto &a, const auto &b) { return less(a.first, b.first); });
    ResourceList sorted;
    sorted.reserve(resources.size());
    for (auto &[key, index] : keys)
        sorted.push_back(std::move(resources[index]));
    resources = std::move(sorted);
}

} // namespace capstan::kustomize
