#include "argo/application.h"

#include "argo/duration.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace capstan::argo {

using manifest::Node;

namespace {

// Reads one source: the shape of spec.source and of each spec.sources item.
ApplicationSource readSource(FieldReader &r, const Node &node, const std::string &path)
{
    ApplicationSource source;
    source.where = r.object().source().where(node.mark());
    source.repoURL = r.string(node, "repoURL", path + ".repoURL");
    source.path = r.string(node, "path", path + ".path");
    source.targetRevision = r.string(node, "targetRevision", path + ".targetRevision");
    source.chart = r.string(node, "chart", path + ".chart");

    if (const Node *dir = r.map(node, "directory", path + ".directory")) {
        DirectoryOptions options;
        options.recurse = r.boolean(*dir, "recurse", path + ".directory.recurse");
        options.include = r.string(*dir, "include", path + ".directory.include");
        options.exclude = r.string(*dir, "exclude", path + ".directory.exclude");
        r.map(*dir, "jsonnet", path + ".directory.jsonnet"); // read past: Capstan renders no jsonnet
        source.directory = options;
    }

    if (const Node *k = r.map(node, "kustomize", path + ".kustomize")) {
        const std::string kp = path + ".kustomize";
        KustomizeOptions options;
        options.images = r.stringList(*k, "images", kp + ".images");
        options.namePrefix = r.string(*k, "namePrefix", kp + ".namePrefix");
        options.nameSuffix = r.string(*k, "nameSuffix", kp + ".nameSuffix");
        options.ns = r.string(*k, "namespace", kp + ".namespace");
        options.commonLabels = r.stringMap(*k, "commonLabels", kp + ".commonLabels");
        options.commonAnnotations = r.stringMap(*k, "commonAnnotations", kp + ".commonAnnotations");
        if (const Node *replicas = r.sequence(*k, "replicas", kp + ".replicas")) {
            for (std::size_t i = 0; i < replicas->items().size(); ++i) {
                const Node &item = replicas->items()[i];
                const std::string ip = kp + ".replicas[" + std::to_string(i) + "]";
                if (!r.expectMap(item, ip))
                    continue;
                KustomizeReplica replica;
                replica.name = r.string(item, "name", ip + ".name");
                if (replica.name.empty())
                    r.fail(item, "name", ip + ".name", "required");
                const auto count = r.integerOrString(item, "count", ip + ".count");
                if (!count && !r.failed())
                    r.fail(item, "count", ip + ".count", "required");
                replica.count = count.value_or(0);
                options.replicas.push_back(replica);
            }
        }
        source.kustomize = options;
    }
    return source;
}

PropagationPolicy parsePropagation(const std::string &value, bool *ok)
{
    std::string lower = value;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    *ok = true;
    if (lower == "foreground")
        return PropagationPolicy::Foreground;
    if (lower == "background")
        return PropagationPolicy::Background;
    if (lower == "orphan")
        return PropagationPolicy::Orphan;
    *ok = false;
    return PropagationPolicy::Foreground;
}

SyncOptions readSyncOptions(FieldReader &r, const Node &policy, std::vector<Condition> &conditions)
{
    SyncOptions options;
    options.raw = r.stringList(policy, "syncOptions", "spec.syncPolicy.syncOptions");
    const auto flag = [&](const char *key, bool fallback) {
        const auto value = options.value(key);
        return value ? *value == "true" : fallback;
    };
    options.createNamespace = flag("CreateNamespace", false);
    options.pruneLast = flag("PruneLast", false);
    options.applyOutOfSyncOnly = flag("ApplyOutOfSyncOnly", false);
    options.serverSideApply = flag("ServerSideApply", false);
    options.replace = flag("Replace", false);
    options.validate = options.value("Validate").value_or("true") != "false";
    if (const auto policyName = options.value("PrunePropagationPolicy")) {
        bool ok = false;
        options.prunePropagationPolicy = parsePropagation(*policyName, &ok);
        if (!ok)
            conditions.push_back({ ConditionType::InvalidSpecError,
                "spec.syncPolicy.syncOptions: PrunePropagationPolicy '" + *policyName
                    + "' is not one of foreground, background, orphan",
                r.where(policy, "syncOptions") });
    }
    return options;
}

std::optional<RetryStrategy> readRetry(FieldReader &r, const Node &policy)
{
    const Node *node = r.map(policy, "retry", "spec.syncPolicy.retry");
    if (!node)
        return std::nullopt;
    RetryStrategy retry;
    retry.limit = r.integer(*node, "limit", "spec.syncPolicy.retry.limit").value_or(0);
    if (const Node *backoff = r.map(*node, "backoff", "spec.syncPolicy.retry.backoff")) {
        const auto readDuration = [&](const char *key, std::chrono::milliseconds &out) {
            const std::string path = std::string("spec.syncPolicy.retry.backoff.") + key;
            // A bare number of seconds may be written unquoted.
            const Node *value = backoff->find(key);
            std::string text;
            if (value && value->isScalar() && value->scalarType() == manifest::ScalarType::Int)
                text = value->text();
            else
                text = r.string(*backoff, key, path);
            if (text.empty())
                return;
            auto parsed = parseBackoffDuration(text);
            if (!parsed)
                r.fail(*backoff, key, path, parsed.error().message);
            else
                out = *parsed;
        };
        readDuration("duration", retry.backoffDuration);
        readDuration("maxDuration", retry.backoffMaxDuration);
        retry.backoffFactor = r.integer(*backoff, "factor", "spec.syncPolicy.retry.backoff.factor").value_or(2);
    }
    return retry;
}

std::vector<IgnoreDifference> readIgnoreDifferences(FieldReader &r, const Node &spec)
{
    std::vector<IgnoreDifference> out;
    const Node *list = r.sequence(spec, "ignoreDifferences", "spec.ignoreDifferences");
    if (!list)
        return out;
    for (std::size_t i = 0; i < list->items().size(); ++i) {
        const Node &item = list->items()[i];
        const std::string p = "spec.ignoreDifferences[" + std::to_string(i) + "]";
        if (!r.expectMap(item, p))
            continue;
        IgnoreDifference d;
        d.group = r.string(item, "group", p + ".group");
        d.kind = r.string(item, "kind", p + ".kind");
        d.name = r.string(item, "name", p + ".name");
        d.ns = r.string(item, "namespace", p + ".namespace");
        d.jsonPointers = r.stringList(item, "jsonPointers", p + ".jsonPointers");
        d.jqPathExpressions = r.stringList(item, "jqPathExpressions", p + ".jqPathExpressions");
        d.managedFieldsManagers = r.stringList(item, "managedFieldsManagers", p + ".managedFieldsManagers");
        out.push_back(std::move(d));
    }
    return out;
}

// Problems with a source that still let the Application be read.
void checkSource(const ApplicationSource &source, const std::string &path, std::vector<Condition> &conditions)
{
    if (source.repoURL.empty())
        conditions.push_back({ ConditionType::InvalidSpecError, path + ".repoURL: required", source.where });
    if (!source.chart.empty())
        conditions.push_back({ ConditionType::UnsupportedSpecError,
            path + ".chart: Helm chart sources are not rendered by Capstan", source.where });
    if (source.directory && source.kustomize)
        conditions.push_back({ ConditionType::InvalidSpecError,
            path + ": directory and kustomize are both set; use one", source.where });
}

} // namespace

