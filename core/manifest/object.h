#pragma once

#include "manifest/node.h"

#include <memory>
#include <string>

namespace capstan::manifest {

// Identifies a Kubernetes object: group, version, kind, namespace, name.
struct ResourceId
{
    std::string group; // "" for the core group
    std::string version;
    std::string kind;
    std::string ns; // "" for cluster-scoped objects or where none is set
    std::string name;

    // "group/Kind:namespace/name", Argo CD's shape (apps/Deployment:prod/frontend).
    std::string toString() const;
    bool operator==(const ResourceId &) const = default;
    // Same object regardless of API version.
    bool sameObject(const ResourceId &o) const
    {
        return group == o.group && kind == o.kind && ns == o.ns && name == o.name;
    }
};

// Splits "apps/v1" into group "apps" and version "v1"; "v1" has the core group.
void splitApiVersion(const std::string &apiVersion, std::string &group, std::string &version);

// Where an object came from: a file and the 0-based index of its YAML document.
struct Source
{
    std::shared_ptr<const std::string> file;
    int document = 0;

    std::string fileName() const { return file ? *file : std::string(); }
    // "file:line:col" for a mark within this source ("file" alone when the mark is unknown).
    std::string where(Mark mark) const;
};

// One Kubernetes object: its YAML tree and where it was read from.
class Object
{
public:
    Object() = default;
    explicit Object(Node root, Source source = {}) : m_root(std::move(root)), m_source(std::move(source)) {}

    const Node &root() const { return m_root; }
    Node &root() { return m_root; }
    const Source &source() const { return m_source; }
    void setSource(Source source) { m_source = std::move(source); }

    std::string apiVersion() const { return m_root.textAt({"apiVersion"}); }
    std::string kind() const { return m_root.textAt({"kind"}); }
    std::string name() const { return m_root.textAt({"metadata", "name"}); }
    std::string ns() const { return m_root.textAt({"metadata", "namespace"}); }
    std::string group() const;
    ResourceId id() const;

    void setName(const std::string &name);
    void setNamespace(const std::string &ns);

    // "file:line:col" of a node of this object (or of the object itself).
    std::string where(const Node *node = nullptr) const;

private:
    Node m_root;
    Source m_source;
};

} // namespace capstan::manifest
