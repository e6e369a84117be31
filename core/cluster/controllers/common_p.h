#pragma once

// Helpers the simulated controllers share: numbers and percentages in specs, owner
// references, pods from templates, readiness, conditions, status writes.

#include "cluster/sandbox_core_p.h"

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace capstan::cluster::detail {

std::int64_t intAt(const Node &node, std::initializer_list<std::string_view> path, std::int64_t fallback);
// An int-or-percent field ("25%") resolved against `total`; `fallback` where absent.
std::int64_t scaledValue(const Node *value, std::int64_t total, bool roundUp, std::int64_t fallback);

std::string uidOf(const Object &object);
Node ownerReference(const Object &owner);
bool ownedBy(const Object &object, const std::string &ownerUid);
// Objects of a kind, grouped by the uid of their controlling owner.
ApiResult<std::map<std::string, std::vector<Object>>> byOwner(SandboxCore &core, const GroupKind &kind);

// A pod made from a template, owned by `owner`, with extra labels.
Object podFromTemplate(const Object &owner, const Node &podTemplate, const std::string &name,
    const std::map<std::string, std::string> &extraLabels = {});
bool isTerminated(const Object &pod); // Succeeded or Failed
bool isReady(const Object &pod);
bool isAvailable(const Object &pod, std::int64_t minReadySeconds, std::int64_t now);

// A short, stable name part for a tree ("5d59d67564"-like), and a pod-name suffix.
std::string hashOf(const Node &node);
std::string nameSuffix(SandboxCore &core);

// Sets a condition in status.conditions, keeping lastTransitionTime while its status holds.
void setCondition(Node &status, const std::string &type, const std::string &value, const std::string &reason,
    const std::string &message, const std::string &now);
const Node *findCondition(const Node &status, const std::string &type);

// Stores `status` as the object's status when it differs from the stored one.
ApiResult<void> writeStatus(SandboxCore &core, Object &object, Node status);

} // namespace capstan::cluster::detail
