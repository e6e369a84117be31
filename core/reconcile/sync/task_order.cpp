#include "reconcile/sync/task_order.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <tuple>

namespace capstan::sync {

namespace {

// Helm's install order, which Argo CD adopted.
constexpr std::array<std::string_view, 35> KindOrder = {
    "Namespace",
    "NetworkPolicy",
    "ResourceQuota",
    "LimitRange",
    "PodSecurityPolicy",
    "PodDisruptionBudget",
    "ServiceAccount",
    "Secret",
    "SecretList",
    "ConfigMap",
    "StorageClass",
    "PersistentVolume",
    "PersistentVolumeClaim",
    "CustomResourceDefinition",
    "ClusterRole",
    "ClusterRoleList",
    "ClusterRoleBinding",
    "ClusterRoleBindingList",
    "Role",
    "RoleList",
    "RoleBinding",
    "RoleBindingList",
    "Service",
    "DaemonSet",
    "Pod",
    "ReplicationController",
    "ReplicaSet",
    "Deployment",
    "HorizontalPodAutoscaler",
    "StatefulSet",
    "Job",
    "CronJob",
    "IngressClass",
    "Ingress",
    "APIService",
};

bool isCrd(const manifest::Object &o)
{
    return o.kind() == "CustomResourceDefinition" && o.group() == "apiextensions.k8s.io";
}

bool isNamespace(const manifest::Object &o)
{
    return o.kind() == "Namespace" && o.group().empty();
}

// Moves a task that others depend on (a Namespace, a CRD) in front of the first task that
// depends on it, into that task's phase and wave.
template<typename DepKey, typename RefKey>
void pullDependenciesForward(std::vector<SyncTask> &tasks, DepKey depKey, RefKey refKey)
{
    std::map<std::string, std::size_t> firstUser;
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        if (!tasks[i].target)
            continue;
        const manifest::Object &target = *tasks[i].target;
        if (auto key = depKey(target)) {
            const auto found = firstUser.find(*key);
            if (found == firstUser.end())
                continue;
            const std::size_t index = found->second;
            SyncTask moved = std::move(tasks[i]);
            moved.wave = tasks[index].wave;
            moved.phase = tasks[index].phase;
            tasks.erase(tasks.begin() + static_cast<std::ptrdiff_t>(i));
            tasks.insert(tasks.begin() + static_cast<std::ptrdiff_t>(index), std::move(moved));
            for (auto &[name, first] : firstUser)
                if (first >= index)
                    ++first;
        } else if (auto ref = refKey(target)) {
            firstUser.emplace(*ref, i);
        }
    }
}

} // namespace

int kindRank(std::string_view kind)
{
    const auto found = std::find(KindOrder.begin(), KindOrder.end(), kind);
    if (found == KindOrder.end())
        return 0;
    return static_cast<int>(found - KindOrder.begin()) - static_cast<int>(KindOrder.size());
}

void assignPruneWaves(std::vector<SyncTask> &tasks, bool pruneLast)
{
    std::set<int> waveSet;
    for (const SyncTask &t : tasks)
        if (t.isPrune())
            waveSet.insert(t.wave);
    const std::vector<int> waves(waveSet.begin(), waveSet.end());
    std::map<int, int> reversed;
    for (std::size_t i = 0; i < waves.size(); ++i)
        reversed[waves[i]] = waves[waves.size() - 1 - i];
    for (SyncTask &t : tasks)
        if (t.isPrune())
            t.wave = reversed[t.wave];

    int lastSyncWave = 0;
    for (const SyncTask &t : tasks)
        if (t.phase == SyncPhase::Sync)
            lastSyncWave = std::max(lastSyncWave, t.wave);
    for (SyncTask &t : tasks)
        if (t.isPrune() && (pruneLast || hasResourceOption(*t.live, "PruneLast=true")))
            t.wave = lastSyncWave + 1;
}

void orderTasks(std::vector<SyncTask> &tasks)
{
    std::stable_sort(tasks.begin(), tasks.end(), [](const SyncTask &a, const SyncTask &b) {
        const manifest::Object &x = a.object();
        const manifest::Object &y = b.object();
        return std::make_tuple(static_cast<int>(a.phase), a.wave, kindRank(x.kind()), x.name())
            < std::make_tuple(static_cast<int>(b.phase), b.wave, kindRank(y.kind()), y.name());
    });
    pullDependenciesForward(
        tasks,
        [](const manifest::Object &o) -> std::optional<std::string> {
            return isNamespace(o) ? std::optional(o.name()) : std::nullopt;
        },
        [](const manifest::Object &o) -> std::optional<std::string> {
            return o.ns().empty() ? std::nullopt : std::optional(o.ns());
        });
    pullDependenciesForward(
        tasks,
        [](const manifest::Object &o) -> std::optional<std::string> {
            if (!isCrd(o))
                return std::nullopt;
            const std::string group = o.root().textAt({ "spec", "group" });
            const std::string kind = o.root().textAt({ "spec", "names", "kind" });
            if (group.empty() || kind.empty())
                return std::nullopt;
            return group + "/" + kind;
        },
        [](const manifest::Object &o) -> std::optional<std::string> { return o.group() + "/" + o.kind(); });
}

} // namespace capstan::sync
