#include "kustomize/name_reference.h"

#include "kustomize/builtin_fieldspecs.h"
#include "kustomize/cluster_scope.h"

namespace capstan::kustomize {

using manifest::Node;

namespace {

bool sameEndingSubSlice(const std::vector<std::string> &a, const std::vector<std::string> &b)
{
    const auto &shortest = a.size() <= b.size() ? a : b;
    const auto &longest = a.size() <= b.size() ? b : a;
    const std::size_t diff = longest.size() - shortest.size();
    if (shortest.empty())
        return diff == 0;
    for (std::size_t i = 0; i < shortest.size(); ++i)
        if (longest[i + diff] != shortest[i])
            return false;
    return true;
}

bool affixesEqual(const Resource &a, const Resource &b, bool allowEmpty)
{
    if (allowEmpty) {
        const bool prefixOk = a.prefixes.empty() || b.prefixes.empty() || sameEndingSubSlice(a.prefixes, b.prefixes);
        const bool suffixOk = a.suffixes.empty() || b.suffixes.empty() || sameEndingSubSlice(a.suffixes, b.suffixes);
        return prefixOk && suffixOk;
    }
    return sameEndingSubSlice(a.prefixes, b.prefixes) && sameEndingSubSlice(a.suffixes, b.suffixes);
}

bool isClusterScopedId(const ResId &id)
{
    return isClusterScoped(id.gvk.apiVersion(), id.gvk.kind);
}

// What the namespace rules need of each resource, computed once per pass.
struct Scope
{
    std::string effectiveNamespace;
    bool clusterScoped = false;
    Gvk gvk; // current type (name references change names only)
};


std::vector<Scope> scopesOf(const ResourceList &resources)
{
    std::vector<Scope> scopes;
    scopes.reserve(resources.size());
    for (const Resource &r : resources) {
        ResId id = r.currentId();
        std::string effective = id.effectiveNamespace();
        const bool clusterScoped = isClusterScopedId(id);
        scopes.push_back(Scope{std::move(effective), clusterScoped, std::move(id.gvk)});
    }
    return scopes;
}

// Rewrites the name fields one referrer has for one kind of referral.
class ReferenceFixer
{
public:
    ReferenceFixer(const ResourceList &all, const std::vector<Scope> &scopes, Resource &referrer,
                   const std::vector<Resource *> &candidates, const Gvk &target, const std::string &path)
        : m_all(all), m_scopes(scopes), m_referrer(referrer), m_candidates(candidates), m_target(target), m_path(path)
    {
    }

    Result<void> set(Node &node)
    {
        if (node.isNull())
            return {};
        if (node.isScalar())
            return setScalar(node);
        if (node.isMap())
            return setMapping(node);
        for (Node &item : node.items()) {
            if (item.isNull())
                continue;
            if (item.isScalar()) {
                if (auto ok = setScalar(item); !ok)
                    return ok;
            } else if (item.isMap()) {
                if (auto ok = setMapping(item); !ok)
                    return ok;
            } else {
                return makeError("name reference is expected to be either a string or a map of string");
            }
        }
        return {};
    }

private:
    Result<void> setScalar(Node &node)
    {
        auto referral = select(node.text(), m_candidates, false);
        if (!referral)
            return referral.error();
        if (*referral && (*referral)->name() != node.text())
            node = Node::string((*referral)->name());
        return {};
    }

    Result<void> setMapping(Node &node)
    {
        Node *name = node.find("name");
        if (!name)
            return makeError("path config error; no 'name' field in node");
        std::vector<Resource *> candidates = m_candidates;
        if (const Node *ns = node.find("namespace")) {
            const std::string wanted = ns->text();
            candidates.clear();
            for (Resource *r : m_candidates)
                if (r->originalId().effectiveNamespace() == ResId{{}, {}, wanted}.effectiveNamespace())
                    candidates.push_back(r);
            if (candidates.empty())
                for (Resource *r : m_candidates)
                    if (r->currentId().effectiveNamespace() == ResId{{}, {}, wanted}.effectiveNamespace())
                        candidates.push_back(r);
        }
        auto referral = select(name->text(), candidates, true);
        if (!referral)
            return referral.error();
        Resource *r = *referral;
        if (!r || (r->name() == name->text() && r->ns().empty()))
            return {};
        node.set("name", Node::string(r->name()));
        if (!r->ns().empty())
            node.set("namespace", Node::string(r->ns()));
        return {};
    }

