#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace capstan::manifest {

// A position in a YAML source, 1-based; 0 means unknown (a node made in code).
struct Mark
{
    int line = 0;
    int column = 0;
};

// The resolved type of a scalar, as Kubernetes tooling (go-yaml) resolves it.
enum class ScalarType { Null, Bool, Int, Float, String };

struct MapEntry;

// One YAML node: a scalar, a sequence or a mapping. A value type; copies are deep.
// Mappings keep their entries in source order (the emitter sorts keys).
//
// A node holds only what its kind needs (the text, the items or the entries
// share their storage), so a tree of them is about half the size it would be
// with all three. items() and entries() of a node of another kind are empty;
// asked for to change them, a null scalar first becomes an empty sequence or
// mapping, and any other node hands out an empty list that nothing reads.
class Node
{
public:
    enum class Kind { Scalar, Sequence, Map };

    Node(); // a null scalar
    Node(const Node &);
    Node(Node &&) noexcept;
    Node &operator=(const Node &);
    Node &operator=(Node &&) noexcept;
    ~Node();

    static Node null();
    static Node string(std::string value);
    static Node scalar(std::string text, ScalarType type);
    static Node boolean(bool value);
    static Node integer(std::int64_t value);
    static Node sequence();
    static Node map();

    Kind kind() const { return m_kind; }
    bool isScalar() const { return m_kind == Kind::Scalar; }
    bool isNull() const { return m_kind == Kind::Scalar && m_scalarType == ScalarType::Null; }
    bool isString() const { return m_kind == Kind::Scalar && m_scalarType == ScalarType::String; }
    bool isSequence() const { return m_kind == Kind::Sequence; }
    bool isMap() const { return m_kind == Kind::Map; }

    // Scalars: the canonical text of the value ("true", "42", "0.5", "" for null).
    ScalarType scalarType() const { return m_scalarType; }
    const std::string &text() const { return m_kind == Kind::Scalar ? m_text : emptyText(); }
    void setScalar(std::string &&text, ScalarType type);
    void setScalar(const std::string &text, ScalarType type) { setScalar(std::string(text), type); }

    // Sequences.
    const std::vector<Node> &items() const { return m_kind == Kind::Sequence ? m_items : emptyItems(); }
    std::vector<Node> &items();
    void append(Node item);

    // Mappings (keys are strings; a non-string key is kept as its text).
    const std::vector<MapEntry> &entries() const;
    std::vector<MapEntry> &entries();
    const Node *find(std::string_view key) const;
    Node *find(std::string_view key);
    bool contains(std::string_view key) const { return find(key) != nullptr; }
    // Sets key to value, replacing an existing entry in place or appending a new one.
    Node &set(std::string_view key, Node value);
    // The value at key, inserting a null entry if absent; a null node becomes a map first.
    Node &operator[](std::string_view key);
    bool remove(std::string_view key);

    // Follows a path of map keys; nullptr where any step is missing or not a map.
    const Node *at(std::initializer_list<std::string_view> path) const;
    Node *at(std::initializer_list<std::string_view> path);
    // The string value at a path, or fallback where it is absent or not a scalar.
    std::string textAt(std::initializer_list<std::string_view> path, std::string_view fallback = {}) const;

    // Sequences and mappings: number of children; scalars: 0.
    std::size_t size() const;
    bool empty() const { return size() == 0; }

    Mark mark() const { return m_mark; }
    void setMark(Mark mark) { m_mark = mark; }

    // Structural equality: same kind, same values; mapping order and marks do not count.
    bool operator==(const Node &other) const;

private:
    static const std::string &emptyText();
    static const std::vector<Node> &emptyItems();
    // Ends the life of the member the kind selects and starts the one of kind.
    void becomeKind(Kind kind);
    void destroyContent() noexcept;
    // Starts the life of the member m_kind selects with other's content (moved).
    void takeContent(Node &other) noexcept;
    // items() and entries(): list, the member for kind, once this node has that
    // kind (a null takes it), else a list nothing reads.
    template <typename List>
    List &listToChange(Kind kind, List &list);

    Kind m_kind = Kind::Scalar;
    ScalarType m_scalarType = ScalarType::Null;
    Mark m_mark;
    union {
        std::string m_text; // Scalar
        std::vector<Node> m_items; // Sequence
        std::vector<MapEntry> m_entries; // Map
    };
};

struct MapEntry
{
    std::string key;
    Node value;
    Mark keyMark;
};

inline const std::vector<MapEntry> &Node::entries() const
{
    static const std::vector<MapEntry> none;
    return m_kind == Kind::Map ? m_entries : none;
}

} // namespace capstan::manifest
