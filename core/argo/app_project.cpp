#include "argo/app_project.h"

#include <charconv>

namespace capstan::argo {

using manifest::Node;

namespace {

std::string indexed(const std::string &path, std::size_t i)
{
    return path + "[" + std::to_string(i) + "]";
}

std::vector<ResourceRule> readRules(FieldReader &r, const Node &spec, const char *key, bool *present = nullptr)
{
    const std::string path = std::string("spec.") + key;
    std::vector<ResourceRule> out;
    const Node *list = r.sequence(spec, key, path);
    if (present)
        *present = list != nullptr;
    if (!list)
        return out;
    for (std::size_t i = 0; i < list->items().size(); ++i) {
        const Node &item = list->items()[i];
        const std::string p = indexed(path, i);
        if (!r.expectMap(item, p))
            continue;
        ResourceRule rule;
        rule.group = r.string(item, "group", p + ".group");
        rule.kind = r.string(item, "kind", p + ".kind");
        rule.name = r.string(item, "name", p + ".name");
        if (rule.kind.empty() && !r.failed())
            r.fail(item, "kind", p + ".kind", "required");
        out.push_back(rule);
    }
    return out;
}

std::vector<ProjectDestination> readDestinations(FieldReader &r, const Node &spec)
{
    std::vector<ProjectDestination> out;
    const Node *list = r.sequence(spec, "destinations", "spec.destinations");
    if (!list)
        return out;
    for (std::size_t i = 0; i < list->items().size(); ++i) {
        const Node &item = list->items()[i];
        const std::string p = indexed("spec.destinations", i);
        if (!r.expectMap(item, p))
            continue;
        out.push_back({ r.string(item, "server", p + ".server"), r.string(item, "name", p + ".name"),
            r.string(item, "namespace", p + ".namespace") });
    }
    return out;
}

std::vector<ProjectRole> readRoles(FieldReader &r, const Node &spec)
{
    std::vector<ProjectRole> out;
    const Node *list = r.sequence(spec, "roles", "spec.roles");
    if (!list)
        return out;
    for (std::size_t i = 0; i < list->items().size(); ++i) {
        const Node &item = list->items()[i];
        const std::string p = indexed("spec.roles", i);
        if (!r.expectMap(item, p))
            continue;
        ProjectRole role;
        role.name = r.string(item, "name", p + ".name");
        role.description = r.string(item, "description", p + ".description");
        role.policies = r.stringList(item, "policies", p + ".policies");
        role.groups = r.stringList(item, "groups", p + ".groups");
        out.push_back(std::move(role));
    }
    return out;
}

std::vector<SyncWindow> readSyncWindows(FieldReader &r, const Node &spec)
{
    std::vector<SyncWindow> out;
    const Node *list = r.sequence(spec, "syncWindows", "spec.syncWindows");
    if (!list)
        return out;
    for (std::size_t i = 0; i < list->items().size(); ++i) {
        const Node &item = list->items()[i];
        const std::string p = indexed("spec.syncWindows", i);
        if (!r.expectMap(item, p))
            continue;
        const std::string kind = r.string(item, "kind", p + ".kind");
        const std::string schedule = r.string(item, "schedule", p + ".schedule");
        const std::string duration = r.string(item, "duration", p + ".duration");
        const std::string timeZone = r.string(item, "timeZone", p + ".timeZone");
        if (r.failed())
            return out;
        for (const char *required : { "kind", "schedule", "duration" }) {
            if (r.string(item, required, p + "." + required).empty())
                r.fail(item, required, p + "." + required, "required");
        }
        if (r.failed())
            return out;
        auto window = SyncWindow::create(kind, schedule, duration, timeZone);
        if (!window) {
            // The message starts with the field name ("schedule: ..."); point at that field.
            const std::string &message = window.error().message;
            const std::string field = message.substr(0, message.find(':'));
            r.fail(item, field, p + "." + field, message.substr(message.find(':') + 2));
            return out;
        }
        window->applications = r.stringList(item, "applications", p + ".applications");
        window->namespaces = r.stringList(item, "namespaces", p + ".namespaces");
        window->clusters = r.stringList(item, "clusters", p + ".clusters");
        window->manualSync = r.boolean(item, "manualSync", p + ".manualSync");
        window->andOperator = r.boolean(item, "andOperator", p + ".andOperator");
        window->description = r.string(item, "description", p + ".description");
        window->where = r.object().source().where(item.mark());
        out.push_back(std::move(*window));
    }
    return out;
}

ApprovalPolicy readApproval(FieldReader &r, const ObjectMeta &meta)
{
    ApprovalPolicy approval;
    const Node *metadata = r.object().root().find("metadata");
    const Node *annotations = metadata ? metadata->find("annotations") : nullptr;
    const auto failAnnotation = [&](const char *key, const std::string &message) {
        r.fail(
            annotations ? *annotations : r.object().root(), key, std::string("metadata.annotations.") + key, message);
    };
    if (auto it = meta.annotations.find(kRequireApprovalAnnotation); it != meta.annotations.end()) {
        if (it->second == "true")
            approval.required = true;
        else if (it->second != "false")
            failAnnotation(kRequireApprovalAnnotation, "expected \"true\" or \"false\", got '" + it->second + "'");
    }
    if (auto it = meta.annotations.find(kRequiredApproversAnnotation); it != meta.annotations.end()) {
        int count = 0;
        const std::string &text = it->second;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), count);
        if (ec != std::errc() || end != text.data() + text.size() || count < 1)
            failAnnotation(kRequiredApproversAnnotation, "expected a whole number of at least 1, got '" + text + "'");
        else if (approval.required)
            approval.requiredApprovers = count;
    }
    if (approval.required && approval.requiredApprovers == 0)
        approval.requiredApprovers = 1;
    return approval;
}

} // namespace

AppProject defaultProject()
{
    AppProject project;
    project.metadata.name = "default";
    project.sourceRepos = { "*" };
    project.destinations = { { "*", "*", "*" } };
    project.clusterResourceWhitelist = { { "*", "*", {} } };
    return project;
}

bool isAppProject(const manifest::Object &object)
{
    return object.group() == "argoproj.io" && object.kind() == "AppProject";
}

capstan::Result<AppProject> readAppProject(const manifest::Object &object)
{
    if (auto kind = expectArgoKind(object, "AppProject"); !kind)
        return kind.error();
    FieldReader r(object);
    AppProject project;
    project.where = object.where();
    project.metadata = readObjectMeta(r);
    if (r.failed())
        return r.error();
    project.approval = readApproval(r, project.metadata);

    // An AppProject without a spec permits nothing, as in Argo CD.
    if (const Node *spec = r.map(object.root(), "spec", "spec")) {
        project.description = r.string(*spec, "description", "spec.description");
        project.sourceRepos = r.stringList(*spec, "sourceRepos", "spec.sourceRepos");
        project.destinations = readDestinations(r, *spec);
        project.clusterResourceWhitelist = readRules(r, *spec, "clusterResourceWhitelist");
        project.clusterResourceBlacklist = readRules(r, *spec, "clusterResourceBlacklist");
        bool whitelistPresent = false;
        auto namespaceWhitelist = readRules(r, *spec, "namespaceResourceWhitelist", &whitelistPresent);
        if (whitelistPresent)
            project.namespaceResourceWhitelist = std::move(namespaceWhitelist);
        project.namespaceResourceBlacklist = readRules(r, *spec, "namespaceResourceBlacklist");
        project.roles = readRoles(r, *spec);
        project.syncWindows = readSyncWindows(r, *spec);
    }
    if (r.failed())
        return r.error();
    return project;
}

} // namespace capstan::argo
