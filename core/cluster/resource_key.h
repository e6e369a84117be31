#pragma once

#include "manifest/object.h"

#include <string>
#include <tuple>

namespace capstan::cluster {

// Names one object in a cluster, independent of API version: group, kind, namespace, name.
// `ns` is empty for cluster-scoped kinds; for namespaced kinds an empty `ns` means "default".
struct ResourceKey
{
    std::string group; // "" for the core group
    std::string kind;
    std::string ns;
    std::string name;

    static ResourceKey of(const manifest::Object &object)
    {
        return { object.group(), object.kind(), object.ns(), object.name() };
    }
    static ResourceKey of(const manifest::ResourceId &id) { return { id.group, id.kind, id.ns, id.name }; }

    // Argo CD's shape: "apps/Deployment:prod/frontend".
    std::string toString() const { return group + "/" + kind + ":" + ns + "/" + name; }

    bool operator==(const ResourceKey &) const = default;
    bool operator<(const ResourceKey &o) const
    {
        return std::tie(group, kind, ns, name) < std::tie(o.group, o.kind, o.ns, o.name);
    }
};

// A kind in an API group.
struct GroupKind
{
    std::string group;
    std::string kind;

    bool operator==(const GroupKind &) const = default;
    bool operator<(const GroupKind &o) const { return std::tie(group, kind) < std::tie(o.group, o.kind); }
};

} // namespace capstan::cluster
