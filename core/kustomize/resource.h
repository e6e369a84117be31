#pragma once

#include "manifest/object.h"

#include <string>
#include <vector>

namespace capstan::kustomize {

// Group, version and kind of a resource type; empty fields select anything.
struct Gvk
{
    std::string group;
    std::string version;
    std::string kind;

    static Gvk fromApiVersion(const std::string &apiVersion, std::string kind);
    std::string apiVersion() const { return group.empty() ? version : group + "/" + version; }
    // True when every non-empty field of selector equals this one's.
    bool isSelectedBy(const Gvk &selector) const { return selects(selector, group, version, kind); }
    // The same for a type given by its parts (kind first: it tells most types apart).
    static bool selects(const Gvk &selector, const std::string &group, const std::string &version, const std::string &kind)
    {
        return (selector.kind.empty() || selector.kind == kind) && (selector.group.empty() || selector.group == group)
            && (selector.version.empty() || selector.version == version);
    }
    bool operator==(const Gvk &) const = default;
};

// What kustomize calls a ResId: a type plus name and namespace.
struct ResId
{
    Gvk gvk;
    std::string name;
    std::string ns;

    // kustomize's string form, "Kind.version.group/name.namespace" with placeholders.
    std::string toString() const;
    // "" and "default" are the same namespace; cluster-scoped types have none.
    std::string effectiveNamespace() const;
    // Same type, name and effective namespace.
    bool equals(const ResId &other) const;
};

enum class GenerationBehavior { Unspecified, Create, Merge, Replace };

// One object being built plus the bookkeeping kustomize keeps in build annotations:
// earlier identities (for name references), applied prefixes and suffixes, and
// generator options.
struct Resource
{
    manifest::Object object;
    std::vector<ResId> previousIds; // oldest first
    std::vector<std::string> prefixes;
    std::vector<std::string> suffixes;
    bool needsHashSuffix = false;
    // Annotations written as non-strings (0755, ~, 1.50): kustomize prints them as
    // written, unless a JSON patch re-encodes the object; then as JSON has them.
    std::vector<manifest::MapEntry> typedAnnotations;
    std::vector<std::string> refVarNames; // the vars whose value this object holds
    GenerationBehavior behavior = GenerationBehavior::Unspecified;

    manifest::Node &root() { return object.root(); }
    const manifest::Node &root() const { return object.root(); }
    Gvk gvk() const;
    std::string name() const { return object.name(); }
    std::string ns() const { return object.ns(); }
    std::string kind() const { return object.kind(); }
    ResId currentId() const;
    // The first identity the resource had (its id as written, before any rename).
    ResId originalId() const;
    // Records the current identity before a transformer may change it.
    void storePreviousId();
    // Puts the typed values back before the object goes through JSON.
    void restoreTypedAnnotations();
};

// Whether the resource's current or an earlier identity satisfies match.
template<typename Match>
bool anyIdMatches(const Resource &r, const Match &match)
{
    if (match(r.currentId()))
        return true;
    if (r.previousIds.empty())
        return false;
    const Gvk current = r.gvk();
    for (const ResId &id : r.previousIds) {
        ResId full = id;
        full.gvk.group = current.group;
        full.gvk.version = current.version;
        if (match(full))
            return true;
    }
    return false;
}

// Whether the resource's current or an earlier identity is id (ResId::equals).
bool hasId(const Resource &r, const ResId &id);

} // namespace capstan::kustomize
