#include "argo/field_reader.h"

#include <charconv>

namespace capstan::argo {

using manifest::Mark;
using manifest::ScalarType;

const manifest::Node *FieldReader::value(const Node &parent, std::string_view key) const
{
    if (!parent.isMap())
        return nullptr;
    const Node *node = parent.find(key);
    return node && !node->isNull() ? node : nullptr;
}

Mark FieldReader::markOf(const Node &parent, std::string_view key) const
{
    if (!key.empty() && parent.isMap()) {
        for (const manifest::MapEntry &entry : parent.entries()) {
            if (entry.key != key)
                continue;
            // The key is where a reader looks for a field; its value otherwise.
            if (entry.keyMark.line > 0)
                return entry.keyMark;
            if (entry.value.mark().line > 0)
                return entry.value.mark();
        }
    }
    return parent.mark();
}

std::string FieldReader::where(const Node &parent, std::string_view key) const
{
    return m_object.source().where(markOf(parent, key));
}

void FieldReader::failAt(Mark mark, const std::string &path, const std::string &message)
{
    if (!m_error)
        m_error = capstan::makeError(path.empty() ? message : path + ": " + message, m_object.source().where(mark));
}

void FieldReader::fail(const Node &parent, std::string_view key, const std::string &path, const std::string &message)
{
    failAt(markOf(parent, key), path, message);
}

const manifest::Node *FieldReader::map(const Node &parent, std::string_view key, const std::string &path)
{
    const Node *node = value(parent, key);
    if (node && !node->isMap()) {
        fail(parent, key, path, "expected a map");
        return nullptr;
    }
    return node;
}

const manifest::Node *FieldReader::sequence(const Node &parent, std::string_view key, const std::string &path)
{
    const Node *node = value(parent, key);
    if (node && !node->isSequence()) {
        fail(parent, key, path, "expected a list");
        return nullptr;
    }
    return node;
}

std::string FieldReader::string(const Node &parent, std::string_view key, const std::string &path)
{
    const Node *node = value(parent, key);
    if (!node)
        return {};
    if (!node->isString()) {
        fail(parent, key, path, node->isScalar() ? "expected a string (quote the value)" : "expected a string");
        return {};
    }
    return node->text();
}

bool FieldReader::boolean(const Node &parent, std::string_view key, const std::string &path, bool fallback)
{
    const Node *node = value(parent, key);
    if (!node)
        return fallback;
    if (!node->isScalar() || node->scalarType() != ScalarType::Bool) {
        fail(parent, key, path, "expected true or false");
        return fallback;
    }
    return node->text() == "true";
}

std::optional<std::int64_t> FieldReader::integer(const Node &parent, std::string_view key, const std::string &path)
{
    const Node *node = value(parent, key);
    if (!node)
        return std::nullopt;
    std::int64_t out = 0;
    const std::string &text = node->text();
    if (node->isScalar() && node->scalarType() == ScalarType::Int
        && std::from_chars(text.data(), text.data() + text.size(), out).ec == std::errc())
        return out;
    fail(parent, key, path, "expected an integer");
    return std::nullopt;
}

std::optional<std::int64_t> FieldReader::integerOrString(
    const Node &parent, std::string_view key, const std::string &path)
{
    const Node *node = value(parent, key);
    if (node && node->isString()) {
        std::int64_t out = 0;
        const std::string &text = node->text();
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
        if (ec == std::errc() && end == text.data() + text.size() && !text.empty())
            return out;
        fail(parent, key, path, "expected an integer, got '" + text + "'");
        return std::nullopt;
    }
    return integer(parent, key, path);
}

std::string FieldReader::stringItem(const Node &item, const std::string &path)
{
    if (!item.isString()) {
        failAt(item.mark(), path, "expected a string");
        return {};
    }
    return item.text();
}

bool FieldReader::expectMap(const Node &node, const std::string &path)
{
    if (node.isMap())
        return true;
    failAt(node.mark(), path, "expected a map");
    return false;
}

std::vector<std::string> FieldReader::stringList(const Node &parent, std::string_view key, const std::string &path)
{
    std::vector<std::string> out;
    const Node *list = sequence(parent, key, path);
    if (!list)
        return out;
    for (std::size_t i = 0; i < list->items().size(); ++i)
        out.push_back(stringItem(list->items()[i], path + "[" + std::to_string(i) + "]"));
    return out;
}

std::map<std::string, std::string> FieldReader::stringMap(
    const Node &parent, std::string_view key, const std::string &path)
{
    std::map<std::string, std::string> out;
    const Node *node = map(parent, key, path);
    if (!node)
        return out;
    for (const manifest::MapEntry &entry : node->entries()) {
        const std::string entryPath = path + "." + entry.key;
        if (entry.value.isNull()) {
            out[entry.key];
            continue;
        }
        out[entry.key] = string(*node, entry.key, entryPath);
    }
    return out;
}

} // namespace capstan::argo
