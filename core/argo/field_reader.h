#pragma once

#include "common/result.h"
#include "manifest/object.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace capstan::argo {

// Reads typed fields out of an Object's YAML tree the way the Kubernetes API
// would decode them, strictly: a string field holds a string, a flag true or
// false. Absent and null fields read as empty. The first mistake is kept as an
// Error naming "file:line:col" and the field path ("spec.destination.namespace:
// expected a string"); later reads still return empty values so a reader can
// run to the end and check failed() once.
class FieldReader
{
public:
    using Node = manifest::Node;

    explicit FieldReader(const manifest::Object &object)
        : m_object(object)
    {
    }

    bool failed() const { return m_error.has_value(); }
    const capstan::Error &error() const { return *m_error; }

    // The mapping or sequence at key; nullptr when absent, null or wrongly typed.
    const Node *map(const Node &parent, std::string_view key, const std::string &path);
    const Node *sequence(const Node &parent, std::string_view key, const std::string &path);

    std::string string(const Node &parent, std::string_view key, const std::string &path);
    bool boolean(const Node &parent, std::string_view key, const std::string &path, bool fallback = false);
    std::optional<std::int64_t> integer(const Node &parent, std::string_view key, const std::string &path);
    // An int-or-string (Kubernetes' IntOrString, "3" or 3) that must hold an integer.
    std::optional<std::int64_t> integerOrString(const Node &parent, std::string_view key, const std::string &path);
    std::vector<std::string> stringList(const Node &parent, std::string_view key, const std::string &path);
    std::map<std::string, std::string> stringMap(const Node &parent, std::string_view key, const std::string &path);

    // A scalar item of a sequence that must be a string.
    std::string stringItem(const Node &item, const std::string &path);
    // Whether an item of a sequence is a mapping (reports the error when not).
    bool expectMap(const Node &node, const std::string &path);

    // Records an error at the place of `key` in parent (or parent itself when
    // key is absent); the first error wins.
    void fail(const Node &parent, std::string_view key, const std::string &path, const std::string &message);
    void failAt(manifest::Mark mark, const std::string &path, const std::string &message);

    // "file:line:col" of key within parent, or of parent when key is empty or absent.
    std::string where(const Node &parent, std::string_view key = {}) const;
    manifest::Mark markOf(const Node &parent, std::string_view key) const;

    const manifest::Object &object() const { return m_object; }

private:
    // The non-null value at key, else nullptr.
    const Node *value(const Node &parent, std::string_view key) const;

    const manifest::Object &m_object;
    std::optional<capstan::Error> m_error;
};

} // namespace capstan::argo
