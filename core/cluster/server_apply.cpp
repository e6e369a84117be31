#include "cluster/server_apply_p.h"

#include "cluster/defaults_p.h"
#include "cluster/field_ownership_p.h"
#include "cluster/json_codec_p.h"
#include "cluster/sandbox_core_p.h"

#include <algorithm>

namespace capstan::cluster::detail {

namespace {

const char *const kLastApplied = "kubectl.kubernetes.io/last-applied-configuration";

// The part of an object a client owns: no server-written metadata, no status.
Node clientPart(const Node &root)
{
    Node out = root;
    out.remove("status");
    if (Node *meta = out.find("metadata"); meta && meta->isMap())
        for (const char *field : { "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields",
                 "deletionTimestamp", "selfLink" })
            meta->remove(field);
    return out;
}

// The fields of a configuration that ownership tracks (identity fields are nobody's).
FieldSet ownedFields(const Node &config)
{
    FieldSet set = fieldSetOf(config);
    for (const FieldPath &p : { FieldPath { "f:apiVersion" }, FieldPath { "f:kind" },
             FieldPath { "f:metadata", "f:name" }, FieldPath { "f:metadata", "f:namespace" } })
        set.erase(p);
    return set;
}

Node withoutManagedFields(const Node &root)
{
    Node out = root;
    if (Node *meta = out.find("metadata"))
        meta->remove("managedFields");
    return out;
}

bool sameOwnership(const std::vector<ManagedFieldsEntry> &a, const std::vector<ManagedFieldsEntry> &b)
{
    auto nonEmpty = [](const std::vector<ManagedFieldsEntry> &v) {
        std::vector<const ManagedFieldsEntry *> out;
        for (const auto &e : v)
            if (!e.fields.empty())
                out.push_back(&e);
        return out;
    };
    const auto x = nonEmpty(a), y = nonEmpty(b);
    if (x.size() != y.size())
        return false;
    for (std::size_t i = 0; i < x.size(); ++i)
        if (x[i]->manager != y[i]->manager || x[i]->operation != y[i]->operation || x[i]->fields != y[i]->fields)
            return false;
    return true;
}

ManagedFieldsEntry &entryFor(
    std::vector<ManagedFieldsEntry> &entries, const std::string &manager, const std::string &operation)
{
    for (auto &e : entries)
        if (e.manager == manager && e.operation == operation)
            return e;
    entries.push_back({ manager, operation, {}, {}, {} });
    return entries.back();
}

ApiResult<void> checkNamespace(SandboxCore &core, const std::string &ns, bool creating, const std::string &where)
{
    auto found = core.find({ "", "Namespace", "", ns });
    if (!found)
        return found.error();
    if (!*found)
        return ApiError(ErrorCode::NotFound, "namespaces \"" + ns + "\" not found", where);
    if (creating && (*found)->root().at({ "metadata", "deletionTimestamp" }))
        return ApiError(ErrorCode::Forbidden,
            "unable to create new content in namespace " + ns + " because it is being terminated", where);
    return {};
}

// Server-side apply of `config` by `manager` onto `live`; fills `entries`.
ApiResult<Node> serverSideApply(const Node &live, const Node &config, const ApplyOptions &options,
    std::vector<ManagedFieldsEntry> &entries, const std::string &where)
{
    const FieldSet applied = ownedFields(config);
    std::vector<std::pair<std::string, FieldPath>> conflicts;
    for (const FieldPath &p : applied) {
        if (isItemPath(p))
            continue;
        const Node *liveValue = valueAt(live, p);
        const Node *newValue = valueAt(config, p);
        if (!liveValue || (newValue && *liveValue == *newValue))
            continue;
        for (const auto &e : entries)
            if (e.manager != options.fieldManager && e.fields.count(p))
                conflicts.emplace_back(e.manager, p);
    }
    if (!conflicts.empty() && !options.force) {
        std::string message = "Apply failed with " + std::to_string(conflicts.size())
            + (conflicts.size() == 1 ? " conflict:" : " conflicts:");
        for (const auto &[manager, path] : conflicts)
            message += " conflict with \"" + manager + "\": " + pathToString(path) + ";";
        message.pop_back();
        message += " (apply with force to take ownership)";
        return ApiError(ErrorCode::Conflict, message, where);
    }
    for (const auto &[manager, path] : conflicts)
        for (auto &e : entries)
            if (e.manager == manager)
                e.fields.erase(path);

    Node merged = mergeApplied(live, config);
    ManagedFieldsEntry &mine = entryFor(entries, options.fieldManager, "Apply");
    for (const FieldPath &p : mine.fields) {
        if (applied.count(p))
            continue;
        const bool ownedElsewhere = std::any_of(entries.begin(), entries.end(),
            [&](const ManagedFieldsEntry &e) { return &e != &mine && ownsAtOrBelow(e.fields, p); });
        if (!ownedElsewhere)
            removeAt(merged, p);
    }
    mine.fields = applied;
    return merged;
}

// kubectl's client-side apply: a three-way merge against the last-applied annotation.
Node clientSideApply(
    const Node &live, const Node &config, const ApplyOptions &options, std::vector<ManagedFieldsEntry> &entries)
{
    FieldSet previous;
    const std::string last = live.textAt({ "metadata", "annotations", kLastApplied });
    if (auto node = fromJson(last); !last.empty() && node)
        previous = ownedFields(*node);
    Node recorded = config;
    if (Node *annotations = recorded.at({ "metadata", "annotations" }))
        annotations->remove(kLastApplied);
    Node merged = mergeApplied(live, config);
    const FieldSet applied = ownedFields(config);
    for (const FieldPath &p : previous)
        if (!applied.count(p))
            removeAt(merged, p);
    merged["metadata"]["annotations"].set(kLastApplied, Node::string(toJson(recorded)));
    const FieldSet changed = changedFields(live, merged);
    for (auto &e : entries)
        if (e.manager != options.fieldManager)
            for (const FieldPath &p : changed)
                e.fields.erase(p);
    FieldSet &mine = entryFor(entries, options.fieldManager, "Update").fields;
    mine.insert(changed.begin(), changed.end());
    return merged;
}

} // namespace

ApiResult<manifest::Object> applyObject(SandboxCore &core, const manifest::Object &object, const ApplyOptions &options)
{
    Object input(clientPart(object.root()), object.source());
    const std::string group = input.group();
    const std::string kind = input.kind();
    if (kind.empty() || input.apiVersion().empty())
        return ApiError(ErrorCode::Invalid, "Object 'Kind' or 'apiVersion' is missing", object.where());
    const auto resource = core.resource(group, kind);
    if (!resource)
        return ApiError(ErrorCode::NotFound,
            "no matches for kind \"" + kind + "\" in version \"" + input.apiVersion() + "\"",
            ResourceKey::of(input).toString());
    if (resource->namespaced) {
        if (input.ns().empty())
            input.setNamespace("default");
    } else {
        input.root()["metadata"].remove("namespace");
    }
    if (input.name().empty())
        return ApiError(ErrorCode::Invalid, kind + " is invalid: metadata.name: Required value: name is required",
            ResourceKey::of(input).toString());
    const ResourceKey key = ResourceKey::of(input);
    auto found = core.find(key);
    if (!found)
        return found.error();
    const std::optional<Object> &previous = *found;
    if (resource->namespaced)
        if (auto r = checkNamespace(core, key.ns, !previous, key.toString()); !r)
            return r.error();

    const std::string expectedVersion = object.root().textAt({ "metadata", "resourceVersion" });
    if (!expectedVersion.empty() && previous
        && previous->root().textAt({ "metadata", "resourceVersion" }) != expectedVersion)
        return ApiError(ErrorCode::Conflict,
            "Operation cannot be fulfilled on " + resource->plural + " \"" + key.name
                + "\": the object has been modified; please apply your changes to the latest version "
                  "and try again",
            key.toString());
    input.root()["metadata"].remove("resourceVersion");

    std::vector<ManagedFieldsEntry> entries;
    if (previous)
        entries = readManagedFields(previous->root());
    const std::vector<ManagedFieldsEntry> before = entries;
    const Node live = previous ? withoutManagedFields(previous->root()) : Node::map();
    Node merged;
    if (options.replace) {
        merged = input.root();
        if (const Node *status = live.find("status"))
            merged.set("status", *status);
        // The allocated cluster IP survives a replace that does not name one.
        for (const char *field : { "clusterIP", "clusterIPs" })
            if (const Node *ip = live.at({ "spec", field });
                ip && merged.find("spec") && !merged["spec"].contains(field))
                merged["spec"].set(field, *ip);
        const FieldSet fields = ownedFields(input.root());
        for (auto &e : entries)
            std::erase_if(e.fields, [&](const FieldPath &p) { return fields.count(p) || !valueAt(merged, p); });
        entryFor(entries, options.fieldManager, "Update").fields = fields;
    } else if (options.serverSide) {
        auto result = serverSideApply(live, input.root(), options, entries, key.toString());
        if (!result)
            return result.error();
        merged = std::move(*result);
    } else {
        merged = clientSideApply(live, input.root(), options, entries);
    }

    Object out(std::move(merged), object.source());
    applyDefaults(out, core);
    if (auto r = validate(out, previous); !r)
        return r.error();
    if (previous && out.root() == live && sameOwnership(entries, before))
        return *previous; // a no-op apply changes nothing, not even resourceVersion
    for (auto &e : entries) {
        const auto old = std::find_if(before.begin(), before.end(),
            [&](const ManagedFieldsEntry &b) { return b.manager == e.manager && b.operation == e.operation; });
        if (old == before.end() || old->fields != e.fields || e.manager == options.fieldManager) {
            e.time = core.nowStamp();
            e.apiVersion = input.apiVersion();
        }
    }
    writeManagedFields(out.root(), entries);
    return core.write(std::move(out), previous, options.dryRun);
}

} // namespace capstan::cluster::detail