std::optional<std::string> SyncOptions::value(const std::string &key) const
{
    std::optional<std::string> out;
    for (const std::string &option : raw) {
        const auto eq = option.find('=');
        if (eq != std::string::npos && option.compare(0, eq, key) == 0 && eq == key.size())
            out = option.substr(eq + 1);
    }
    return out;
}

std::chrono::milliseconds RetryStrategy::delayBeforeRetry(int retriesSoFar) const
{
    double wait = double(backoffDuration.count()) * std::pow(double(backoffFactor), double(retriesSoFar));
    if (backoffMaxDuration.count() > 0)
        wait = std::min(wait, double(backoffMaxDuration.count()));
    return std::chrono::milliseconds(static_cast<std::int64_t>(wait));
}

bool Application::hasErrorCondition() const
{
    return std::any_of(
        conditions.begin(), conditions.end(), [](const Condition &c) { return isErrorCondition(c.type); });
}

bool isApplication(const manifest::Object &object)
{
    return object.group() == "argoproj.io" && object.kind() == "Application";
}

capstan::Result<Application> readApplication(const manifest::Object &object)
{
    if (auto kind = expectArgoKind(object, "Application"); !kind)
        return kind.error();

    FieldReader r(object);
    Application app;
    app.where = object.where();
    app.metadata = readObjectMeta(r);
    const Node &root = object.root();
    const Node *spec = r.map(root, "spec", "spec");
    if (!spec && !r.failed())
        r.fail(root, "spec", "spec", "required");
    if (r.failed())
        return r.error();

    const std::string project = r.string(*spec, "project", "spec.project");
    if (!project.empty())
        app.project = project;

    if (const Node *source = r.map(*spec, "source", "spec.source"))
        app.source = readSource(r, *source, "spec.source");
    if (const Node *sources = r.sequence(*spec, "sources", "spec.sources")) {
        for (std::size_t i = 0; i < sources->items().size(); ++i) {
            const Node &item = sources->items()[i];
            const std::string p = "spec.sources[" + std::to_string(i) + "]";
            if (r.expectMap(item, p))
                app.sources.push_back(readSource(r, item, p));
        }
    }

    if (const Node *dest = r.map(*spec, "destination", "spec.destination")) {
        app.destination.server = r.string(*dest, "server", "spec.destination.server");
        app.destination.name = r.string(*dest, "name", "spec.destination.name");
        app.destination.ns = r.string(*dest, "namespace", "spec.destination.namespace");
    }

    if (const Node *policy = r.map(*spec, "syncPolicy", "spec.syncPolicy")) {
        // `automated: {}` turns automated sync on; a bare `automated:` (null) does
        // not, as the API server decodes it to nothing.
        if (const Node *automated = r.map(*policy, "automated", "spec.syncPolicy.automated")) {
            const std::string ap = "spec.syncPolicy.automated";
            AutomatedSync a;
            a.enabled = r.boolean(*automated, "enabled", ap + ".enabled", true);
            a.prune = r.boolean(*automated, "prune", ap + ".prune");
            a.selfHeal = r.boolean(*automated, "selfHeal", ap + ".selfHeal");
            a.allowEmpty = r.boolean(*automated, "allowEmpty", ap + ".allowEmpty");
            app.syncPolicy.automated = a;
        }
        app.syncPolicy.options = readSyncOptions(r, *policy, app.conditions);
        app.syncPolicy.retry = readRetry(r, *policy);
    }

    app.ignoreDifferences = readIgnoreDifferences(r, *spec);
    if (const auto limit = r.integer(*spec, "revisionHistoryLimit", "spec.revisionHistoryLimit"))
        app.revisionHistoryLimit = *limit;

    if (r.failed())
        return r.error();

    // Read, but not everything in it can be acted on: say so on the Application.
    if (!app.sources.empty()) {
        if (app.sources.size() > 1) {
            app.conditions.push_back({ ConditionType::UnsupportedSpecError,
                "spec.sources: " + std::to_string(app.sources.size())
                    + " sources; Capstan renders applications with a single source",
                r.where(*spec, "sources") });
        }
        if (!app.source)
            app.source = app.sources.front();
    }
    if (!app.source) {
        app.conditions.push_back({ ConditionType::InvalidSpecError, "spec.source: required", app.where });
    } else {
        checkSource(*app.source, app.sources.empty() ? "spec.source" : "spec.sources[0]", app.conditions);
    }
    const std::string destWhere = spec->find("destination") ? r.where(*spec, "destination") : app.where;
    if (app.destination.server.empty() && app.destination.name.empty())
        app.conditions.push_back(
            { ConditionType::InvalidSpecError, "spec.destination: a server or a name is required", destWhere });
    else if (!app.destination.server.empty() && !app.destination.name.empty())
        app.conditions.push_back(
            { ConditionType::InvalidSpecError, "spec.destination: server and name are both set; use one", destWhere });
    return app;
}

} // namespace capstan::argo
