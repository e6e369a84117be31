#include "cluster/defaults_p.h"

#include "cluster/sandbox_core_p.h"
#include "cluster/selector.h"

#include <cctype>

namespace capstan::cluster::detail {

namespace {

void setIfAbsent(Node &map, std::string_view key, Node value)
{
    if (!map.contains(key))
        map.set(key, std::move(value));
}

void defaultContainer(Node &c)
{
    const std::string image = c.textAt({ "image" });
    const auto lastSlash = image.rfind('/');
    const bool hasTag = image.find(':', lastSlash == std::string::npos ? 0 : lastSlash) != std::string::npos
        || image.find('@') != std::string::npos;
    const bool latest = !hasTag || (image.size() >= 7 && image.compare(image.size() - 7, 7, ":latest") == 0);
    setIfAbsent(c, "imagePullPolicy", Node::string(latest ? "Always" : "IfNotPresent"));
    setIfAbsent(c, "terminationMessagePath", Node::string("/dev/termination-log"));
    setIfAbsent(c, "terminationMessagePolicy", Node::string("File"));
    setIfAbsent(c, "resources", Node::map());
    if (Node *ports = c.find("ports"))
        for (Node &p : ports->items())
            if (p.isMap())
                setIfAbsent(p, "protocol", Node::string("TCP"));
}

void defaultPodSpec(Node &spec)
{
    if (!spec.isMap())
        return;
    for (const char *list : { "containers", "initContainers" })
        if (Node *cs = spec.find(list))
            for (Node &c : cs->items())
                if (c.isMap())
                    defaultContainer(c);
    setIfAbsent(spec, "restartPolicy", Node::string("Always"));
    setIfAbsent(spec, "terminationGracePeriodSeconds", Node::integer(30));
    setIfAbsent(spec, "dnsPolicy", Node::string("ClusterFirst"));
    setIfAbsent(spec, "schedulerName", Node::string("default-scheduler"));
    setIfAbsent(spec, "securityContext", Node::map());
}

void defaultTemplate(Node &spec)
{
    if (Node *tmpl = spec.find("template"))
        if (Node *podSpec = tmpl->find("spec"))
            defaultPodSpec(*podSpec);
}

Node rollingUpdate(Node maxSurge, Node maxUnavailable)
{
    Node ru = Node::map();
    ru.set("maxSurge", std::move(maxSurge));
    ru.set("maxUnavailable", std::move(maxUnavailable));
    return ru;
}

void defaultStrategy(Node &spec, const char *field, const char *type, Node ru)
{
    Node &strategy = spec[field];
    if (!strategy.isMap())
        strategy = Node::map();
    setIfAbsent(strategy, "type", Node::string(type));
    if (strategy.textAt({ "type" }) == "RollingUpdate")
        setIfAbsent(strategy, "rollingUpdate", std::move(ru));
}

std::string allocateIp(SandboxCore &core, const std::string &counter, const char *prefix)
{
    const std::int64_t n = core.nextCounter(counter);
    return std::string(prefix) + std::to_string((n / 250) % 250) + "." + std::to_string(n % 250 + 2);
}

void defaultService(Node &spec, SandboxCore &core)
{
    setIfAbsent(spec, "type", Node::string("ClusterIP"));
    setIfAbsent(spec, "sessionAffinity", Node::string("None"));
    const std::string type = spec.textAt({ "type" });
    if (type != "ExternalName") {
        setIfAbsent(spec, "internalTrafficPolicy", Node::string("Cluster"));
        if (!spec.contains("clusterIP")) {
            spec.set("clusterIP", Node::string(allocateIp(core, "clusterIP", "10.96.")));
            Node ips = Node::sequence();
            ips.append(Node::string(spec.textAt({ "clusterIP" })));
            spec.set("clusterIPs", std::move(ips));
        }
        if (spec.textAt({ "clusterIP" }) != "None") {
            Node families = Node::sequence();
            families.append(Node::string("IPv4"));
            setIfAbsent(spec, "ipFamilies", std::move(families));
            setIfAbsent(spec, "ipFamilyPolicy", Node::string("SingleStack"));
        }
    }
    if (type == "LoadBalancer" || type == "NodePort")
        setIfAbsent(spec, "externalTrafficPolicy", Node::string("Cluster"));
    if (Node *ports = spec.find("ports")) {
        for (Node &p : ports->items()) {
            if (!p.isMap())
                continue;
            setIfAbsent(p, "protocol", Node::string("TCP"));
            if (const Node *port = p.find("port"))
                setIfAbsent(p, "targetPort", *port);
            if ((type == "NodePort" || type == "LoadBalancer") && !p.contains("nodePort"))
                p.set("nodePort", Node::integer(30000 + core.nextCounter("nodePort") % 2767));
        }
    }
}

bool validName(const std::string &name)
{
    if (name.empty() || name.size() > 253)
        return false;
    for (char c : name)
        if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '-'
                || c == '.'))
            return false;
    return std::isalnum(static_cast<unsigned char>(name.front()))
        && std::isalnum(static_cast<unsigned char>(name.back()));
}

