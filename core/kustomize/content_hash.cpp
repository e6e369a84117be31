#include "kustomize/content_hash.h"

#include "kustomize/sha256.h"

#include <algorithm>
#include <cstdio>

namespace capstan::kustomize {

using manifest::Node;
using manifest::ScalarType;

namespace {

// Decodes one UTF-8 sequence at s[i]; returns its length, 0 when invalid.
std::size_t utf8Length(const std::string &s, std::size_t i, unsigned &codePoint)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size())
        return 0;
    codePoint = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0;
        codePoint = (codePoint << 6) | (byte(i + k) & 0x3F);
    }
    static const unsigned minimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (codePoint < minimum[len] || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        return 0;
    return len;
}

void appendJsonString(std::string &out, const std::string &s)
{
    out += '"';
    char buffer[8];
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '<': case '>': case '&':
                std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                out += buffer;
                break;
            default:
                if (c < 0x20) {
                    std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                    out += buffer;
                } else {
                    out += static_cast<char>(c);
                }
            }
            ++i;
            continue;
        }
        unsigned codePoint = 0;
        const std::size_t len = utf8Length(s, i, codePoint);
        if (len == 0) {
            out += "\\ufffd";
            ++i;
        } else if (codePoint == 0x2028 || codePoint == 0x2029) {
            std::snprintf(buffer, sizeof buffer, "\\u%04x", codePoint);
            out += buffer;
            i += len;
        } else {
            out.append(s, i, len);
            i += len;
        }
    }
    out += '"';
}

void appendJson(std::string &out, const Node &node)
{
    switch (node.kind()) {
    case Node::Kind::Scalar:
        switch (node.scalarType()) {
        case ScalarType::Null: out += "null"; break;
        case ScalarType::Bool:
        case ScalarType::Int:
        case ScalarType::Float: out += node.text(); break;
        case ScalarType::String: appendJsonString(out, node.text()); break;
        }
        return;
    case Node::Kind::Sequence:
        out += '[';
        for (std::size_t i = 0; i < node.items().size(); ++i) {
            if (i > 0)
                out += ',';
            appendJson(out, node.items()[i]);
        }
        out += ']';
        return;
    case Node::Kind::Map: {
        std::vector<const manifest::MapEntry *> entries;
        for (const auto &e : node.entries())
            entries.push_back(&e);
        std::sort(entries.begin(), entries.end(), [](auto *a, auto *b) { return a->key < b->key; });
        out += '{';
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (i > 0)
                out += ',';
            appendJsonString(out, entries[i]->key);
            out += ':';
            appendJson(out, entries[i]->value);
        }
        out += '}';
        return;
    }
    }
}

// kustomize's getNodeValues: a missing field counts as "", a scalar as its text.
Node valueOrEmpty(const Node *node)
{
    if (!node)
        return Node::string("");
    if (node->isScalar())
        return Node::string(node->text());
    return *node;
}

} // namespace

std::string encodeJson(const Node &node)
{
    std::string out;
    appendJson(out, node);
    return out;
}

std::string contentHash(const Node &object)
{
    const std::string kind = object.textAt({"kind"});
    Node identity = Node::map();
    identity.set("kind", Node::string(kind));
    // kustomize looks the name up as one field called "metadata/name", which never
    // exists: the name is always "" in the hashed text.
    identity.set("name", Node::string(""));
    identity.set("data", valueOrEmpty(object.find("data")));
    if (kind == "Secret") {
        identity.set("type", valueOrEmpty(object.find("type")));
        if (const Node *stringData = object.find("stringData"); stringData && stringData->isMap())
            identity.set("stringData", *stringData);
    } else if (const Node *binaryData = object.find("binaryData"); binaryData && binaryData->isMap()) {
        identity.set("binaryData", *binaryData);
    }
    const std::string encoded = kind == "ConfigMap" || kind == "Secret" ? encodeJson(identity) : encodeJson(object);
    std::string suffix = sha256Hex(encoded).substr(0, 10);
    for (char &c : suffix) {
        switch (c) {
        case '0': c = 'g'; break;
        case '1': c = 'h'; break;
        case '3': c = 'k'; break;
        case 'a': c = 'm'; break;
        case 'e': c = 't'; break;
        default: break;
        }
    }
    return suffix;
}

} // namespace capstan::kustomize
