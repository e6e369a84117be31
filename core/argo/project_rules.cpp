#include "argo/project_rules.h"

#include "argo/glob.h"

#include <algorithm>
#include <cctype>
#include <regex>

namespace capstan::argo {

namespace {

std::string quoted(std::string_view text)
{
    return "'" + std::string(text) + "'";
}

std::string projectLabel(const AppProject &project)
{
    return "project " + quoted(project.name());
}

bool ruleMatches(const ResourceRule &rule, std::string_view group, std::string_view kind, std::string_view name)
{
    // Argo CD compares with Go's filepath.Match, where '*' stops at '/'.
    return globMatch(rule.kind, kind, '/') && globMatch(rule.group, group, '/')
        && (rule.name.empty() || globMatch(rule.name, name, '/'));
}

bool inList(
    const std::vector<ResourceRule> &rules, std::string_view group, std::string_view kind, std::string_view name)
{
    return std::any_of(
        rules.begin(), rules.end(), [&](const ResourceRule &rule) { return ruleMatches(rule, group, kind, name); });
}

std::string clusterLabel(std::string_view server, std::string_view name)
{
    if (!name.empty() && !server.empty())
        return "cluster " + quoted(name) + " (" + std::string(server) + ")";
    return "cluster " + quoted(name.empty() ? server : name);
}

} // namespace

std::string normalizeGitUrl(std::string_view url)
{
    std::string out(url);
    const auto notSpace = [](unsigned char c) {
        return !std::isspace(c);
    };
    out.erase(out.begin(), std::find_if(out.begin(), out.end(), notSpace));
    out.erase(std::find_if(out.rbegin(), out.rend(), notSpace).base(), out.end());
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    static const std::regex sshUrl("^(ssh://)?([^/:]*?)@[^@]+$");
    if (std::regex_match(out, sshUrl) && out.rfind("ssh://", 0) != 0) {
        if (const auto colon = out.find(':'); colon != std::string::npos)
            out[colon] = '/';
    }
    if (out.size() >= 4 && out.compare(out.size() - 4, 4, ".git") == 0)
        out.resize(out.size() - 4);
    if (out.rfind("ssh://", 0) == 0)
        out.erase(0, 6);
    return out;
}

Permission checkSource(const AppProject &project, std::string_view repoURL)
{
    const std::string repo = normalizeGitUrl(repoURL);
    bool permitted = false;
    for (const std::string &entry : project.sourceRepos) {
        const std::string pattern
            = isDenyPattern(entry) ? "!" + normalizeGitUrl(entry.substr(1)) : normalizeGitUrl(entry);
        if (globMatchNegatable(pattern, repo, '/'))
            permitted = true;
        else if (isDenyPattern(pattern))
            return Permission::deny("repository " + quoted(repoURL) + " is denied by " + projectLabel(project)
                + " (sourceRepos entry " + quoted(entry) + ")");
    }
    if (permitted)
        return Permission::allow();
    if (project.sourceRepos.empty())
        return Permission::deny(projectLabel(project) + " permits no source repositories (spec.sourceRepos is empty)");
    return Permission::deny("repository " + quoted(repoURL) + " is not a permitted source of " + projectLabel(project));
}

Permission checkDestination(
    const AppProject &project, std::string_view server, std::string_view name, std::string_view ns)
{
    bool permitted = false;
    bool clusterSeen = false;
    for (const ProjectDestination &d : project.destinations) {
        const bool nameMatched = !name.empty() && globMatchNegatable(d.name, name);
        const bool serverMatched = !server.empty() && globMatchNegatable(d.server, server);
        const bool nsMatched = globMatchNegatable(d.ns, ns);
        clusterSeen = clusterSeen || nameMatched || serverMatched;
        if ((serverMatched || nameMatched) && nsMatched) {
            permitted = true;
        } else if ((!nameMatched && isDenyPattern(d.name))
            || (!serverMatched && isDenyPattern(d.server) && nsMatched)) {
            // The same precedence as Argo CD's check: a negated name denies on its own.
            const std::string &entry = isDenyPattern(d.name) && !nameMatched ? d.name : d.server;
            return Permission::deny(clusterLabel(server, name) + " is denied by " + projectLabel(project)
                + " (destination " + quoted(entry) + ")");
        } else if (!nsMatched && isDenyPattern(d.ns) && serverMatched) {
            return Permission::deny("namespace " + quoted(ns) + " is denied by " + projectLabel(project)
                + " (destination namespace " + quoted(d.ns) + ")");
        }
    }
    if (permitted)
        return Permission::allow();
    if (clusterSeen)
        return Permission::deny(
            "namespace " + quoted(ns) + " is not a permitted destination of " + projectLabel(project));
    return Permission::deny(clusterLabel(server, name) + " is not a permitted destination of " + projectLabel(project));
}

Permission checkResource(const AppProject &project, std::string_view group, std::string_view kind, ResourceScope scope,
    std::string_view name)
{
    const std::string what = group.empty() ? std::string(kind) : std::string(group) + "/" + std::string(kind);
    if (scope == ResourceScope::Namespaced) {
        if (project.namespaceResourceWhitelist && !inList(*project.namespaceResourceWhitelist, group, kind, {}))
            return Permission::deny(
                what + " is not permitted by " + projectLabel(project) + " (not in namespaceResourceWhitelist)");
        if (inList(project.namespaceResourceBlacklist, group, kind, {}))
            return Permission::deny(what + " is denied by " + projectLabel(project) + " (namespaceResourceBlacklist)");
        return Permission::allow();
    }
    if (!inList(project.clusterResourceWhitelist, group, kind, name))
        return Permission::deny("cluster-scoped " + what + " is not permitted by " + projectLabel(project)
            + " (not in clusterResourceWhitelist)");
    if (inList(project.clusterResourceBlacklist, group, kind, name))
        return Permission::deny(
            "cluster-scoped " + what + " is denied by " + projectLabel(project) + " (clusterResourceBlacklist)");
    return Permission::allow();
}

SyncWindowStatus syncWindowStatus(const AppProject &project, const Application &application, const QDateTime &now)
{
    const ApplicationDestination &d = application.destination;
    return evaluateSyncWindows(project.syncWindows, SyncTarget { application.name(), d.ns, d.server, d.name }, now);
}

Permission checkApplication(const AppProject &project, const Application &application)
{
    if (application.project != project.name())
        return Permission::deny("application " + quoted(application.name()) + " belongs to project "
            + quoted(application.project) + ", not " + quoted(project.name()));
    std::vector<const ApplicationSource *> sources;
    if (application.sources.empty() && application.source)
        sources.push_back(&*application.source);
    for (const ApplicationSource &source : application.sources)
        sources.push_back(&source);
    for (const ApplicationSource *source : sources) {
        if (Permission p = checkSource(project, source->repoURL); !p)
            return p;
    }
    const ApplicationDestination &d = application.destination;
    return checkDestination(project, d.server, d.name, d.ns);
}

} // namespace capstan::argo
