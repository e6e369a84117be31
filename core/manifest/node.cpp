#include "manifest/node.h"

#include <cassert>
#include <cstdint>
#include <cstring>

#include <algorithm>
#include <new>
#include <utility>

namespace capstan::manifest {

Node::Node()
    : m_text()
{
}

Node::Node(const Node &other)
    : m_kind(other.m_kind)
    , m_scalarType(other.m_scalarType)
    , m_mark(other.m_mark)
{
    switch (m_kind) {
    case Kind::Scalar:
        new (&m_text) std::string(other.m_text);
        break;
    case Kind::Sequence:
        new (&m_items) std::vector<Node>(other.m_items);
        break;
    case Kind::Map:
        new (&m_entries) std::vector<MapEntry>(other.m_entries);
        break;
    }
}

Node::Node(Node &&other) noexcept
    : m_kind(other.m_kind)
    , m_scalarType(other.m_scalarType)
    , m_mark(other.m_mark)
{
    takeContent(other);
}

void Node::takeContent(Node &other) noexcept
{
    switch (m_kind) {
    case Kind::Scalar:
        new (&m_text) std::string(std::move(other.m_text));
        break;
    case Kind::Sequence:
        new (&m_items) std::vector<Node>(std::move(other.m_items));
        break;
    case Kind::Map:
        new (&m_entries) std::vector<MapEntry>(std::move(other.m_entries));
        break;
    }
}

Node &Node::operator=(const Node &other)
{
    if (this != &other) {
        Node copy(other); // other may live inside this node
        *this = std::move(copy);
    }
    return *this;
}

Node &Node::operator=(Node &&other) noexcept
{
    if (this == &other)
        return *this;
    if (m_kind == other.m_kind) {
        // Each member's move assignment takes other's storage before it frees
        // its own, so other may be a child of this node; other's own fields are
        // read first, since freeing this node's old content may free other.
        m_scalarType = other.m_scalarType;
        m_mark = other.m_mark;
        switch (m_kind) {
        case Kind::Scalar:
            m_text = std::move(other.m_text);
            break;
        case Kind::Sequence:
            m_items = std::move(other.m_items);
            break;
        case Kind::Map:
            m_entries = std::move(other.m_entries);
            break;
        }
        return *this;
    }
    Node taken(std::move(other)); // before this node's content (maybe holding other) goes
    destroyContent();
    m_kind = taken.m_kind;
    m_scalarType = taken.m_scalarType;
    m_mark = taken.m_mark;
    takeContent(taken);
    return *this;
}

Node::~Node()
{
    destroyContent();
}

void Node::destroyContent() noexcept
{
    switch (m_kind) {
    case Kind::Scalar:
        m_text.~basic_string();
        break;
    case Kind::Sequence:
        m_items.~vector();
        break;
    case Kind::Map:
        m_entries.~vector();
        break;
    }
}

void Node::becomeKind(Kind kind)
{
    if (m_kind == kind)
        return;
    destroyContent();
    m_kind = kind;
    switch (kind) {
    case Kind::Scalar:
        new (&m_text) std::string();
        break;
    case Kind::Sequence:
        new (&m_items) std::vector<Node>();
        break;
    case Kind::Map:
        new (&m_entries) std::vector<MapEntry>();
        break;
    }
}

const std::string &Node::emptyText()
{
    static const std::string none;
    return none;
}

const std::vector<Node> &Node::emptyItems()
{
    static const std::vector<Node> none;
    return none;
}

template <typename List>
List &Node::listToChange(Kind kind, List &list)
{
    if (m_kind == kind)
        return list;
    if (isNull()) {
        becomeKind(kind); // list is now the live member
        return list;
    }
    assert(false && "changing the children of a node of another kind");
    thread_local List ignored;
    ignored.clear();
    return ignored;
}

std::vector<Node> &Node::items()
{
    return listToChange(Kind::Sequence, m_items);
}

std::vector<MapEntry> &Node::entries()
{
    return listToChange(Kind::Map, m_entries);
}

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
    n.becomeKind(Kind::Sequence);
    return n;
}

Node Node::map()
{
    Node n;
    n.becomeKind(Kind::Map);
    return n;
}

void Node::setScalar(std::string &&text, ScalarType type)
{
    if (m_kind != Kind::Scalar) {
        std::string kept(std::move(text)); // text may live inside this node
        becomeKind(Kind::Scalar);
        m_text = std::move(kept);
    } else {
        m_text = std::move(text);
    }
    m_scalarType = type;
    if (type == ScalarType::Null)
        m_text.clear();
}

void Node::append(Node item)
{
    items().push_back(std::move(item));
}

namespace {

// Keys of one map mostly differ in length or first byte: test those before the
// bytes, which are compared in place (keys are short; a call to memcmp costs
// more than the comparison).
[[gnu::always_inline]] inline bool sameKey(const std::string &a, std::string_view b)
{
    const std::size_t n = b.size();
    if (a.size() != n)
        return false;
    if (n == 0)
        return true;
    const char *p = a.data();
    const char *q = b.data();
    if (p[0] != q[0])
        return false;
    if (n < 8) {
        for (std::size_t i = 1; i < n; ++i)
            if (p[i] != q[i])
                return false;
        return true;
    }
    std::uint64_t x, y;
    for (std::size_t i = 0; i + 8 <= n; i += 8) {
        std::memcpy(&x, p + i, 8);
        std::memcpy(&y, q + i, 8);
        if (x != y)
            return false;
    }
    // The last eight bytes, overlapping what was compared.
    std::memcpy(&x, p + n - 8, 8);
    std::memcpy(&y, q + n - 8, 8);
    return x == y;
}

} // namespace

const Node *Node::find(std::string_view key) const
{
    if (m_kind != Kind::Map)
        return nullptr;
    for (const MapEntry &e : m_entries)
        if (sameKey(e.key, key))
            return &e.value;
    return nullptr;
}

Node *Node::find(std::string_view key)
{
    if (m_kind != Kind::Map)
        return nullptr;
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
    if (m_kind != Kind::Map) {
        assert(isNull() && "set() on a scalar or sequence");
        Node kept(std::move(value)); // value may live inside this node
        becomeKind(Kind::Map); // what was here is replaced
        m_entries.push_back(MapEntry{std::string(key), std::move(kept), {}});
        return m_entries.back().value;
    }
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
    if (m_kind != Kind::Map)
        return false;
    auto it = std::find_if(m_entries.begin(), m_entries.end(), [&](const MapEntry &e) { return sameKey(e.key, key); });
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
