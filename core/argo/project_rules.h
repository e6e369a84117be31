#pragma once

#include "argo/app_project.h"
#include "argo/application.h"

#include <string>
#include <string_view>

namespace capstan::argo {

// The answer of a project rule: allowed, or why not, in words a user can act
// on ("namespace 'kube-system' is not a permitted destination of project 'platform'").
struct Permission
{
    bool allowed = true;
    std::string reason;

    explicit operator bool() const { return allowed; }
    static Permission allow() { return {}; }
    static Permission deny(std::string reason) { return { false, std::move(reason) }; }
};

enum class ResourceScope { Namespaced, Cluster };

// Argo CD's normal form of a Git URL for comparing: lower case, no ".git"
// suffix, scp-style SSH ("git@host:org/repo") as "git@host/org/repo".
std::string normalizeGitUrl(std::string_view url);

// spec.sourceRepos: a repository is permitted when some entry matches it ('/'
// separates; `*` stays within a path segment, `**` crosses) and no '!' entry
// excludes it. As in Argo CD's code (its documentation says otherwise), a '!'
// entry counts as matching every repository it does not exclude.
Permission checkSource(const AppProject &project, std::string_view repoURL);

// spec.destinations, with Argo CD's rules: an entry matches when its server or
// name glob matches and its namespace glob matches (a '!' glob matching what
// it does not exclude); an entry whose '!' glob excludes the destination
// denies it outright. Argo CD knows both the server and the name of every
// cluster; pass both when known, since an entry may name either.
Permission checkDestination(
    const AppProject &project, std::string_view server, std::string_view name, std::string_view ns);

// The resource lists: a cluster-scoped kind is denied unless in
// clusterResourceWhitelist (and not in the blacklist); a namespaced kind is
// allowed unless in namespaceResourceBlacklist or, when a
// namespaceResourceWhitelist is set, not in it. `name` is matched by
// cluster-scoped entries that give one.
Permission checkResource(const AppProject &project, std::string_view group, std::string_view kind, ResourceScope scope,
    std::string_view name = {});

// The project's sync windows for an application at `now` (see evaluateSyncWindows).
SyncWindowStatus syncWindowStatus(const AppProject &project, const Application &application, const QDateTime &now);

// Everything a project says about an application before anything renders:
// that it names this project, its source repositories and its destination.
Permission checkApplication(const AppProject &project, const Application &application);

} // namespace capstan::argo
