#include "reconcile/compare/compare.h"

#include "manifest/yaml_writer.h"
#include "reconcile/compare/normalize.h"
#include "reconcile/compare/secrets.h"
#include "reconcile/textdiff/unified.h"

#include <map>
#include <tuple>

namespace capstan::compare {

using manifest::Node;
using manifest::Object;

namespace {

constexpr std::string_view HookAnnotation = "argocd.argoproj.io/hook";

using Key = std::tuple<std::string, std::string, std::string, std::string>;

Key keyOf(const Object &o, const std::string &ns)
{
    return { o.group(), o.kind(), ns, o.name() };
}

bool isHook(const Object &o)
{
    return o.root().at({ "metadata", "annotations", HookAnnotation }) != nullptr;
}

bool isOwned(const Object &o)
{
    const Node *owners = o.root().at({ "metadata", "ownerReferences" });
    return owners && owners->isSequence() && !owners->empty();
}

void fillText(ResourceComparison &out, const Node *desired, const Node *live, bool withYaml)
{
    if (withYaml) {
        out.desiredYaml = desired ? manifest::emitYaml(*desired) : std::string();
        out.liveYaml = live ? manifest::emitYaml(*live) : std::string();
    }
    if (out.status != ResourceStatus::Synced) {
        const std::string path = resourcePath(out.id);
        out.diff = textdiff::unifiedDiff(out.liveYaml, out.desiredYaml, "a/" + path, "b/" + path);
    }
}

} // namespace

const char *toString(ResourceStatus status)
{
    switch (status) {
    case ResourceStatus::Synced:
        return "Synced";
    case ResourceStatus::OutOfSync:
        return "OutOfSync";
    case ResourceStatus::Missing:
        return "Missing";
    case ResourceStatus::RequiresPruning:
        return "RequiresPruning";
    }
    return "Unknown";
}

const char *toString(SyncStatus status)
{
    switch (status) {
    case SyncStatus::Synced:
        return "Synced";
    case SyncStatus::OutOfSync:
        return "OutOfSync";
    case SyncStatus::Unknown:
        return "Unknown";
    }
    return "Unknown";
}

std::string resourcePath(const manifest::ResourceId &id)
{
    std::string path;
    if (!id.group.empty())
        path += id.group + "/";
    path += id.kind + "/";
    if (!id.ns.empty())
        path += id.ns + "/";
    return path + id.name;
}

CompareResult compareApp(const CompareRequest &request)
{
    CompareResult result;
    std::map<Key, std::size_t> liveIndex;
    for (std::size_t i = 0; i < request.live.size(); ++i)
        liveIndex.emplace(keyOf(request.live[i], request.live[i].ns()), i);
    std::vector<bool> liveMatched(request.live.size(), false);

    // A comparison that cannot be made is Unknown as a whole: half a list of
    // resources would read as "everything else is fine".
    auto fail = [](capstan::Error error) {
        CompareResult unknown;
        unknown.status = SyncStatus::Unknown;
        unknown.error = std::move(error);
        return unknown;
    };

    for (const Object &wanted : request.desired) {
        if (isHook(wanted))
            continue;
        Object desired = wanted;
        if (!request.appName.empty())
            setTracking(desired, request.appName, request.tracking, request.defaultNamespace);

        // An object without a namespace lands in the destination namespace.
        auto found = liveIndex.find(keyOf(wanted, wanted.ns()));
        if (found == liveIndex.end() && wanted.ns().empty() && !request.defaultNamespace.empty())
            found = liveIndex.find(keyOf(wanted, request.defaultNamespace));
        const Object *liveObject = found != liveIndex.end() ? &request.live[found->second] : nullptr;
        if (liveObject)
            liveMatched[found->second] = true;

        ResourceComparison out;
        out.id = wanted.id();
        if (out.id.ns.empty() && liveObject)
            out.id.ns = liveObject->ns();

        Node d = desired.root();
        Node l = liveObject ? liveObject->root() : Node();
        const bool secret = isSecret(d);
        if (secret) {
            foldStringData(d);
            if (liveObject)
                foldStringData(l);
        }
        if (auto ignored = applyIgnoreDifferences(request.ignoreDifferences, out.id, &d, liveObject ? &l : nullptr);
            !ignored)
            return fail(ignored.error());
        stripServerFields(d);
        if (liveObject) {
            stripServerFields(l);
            pruneToDesired(l, d);
            out.status = d == l ? ResourceStatus::Synced : ResourceStatus::OutOfSync;
        } else {
            out.status = ResourceStatus::Missing;
        }
        if (secret)
            maskSecretData(&d, liveObject ? &l : nullptr);
        const bool withYaml = request.detail == Detail::All || out.status != ResourceStatus::Synced;
        fillText(out, &d, liveObject ? &l : nullptr, withYaml);
        if (out.status != ResourceStatus::Synced)
            result.status = SyncStatus::OutOfSync;
        result.resources.push_back(std::move(out));
    }

    for (std::size_t i = 0; i < request.live.size(); ++i) {
        const Object &live = request.live[i];
        if (liveMatched[i] || isHook(live) || isOwned(live) || !belongsToApp(live, request.appName, request.tracking))
            continue;
        ResourceComparison out;
        out.id = live.id();
        out.status = ResourceStatus::RequiresPruning;
        Node l = live.root();
        stripServerFields(l);
        if (isSecret(l)) {
            foldStringData(l);
            maskSecretData(nullptr, &l);
        }
        fillText(out, nullptr, &l, true);
        result.status = SyncStatus::OutOfSync;
        result.resources.push_back(std::move(out));
    }
    return result;
}

} // namespace capstan::compare
