#pragma once

#include "argo/object_meta.h"
#include "argo/sync_window.h"
#include "common/result.h"
#include "manifest/object.h"

#include <optional>
#include <string>
#include <vector>

namespace capstan::argo {

// spec.destinations[]: globs, each may be negated with a leading '!'.
struct ProjectDestination
{
    std::string server;
    std::string name;
    std::string ns;
};

// An entry of the resource allow and deny lists: globs over group and kind
// (and, for cluster-scoped lists, optionally the object name).
struct ResourceRule
{
    std::string group;
    std::string kind;
    std::string name;
};

// spec.roles[]: stored for display; Capstan does not enforce Casbin policies.
struct ProjectRole
{
    std::string name;
    std::string description;
    std::vector<std::string> policies;
    std::vector<std::string> groups;
};

// Capstan's approval extension, read from the AppProject's annotations:
//
//   metadata:
//     annotations:
//       capstan.io/require-approval: "true"   # syncs of its applications need approval
//       capstan.io/required-approvers: "2"    # how many distinct people (default 1)
//
// Argo CD ignores these annotations, so the same file works in both tools.
struct ApprovalPolicy
{
    bool required = false;
    int requiredApprovers = 0; // 0 when not required, at least 1 when required
};

inline constexpr const char *kRequireApprovalAnnotation = "capstan.io/require-approval";
inline constexpr const char *kRequiredApproversAnnotation = "capstan.io/required-approvers";

// An Argo CD AppProject (argoproj.io/v1alpha1).
struct AppProject
{
    ObjectMeta metadata;
    std::string description;
    std::vector<std::string> sourceRepos;
    std::vector<ProjectDestination> destinations;
    std::vector<ResourceRule> clusterResourceWhitelist;
    std::vector<ResourceRule> clusterResourceBlacklist;
    // Absent: every namespaced kind is allowed; present (even empty): only those listed.
    std::optional<std::vector<ResourceRule>> namespaceResourceWhitelist;
    std::vector<ResourceRule> namespaceResourceBlacklist;
    std::vector<ProjectRole> roles;
    std::vector<SyncWindow> syncWindows;
    ApprovalPolicy approval;
    std::string where;

    const std::string &name() const { return metadata.name; }
};

// Argo CD's built-in "default" project: any repository, any destination, any
// resource, no windows. Used for applications whose project has no file.
AppProject defaultProject();

bool isAppProject(const manifest::Object &object);

// Reads an AppProject; errors name the place and field, such as
// "argocd/projects/platform.yaml:31:9: spec.syncWindows[0].schedule: invalid schedule ...".
capstan::Result<AppProject> readAppProject(const manifest::Object &object);

} // namespace capstan::argo