bool validLabelValue(const std::string &v)
{
    if (v.size() > 63)
        return false;
    for (char c : v)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
            return false;
    return v.empty()
        || (std::isalnum(static_cast<unsigned char>(v.front())) && std::isalnum(static_cast<unsigned char>(v.back())));
}

ApiError invalid(const manifest::Object &o, const std::string &message)
{
    return ApiError(ErrorCode::Invalid, o.kind() + ".apps \"" + o.name() + "\" is invalid: " + message,
        ResourceKey::of(o).toString());
}

bool isWorkload(const manifest::Object &o)
{
    const std::string k = o.kind();
    return o.group() == "apps" && (k == "Deployment" || k == "ReplicaSet" || k == "StatefulSet" || k == "DaemonSet");
}

} // namespace

void applyDefaults(manifest::Object &object, SandboxCore &core)
{
    Node &root = object.root();
    const std::string kind = object.kind();
    const std::string group = object.group();
    Node *spec = root.find("spec");
    if (group.empty() && kind == "Namespace") {
        root["status"].set("phase", Node::string("Active"));
        Node &labels = root["metadata"]["labels"];
        setIfAbsent(labels, "kubernetes.io/metadata.name", Node::string(object.name()));
        return;
    }
    if (!spec || !spec->isMap())
        return;
    if (group == "apps" && kind == "Deployment") {
        setIfAbsent(*spec, "replicas", Node::integer(1));
        setIfAbsent(*spec, "revisionHistoryLimit", Node::integer(10));
        setIfAbsent(*spec, "progressDeadlineSeconds", Node::integer(600));
        defaultStrategy(*spec, "strategy", "RollingUpdate", rollingUpdate(Node::string("25%"), Node::string("25%")));
        defaultTemplate(*spec);
    } else if (group == "apps" && kind == "StatefulSet") {
        setIfAbsent(*spec, "replicas", Node::integer(1));
        setIfAbsent(*spec, "revisionHistoryLimit", Node::integer(10));
        setIfAbsent(*spec, "podManagementPolicy", Node::string("OrderedReady"));
        Node partition = Node::map();
        partition.set("partition", Node::integer(0));
        defaultStrategy(*spec, "updateStrategy", "RollingUpdate", std::move(partition));
        defaultTemplate(*spec);
    } else if (group == "apps" && kind == "DaemonSet") {
        setIfAbsent(*spec, "revisionHistoryLimit", Node::integer(10));
        defaultStrategy(*spec, "updateStrategy", "RollingUpdate", rollingUpdate(Node::integer(0), Node::integer(1)));
        defaultTemplate(*spec);
    } else if (group == "apps" && kind == "ReplicaSet") {
        setIfAbsent(*spec, "replicas", Node::integer(1));
        defaultTemplate(*spec);
    } else if (group == "batch" && kind == "Job") {
        setIfAbsent(*spec, "backoffLimit", Node::integer(6));
        setIfAbsent(*spec, "completions", Node::integer(1));
        setIfAbsent(*spec, "parallelism", Node::integer(1));
        setIfAbsent(*spec, "completionMode", Node::string("NonIndexed"));
        setIfAbsent(*spec, "suspend", Node::boolean(false));
        defaultTemplate(*spec);
    } else if (group == "batch" && kind == "CronJob") {
        setIfAbsent(*spec, "concurrencyPolicy", Node::string("Allow"));
        setIfAbsent(*spec, "suspend", Node::boolean(false));
        setIfAbsent(*spec, "successfulJobsHistoryLimit", Node::integer(3));
        setIfAbsent(*spec, "failedJobsHistoryLimit", Node::integer(1));
        if (Node *jobSpec = spec->at({ "jobTemplate", "spec" }))
            defaultTemplate(*jobSpec);
    } else if (group.empty() && kind == "Pod") {
        defaultPodSpec(*spec);
    } else if (group.empty() && kind == "Service") {
        defaultService(*spec, core);
    } else if (group.empty() && kind == "PersistentVolumeClaim") {
        setIfAbsent(*spec, "volumeMode", Node::string("Filesystem"));
        setIfAbsent(*spec, "storageClassName", Node::string("standard"));
    }
}

