#include "models/appidentity.h"

#include <algorithm>
#include <set>

namespace capstan::ui {

namespace {

std::string label(const engine::AppState &app, const char *key)
{
    const auto it = app.labels.find(key);
    return it == app.labels.end() ? std::string() : it->second;
}

void appendOnce(std::vector<std::string> &list, const std::string &value)
{
    if (std::find(list.begin(), list.end(), value) == list.end())
        list.push_back(value);
}

} // namespace

const std::string *ServiceMatrix::app(const std::string &service, const std::string &environment) const
{
    const auto it = apps.find({service, environment});
    return it == apps.end() ? nullptr : &it->second;
}

std::vector<const engine::AppState *> appsInTreeOrder(const engine::WorkspaceSnapshot &snapshot)
{
    std::vector<const engine::AppState *> ordered;
    std::set<std::string> seen;
    std::vector<std::string> stack(snapshot.roots.rbegin(), snapshot.roots.rend());
    while (!stack.empty()) {
        const std::string name = stack.back();
        stack.pop_back();
        const engine::AppState *app = snapshot.app(name);
        if (!app || !seen.insert(name).second)
            continue;
        ordered.push_back(app);
        stack.insert(stack.end(), app->children.rbegin(), app->children.rend());
    }
    for (const engine::AppState &app : snapshot.apps)
        if (seen.insert(app.name).second)
            ordered.push_back(&app);
    return ordered;
}

ServiceMatrix buildServiceMatrix(const engine::WorkspaceSnapshot &snapshot)
{
    const auto ordered = appsInTreeOrder(snapshot);
    std::set<std::string> labelledEnvironments;
    for (const engine::AppState *app : ordered)
        if (const std::string env = label(*app, kEnvironmentLabel); !env.empty())
            labelledEnvironments.insert(env);

    ServiceMatrix matrix;
    for (const engine::AppState *app : ordered) {
        ServiceEnvironment place{label(*app, kServiceLabel), label(*app, kEnvironmentLabel)};
        const auto dash = app->name.rfind('-');
        if ((place.service.empty() || place.environment.empty()) && dash != std::string::npos && dash > 0) {
            const std::string suffix = app->name.substr(dash + 1);
            if (labelledEnvironments.empty() || labelledEnvironments.count(suffix)) {
                if (place.environment.empty())
                    place.environment = suffix;
                if (place.service.empty())
                    place.service = app->name.substr(0, dash);
            }
        }
        if (place.service.empty() || place.environment.empty())
            continue;
        appendOnce(matrix.services, place.service);
        appendOnce(matrix.environments, place.environment);
        matrix.apps.emplace(std::make_pair(place.service, place.environment), app->name);
        matrix.placeOf.emplace(app->name, place);
    }
    return matrix;
}

std::string imageTag(const std::string &image)
{
    if (const auto at = image.find('@'); at != std::string::npos)
        return image.substr(at + 1, 7 + 7); // "sha256:" and 7 hex digits
    const auto colon = image.rfind(':');
    const auto slash = image.rfind('/');
    if (colon == std::string::npos || (slash != std::string::npos && colon < slash))
        return "latest";
    return image.substr(colon + 1);
}

bool sameOnScreen(const engine::AppState &a, const engine::AppState &b)
{
    return a.name == b.name && a.sync == b.sync && a.health == b.health && a.healthMessage == b.healthMessage
        && a.project == b.project && a.revision == b.revision && a.images == b.images && a.liveImages == b.liveImages
        && a.window.state == b.window.state && a.windowDescription == b.windowDescription && a.labels == b.labels
        && a.automated == b.automated;
}

} // namespace capstan::ui
