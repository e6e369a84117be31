#include "cluster/json_codec_p.h"

#include <cstdio>

namespace capstan::cluster::detail {

using manifest::Node;
using manifest::ScalarType;

namespace {

void appendString(std::string &out, std::string_view s)
{
    out += '"';
    std::size_t run = 0; // start of the characters not yet copied
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20)
            continue;
        out.append(s.data() + run, i - run);
        run = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        default: {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
            out += buf;
        }
        }
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
}

bool isJsonNumber(std::string_view t)
{
    if (t.empty())
        return false;
    std::size_t i = 0;
    if (t[i] == '-')
        ++i;
    bool digits = false;
    for (; i < t.size(); ++i) {
        const char c = t[i];
        if (c >= '0' && c <= '9')
            digits = true;
        else if (c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-')
            return false;
    }
    return digits;
}

class Reader
{
public:
    explicit Reader(std::string_view text)
        : m_text(text)
    {
    }

    capstan::Result<Node> readDocument()
    {
        Node n;
        if (!readValue(n))
            return makeError("stored object is not valid JSON at offset " + std::to_string(m_pos));
        return n;
    }

private:
    bool readValue(Node &out)
    {
        skip();
        if (m_pos >= m_text.size())
            return false;
        const char c = m_text[m_pos];
        if (c == '{') {
            ++m_pos;
            out = Node::map();
            skip();
            if (consume('}'))
                return true;
            do {
                skip();
                std::string key;
                if (!readString(key))
                    return false;
                skip();
                if (!consume(':'))
                    return false;
                out.entries().push_back(manifest::MapEntry { std::move(key), Node(), {} });
                if (!readValue(out.entries().back().value))
                    return false;
                skip();
            } while (consume(','));
            return consume('}');
        }
        if (c == '[') {
            ++m_pos;
            out = Node::sequence();
            skip();
            if (consume(']'))
                return true;
            do {
                out.items().emplace_back();
                if (!readValue(out.items().back()))
                    return false;
                skip();
            } while (consume(','));
            return consume(']');
        }
        if (c == '"') {
            std::string s;
            if (!readString(s))
                return false;
            out = Node::string(std::move(s));
            return true;
        }
        if (m_text.compare(m_pos, 4, "null") == 0) {
            m_pos += 4;
            out = Node::null();
            return true;
        }
        if (m_text.compare(m_pos, 4, "true") == 0) {
            m_pos += 4;
            out = Node::boolean(true);
            return true;
        }
        if (m_text.compare(m_pos, 5, "false") == 0) {
            m_pos += 5;
            out = Node::boolean(false);
            return true;
        }
        const std::size_t start = m_pos;
        bool isFloat = false;
        while (m_pos < m_text.size()) {
            const char d = m_text[m_pos];
            if (d == '.' || d == 'e' || d == 'E')
                isFloat = true;
            else if (!((d >= '0' && d <= '9') || d == '-' || d == '+'))
                break;
            ++m_pos;
        }
        if (start == m_pos)
            return false;
        out = Node::scalar(
            std::string(m_text.substr(start, m_pos - start)), isFloat ? ScalarType::Float : ScalarType::Int);
        return true;
    }

    bool readString(std::string &out)
    {
        if (!consume('"'))
            return false;
        while (m_pos < m_text.size()) {
            // Copy the run up to the next quote or escape in one go.
            std::size_t end = m_pos;
            while (end < m_text.size() && m_text[end] != '"' && m_text[end] != '\\')
                ++end;
            out.append(m_text.data() + m_pos, end - m_pos);
            m_pos = end;
            if (m_pos >= m_text.size())
                return false;
            if (m_text[m_pos++] == '"')
                return true;
            if (m_pos >= m_text.size())
                return false;
            const char e = m_text[m_pos++];
            switch (e) {
            case 'n':
                out += '\n';
                break;
            case 't':
                out += '\t';
                break;
            case 'r':
                out += '\r';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'u': {
                if (m_pos + 4 > m_text.size())
                    return false;
                const unsigned code = std::stoul(std::string(m_text.substr(m_pos, 4)), nullptr, 16);
                m_pos += 4;
                appendUtf8(out, code);
                break;
            }
            default:
                out += e;
            }
        }
        return false;
    }

    static void appendUtf8(std::string &out, unsigned code)
    {
        if (code < 0x80) {
            out += static_cast<char>(code);
        } else if (code < 0x800) {
            out += static_cast<char>(0xC0 | (code >> 6));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else {
            out += static_cast<char>(0xE0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        }
    }

    void skip()
    {
        while (m_pos < m_text.size()
            && (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' || m_text[m_pos] == '\t' || m_text[m_pos] == '\r'))
            ++m_pos;
    }
    bool consume(char c)
    {
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

} // namespace

void appendJson(std::string &out, const Node &node)
{
    switch (node.kind()) {
    case Node::Kind::Map: {
        out += '{';
        bool first = true;
        for (const auto &e : node.entries()) {
            if (!first)
                out += ',';
            first = false;
            appendString(out, e.key);
            out += ':';
            appendJson(out, e.value);
        }
        out += '}';
        return;
    }
    case Node::Kind::Sequence: {
        out += '[';
        bool first = true;
        for (const Node &item : node.items()) {
            if (!first)
                out += ',';
            first = false;
            appendJson(out, item);
        }
        out += ']';
        return;
    }
    case Node::Kind::Scalar:
        break;
    }
    switch (node.scalarType()) {
    case ScalarType::Null:
        out += "null";
        return;
    case ScalarType::Bool:
        out += node.text() == "true" ? "true" : "false";
        return;
    case ScalarType::Int:
    case ScalarType::Float:
        // .inf / .nan have no JSON spelling; they survive as strings.
        if (isJsonNumber(node.text())) {
            out += node.text();
            return;
        }
        break;
    case ScalarType::String:
        break;
    }
    appendString(out, node.text());
}

std::string toJson(const Node &node)
{
    std::string out;
    appendJson(out, node);
    return out;
}

capstan::Result<Node> fromJson(std::string_view text)
{
    return Reader(text).readDocument();
}

} // namespace capstan::cluster::detail
