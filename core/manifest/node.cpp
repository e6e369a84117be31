#include "manifest/node.h"

#include <cstring>

#include <algorithm>

namespace capstan::manifest {

Node::Node() = default;
Node::Node(const Node &) = default;
Node::Node(Node &&) noexcept = default;
Node &Node::operator=(const Node &) = default;
Node &Node::operator=(Node &&) noexcept = default;
Node::~Node() = default;

Node Node::null()
{
    return Node();
}

Node Node::string(std::string value)
{
    return scalar(std::move(value), ScalarType::String);
}

Node Node::scalar(std::string text, ScalarType type)
{
    Node n;
    n.setScalar(std::move(text), type);
    return n;
}

Node Node::boolean(bool value)
{
    return scalar(value ? "true" : "false", ScalarType::Bool);
}

Node Node::integer(std::int64_t value)
{
    return scalar(std::to_string(value), ScalarType::Int);
}

Node Node::sequence()
{
    Node n;
    n.m_kind = Kind::Sequence;
    return n;
}

Node Node::map()
{
    Node n;
    n.m_kind = Kind::Map;
    return n;
}

void Node::setScalar(std::string &&text, ScalarType type)
{
    m_kind = Kind::Scalar;
    m_scalarType = type;
    if (type == ScalarType::Null)
        m_text.clear();
    else
        m_text = std::move(text);
    m_items.clear();
    m_entries.clear();
}

void Node::append(Node item)
{
    if (isNull())
        m_kind = Kind::Sequence;
    m_items.push_back(std::move(item));
}

namespace {

// Keys of one map mostly differ in length or first byte: test those before the bytes.
bool sameKey(const std::string &a, std::string_view b)
{
    return a.size() == b.size() && (b.empty() || (a[0] == b[0] && std::memcmp(a.data(), b.data(), b.size()) == 0));
}

} // namespace

const Node *Node::find(std::string_view key) const
{
    for (const MapEntry &e : m_entries)
        if (sameKey(e.key, key))
            return &e.value;
    return nullptr;
}

Node *Node::find(std::string_view key)
{
    for (MapEntry &e : m_entries)
        if (sameKey(e.key, key))
            return &e.value;
    return nullptr;
}

Node &Node::set(std::string_view key, Node value)
{
    if (Node *existing = find(key)) {
        *existing = std::move(value);
        return *existing;
    }
    if (isNull())
        m_kind = Kind::Map;
    m_entries.push_back(MapEntry{std::string(key), std::move(value), {}});
    return m_entries.back().value;
}

Node &Node::operator[](std::string_view key)
{
    if (Node *existing = find(key))
        return *existing;
    return set(key, Node());
}

bool Node::remove(std::string_view key)
{
    auto it = std::find_if(m_entries.begin(), m_entries.end(), [&](const MapEntry &e) { return e.key == key; });
    if (it == m_entries.end())
        return false;
    m_entries.erase(it);
    return true;
}

const Node *Node::at(std::initializer_list<std::string_view> path) const
{
    const Node *n = this;
    for (std::string_view key : path) {
        if (!n->isMap())
            return nullptr;
        n = n->find(key);
        if (!n)
            return nullptr;
    }
    return n;
}

Node *Node::at(std::initializer_list<std::string_view> path)
{
    return const_cast<Node *>(static_cast<const Node *>(this)->at(path));
}

std::string Node::textAt(std::initializer_list<std::string_view> path, std::string_view fallback) const
{
    const Node *n = at(path);
    if (!n || !n->isScalar() || n->isNull())
        return std::string(fallback);
    return n->text();
}

std::size_t Node::size() const
{
    switch (m_kind) {
    case Kind::Sequence:
        return m_items.size();
    case Kind::Map:
        return m_entries.size();
    case Kind::Scalar:
        break;
    }
    return 0;
}

bool Node::operator==(const Node &other) const
{
    if (m_kind != other.m_kind)
        return false;
    switch (m_kind) {
    case Kind::Scalar:
        return m_scalarType == other.m_scalarType && m_text == other.m_text;
    case Kind::Sequence:
        return m_items == other.m_items;
    case Kind::Map:
        if (m_entries.size() != other.m_entries.size())
            return false;
        for (const MapEntry &e : m_entries) {
            const Node *o = other.find(e.key);
            if (!o || !(*o == e.value))
                return false;
        }
        return true;
    }
    return false;
}

} // namespace capstan::manifest