ApiResult<void> validate(const manifest::Object &o, const std::optional<manifest::Object> &previous)
{
    const std::string where = ResourceKey::of(o).toString();
    if (o.apiVersion().empty() || o.kind().empty())
        return ApiError(ErrorCode::Invalid, "object has no apiVersion or kind", where);
    if (o.name().empty())
        return ApiError(
            ErrorCode::Invalid, o.kind() + " is invalid: metadata.name: Required value: name is required", where);
    if (!validName(o.name()))
        return ApiError(ErrorCode::Invalid,
            o.kind() + " \"" + o.name() + "\" is invalid: metadata.name: Invalid value: \"" + o.name()
                + "\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
                  "characters, '-' or '.', and must start and end with an alphanumeric character",
            where);
    if (const Node *labels = o.root().at({ "metadata", "labels" }))
        for (const auto &e : labels->entries())
            if (!validLabelValue(e.value.text()))
                return ApiError(ErrorCode::Invalid,
                    o.kind() + " \"" + o.name() + "\" is invalid: metadata.labels: Invalid value: \"" + e.value.text()
                        + "\": a valid label must be 63 characters or less and consist "
                          "of alphanumeric characters, '-', '_' or '.'",
                    where);
    if (isWorkload(o)) {
        const Node *selector = o.root().at({ "spec", "selector" });
        if (!selector)
            return invalid(o, "spec.selector: Required value");
        auto sel = LabelSelector::fromNode(*selector);
        if (!sel)
            return invalid(o, "spec.selector: " + sel.error().message);
        if (sel->empty() || !sel->matches(o.root().at({ "spec", "template", "metadata", "labels" })))
            return invalid(o,
                "spec.template.metadata.labels: Invalid value: `selector` does not match template "
                "`labels`");
        if (previous) {
            const Node *before = previous->root().at({ "spec", "selector" });
            if (before && !(*before == *selector))
                return invalid(o, "spec.selector: Invalid value: field is immutable");
        }
    }
    if (previous && o.group().empty() && o.kind() == "Service") {
        const std::string before = previous->root().textAt({ "spec", "clusterIP" });
        const std::string after = o.root().textAt({ "spec", "clusterIP" });
        if (!before.empty() && !after.empty() && before != after)
            return ApiError(ErrorCode::Invalid,
                "Service \"" + o.name() + "\" is invalid: spec.clusterIPs[0]: Invalid value: \"" + after
                    + "\": field is immutable",
                where);
    }
    return {};
}

} // namespace capstan::cluster::detail
