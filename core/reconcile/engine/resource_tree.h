#pragma once

// An application's resources as Argo CD's resource tree shows them: the
// objects Git defines, and under each the objects the cluster made for it
// (Deployment → ReplicaSet → Pod, CronJob → Job → Pod, StatefulSet → Pod),
// found through ownerReferences.

#include "cluster/cluster.h"
#include "common/result.h"
#include "manifest/object.h"
#include "reconcile/compare/compare.h"
#include "reconcile/health/health.h"

#include <optional>
#include <string>
#include <vector>

namespace capstan::engine {

struct TreeNode
{
    manifest::ResourceId id;
    int parent = -1; // index of the owner in ResourceTree::nodes; -1 for what Git defines
    int depth = 0;
    bool fromGit = false; // defined in Git (tracked), not made by a controller
    std::optional<compare::ResourceStatus> status; // sync status; Git-defined resources only
    std::optional<health::Health> health;
    std::string info; // a short line: "2/2 ready", "Running · 1 restart", "revision 3"
    std::string createdAt; // metadata.creationTimestamp
};

struct ResourceTree
{
    std::vector<TreeNode> nodes; // depth first: every node follows its owner
};

// What an application's resources look like in Git and in the cluster.
struct TreeInput
{
    // The resources Git defines and their sync status (a resource that is not
    // live still appears, without children).
    std::vector<std::pair<manifest::ResourceId, compare::ResourceStatus>> defined;
    std::vector<manifest::Object> live; // the application's tracked live objects
};

// Builds the tree, reading the owned kinds (ReplicaSets, Jobs, Pods) from the
// namespaces the application's live objects are in.
Result<ResourceTree> buildResourceTree(cluster::Cluster &cluster, const TreeInput &input);

// The tree from objects at hand (what buildResourceTree does after listing).
ResourceTree buildResourceTree(const TreeInput &input, const std::vector<manifest::Object> &owned);

// The short status line a node shows for an object.
std::string resourceInfo(const manifest::Object &object);

} // namespace capstan::engine
