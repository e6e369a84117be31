#include "kustomize/content_hash.h"

#include "kustomize/sha256.h"
#include "kustomize/text_encoding.h"

#include <algorithm>
#include <cstdio>

namespace capstan::kustomize {

using manifest::Node;
using manifest::ScalarType;

namespace {

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
        char32_t codePoint = 0;
        const std::size_t len = utf8SequenceLength(s, i, codePoint);
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
