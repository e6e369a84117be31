#pragma once

#include "reconcile/engine/app_state.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace capstan::ui {

inline constexpr const char *kServiceLabel = "capstan.io/service";
inline constexpr const char *kEnvironmentLabel = "capstan.io/environment";

// Which service and environment an application deploys: its labels, else its
// name read as "<service>-<environment>" for an environment the repository
// names elsewhere (or for any suffix when no application carries the labels).
struct ServiceEnvironment
{
    std::string service;
    std::string environment;
};

// The applications of a snapshot arranged as services × environments, both
// in the order the app-of-apps tree lists them (the repository's own order).
struct ServiceMatrix
{
    std::vector<std::string> services;
    std::vector<std::string> environments;
    std::map<std::pair<std::string, std::string>, std::string> apps; // (service, environment) → app
    std::map<std::string, ServiceEnvironment> placeOf;               // app → its cell

    const std::string *app(const std::string &service, const std::string &environment) const;
};

ServiceMatrix buildServiceMatrix(const engine::WorkspaceSnapshot &snapshot);

// Whether two states of an application look the same in the tree and the
// matrix (statuses, images, revision, window), so a view can skip repainting it.
bool sameOnScreen(const engine::AppState &a, const engine::AppState &b);

// The applications in tree order: each root, then its children depth first.
std::vector<const engine::AppState *> appsInTreeOrder(const engine::WorkspaceSnapshot &snapshot);

// The tag of an image reference ("repo:tag" → "tag"; digests shortened).
std::string imageTag(const std::string &image);

} // namespace capstan::ui