    Result<Resource *> select(const std::string &oldName, const std::vector<Resource *> &input, bool compareNamespaces)
    {
        const bool roleRef = m_path.size() >= 12 && m_path.compare(m_path.size() - 12, 12, "roleRef/name") == 0;
        Gvk roleRefGvk;
        bool haveRoleRef = false;
        if (roleRef) {
            const Node *ref = m_referrer.root().find("roleRef");
            if (ref && ref->find("apiGroup") && ref->find("kind")) {
                roleRefGvk.group = ref->find("apiGroup")->text();
                roleRefGvk.kind = ref->find("kind")->text();
                haveRoleRef = true;
            }
        }
        const Scope &referrerScope = scopeOf(&m_referrer);
        std::vector<Resource *> candidates;
        for (Resource *r : input) {
            bool nameMatches = false, gvkMatches = false, roleMatches = !haveRoleRef;
            const Gvk &current = scopeOf(r).gvk;
            for (const ResId &prev : r->previousIds) {
                nameMatches = nameMatches || prev.name == oldName;
                gvkMatches = gvkMatches || Gvk::selects(m_target, current.group, current.version, prev.gvk.kind);
                roleMatches = roleMatches || Gvk::selects(roleRefGvk, current.group, current.version, prev.gvk.kind);
            }
            if (!nameMatches || !gvkMatches || !roleMatches)
                continue;
            if (!referrerScope.clusterScoped) {
                const Scope &scope = scopeOf(r);
                if (!scope.clusterScoped && r->kind() != "ServiceAccount"
                    && scope.effectiveNamespace != referrerScope.effectiveNamespace)
                    continue;
            }
            candidates.push_back(r);
        }
        if (candidates.size() == 1)
            return candidates.front();
        std::vector<Resource *> sieved;
        for (Resource *r : candidates)
            if (affixesEqual(*r, m_referrer, true))
                sieved.push_back(r);
        if (sieved.size() > 1) {
            std::vector<Resource *> strict;
            for (Resource *r : sieved)
                if (affixesEqual(*r, m_referrer, false))
                    strict.push_back(r);
            sieved = std::move(strict);
        }
        if (sieved.size() == 1)
            return sieved.front();
        if (sieved.empty())
            return static_cast<Resource *>(nullptr);
        bool identical = true;
        for (Resource *r : sieved)
            identical = identical && r->name() == sieved.front()->name()
                && (!compareNamespaces || r->ns() == sieved.front()->ns());
        if (identical)
            return sieved.front();
        std::string ids;
        for (Resource *r : sieved)
            ids += (ids.empty() ? "" : ", ") + r->currentId().toString();
        return makeError("found multiple possible referrals: " + ids + " for " + m_referrer.currentId().toString());
    }

    const Scope &scopeOf(const Resource *r) const { return m_scopes[static_cast<std::size_t>(r - m_all.data())]; }

    const ResourceList &m_all;
    const std::vector<Scope> &m_scopes;
    Resource &m_referrer;
    const std::vector<Resource *> &m_candidates;
    const Gvk &m_target;
    const std::string &m_path;
};

// kustomize's SubsetThatCouldBeReferencedByResource.
std::vector<Resource *> possibleReferrals(ResourceList &resources, const std::vector<Scope> &scopes,
                                         const Resource &referrer)
{
    std::vector<Resource *> out;
    const Scope &referrerScope = scopes[static_cast<std::size_t>(&referrer - resources.data())];
    if (referrerScope.clusterScoped) {
        for (Resource &r : resources)
            out.push_back(&r);
        return out;
    }
    std::vector<std::string> bindingNamespaces;
    if (referrer.kind() == "RoleBinding")
        if (const Node *subjects = referrer.root().find("subjects"); subjects && subjects->isSequence())
            for (const Node &s : subjects->items())
                if (s.isMap() && s.find("namespace") && s.textAt({"kind"}) == "ServiceAccount")
                    bindingNamespaces.push_back(s.find("namespace")->text());
    for (std::size_t i = 0; i < resources.size(); ++i) {
        Resource &r = resources[i];
        bool ok = scopes[i].clusterScoped || scopes[i].effectiveNamespace == referrerScope.effectiveNamespace;
        for (const std::string &ns : bindingNamespaces)
            ok = ok || r.ns() == ns;
        if (ok)
            out.push_back(&r);
    }
    return out;
}

} // namespace

Result<void> fixNameReferences(ResourceList &resources, const std::vector<NameReference> &references)
{
    const std::vector<Scope> scopes = scopesOf(resources);
    for (Resource &referrer : resources) {
        std::vector<Resource *> candidates;
        bool computed = false;
        const Gvk originalGvk = referrer.originalId().gvk;
        for (const NameReference &reference : references) {
            for (const FieldSpec &spec : reference.referrers) {
                if (!originalGvk.isSelectedBy(spec.gvk))
                    continue;
                if (!computed) {
                    candidates = possibleReferrals(resources, scopes, referrer);
                    computed = true;
                }
                ReferenceFixer fixer(resources, scopes, referrer, candidates, reference.referral, spec.path);
                auto ok = visitFieldPathText(referrer.root(), spec.path, false, CreateKind::None,
                                         [&](Node &node) { return fixer.set(node); });
                if (!ok)
                    return makeError("updating name reference in '" + spec.path + "' field of '"
                                     + referrer.currentId().toString() + "': " + ok.error().message);
            }
        }
    }
    return {};
}

} // namespace capstan::kustomize
