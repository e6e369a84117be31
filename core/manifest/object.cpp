#include "manifest/object.h"

namespace capstan::manifest {

std::string ResourceId::toString() const
{
    return group + "/" + kind + ":" + ns + "/" + name;
}

void splitApiVersion(const std::string &apiVersion, std::string &group, std::string &version)
{
    const auto slash = apiVersion.rfind('/');
    if (slash == std::string::npos) {
        group.clear();
        version = apiVersion;
    } else {
        group.assign(apiVersion, 0, slash);
        version.assign(apiVersion, slash + 1);
    }
}

std::string Source::where(Mark mark) const
{
    std::string out = fileName();
    if (mark.line > 0) {
        out += ':' + std::to_string(mark.line);
        if (mark.column > 0)
            out += ':' + std::to_string(mark.column);
    }
    return out;
}

std::string Object::group() const
{
    std::string group, version;
    splitApiVersion(apiVersion(), group, version);
    return group;
}

ResourceId Object::id() const
{
    ResourceId id;
    splitApiVersion(apiVersion(), id.group, id.version);
    id.kind = kind();
    id.ns = ns();
    id.name = name();
    return id;
}

void Object::setName(const std::string &name)
{
    m_root["metadata"].set("name", Node::string(name));
}

void Object::setNamespace(const std::string &ns)
{
    m_root["metadata"].set("namespace", Node::string(ns));
}

std::string Object::where(const Node *node) const
{
    return m_source.where(node ? node->mark() : m_root.mark());
}

} // namespace capstan::manifest
