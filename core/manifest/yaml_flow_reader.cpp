#include "manifest/yaml_flow_reader.h"

#include "manifest/yaml_lexical.h"
#include "manifest/yaml_scalar.h"

namespace capstan::manifest::yaml {

namespace {

class FlowReader
{
public:
    FlowReader(std::string_view text, std::size_t lineStart, std::size_t lineEnd, int line, std::size_t pos)
        : m_text(text)
        , m_lineStart(lineStart)
        , m_lineEnd(lineEnd)
        , m_line(line)
        , m_pos(pos)
    {
    }

    FlowCollection read()
    {
        Node node = flowNode();
        return { std::move(node), m_pos };
    }

private:
    char at(std::size_t p) const { return p < m_lineEnd ? m_text[p] : '\n'; }
    Mark markAt(std::size_t p) const { return { m_line, int(p - m_lineStart) + 1 }; }
    void skipSpaces()
    {
        while (m_pos < m_lineEnd && m_text[m_pos] == ' ')
            ++m_pos;
    }

    // A flow collection or scalar inside one line ([a, "b", {c: 1}]).
    Node flowNode()
    {
        const DepthGuard guard(m_depth);
        skipSpaces();
        const Mark mark = markAt(m_pos);
        const char c = at(m_pos);
        Node node;
        if (c == '[') {
            node = Node::sequence();
            ++m_pos;
            for (;;) {
                skipSpaces();
                if (at(m_pos) == ']')
                    break;
                node.items().push_back(flowNode());
                skipSpaces();
                if (at(m_pos) == ',')
                    ++m_pos;
                else if (at(m_pos) != ']')
                    outside();
            }
            ++m_pos;
        } else if (c == '{') {
            node = Node::map();
            ++m_pos;
            for (;;) {
                skipSpaces();
                if (at(m_pos) == '}')
                    break;
                const Mark keyMark = markAt(m_pos);
                std::string key = flowKey();
                skipSpaces();
                Node value;
                if (at(m_pos) == ',' || at(m_pos) == '}')
                    value.setMark(markAt(m_pos));
                else
                    value = flowNode();
                for (const MapEntry &e : node.entries())
                    if (e.key == key)
                        outside();
                node.entries().push_back(MapEntry { std::move(key), std::move(value), keyMark });
                skipSpaces();
                if (at(m_pos) == ',')
                    ++m_pos;
                else if (at(m_pos) != '}')
                    outside();
            }
            ++m_pos;
        } else if (c == '"' || c == '\'') {
            std::string value;
            m_pos = readQuotedInLine(m_text, m_pos, m_lineEnd, value);
            if (m_pos == std::string_view::npos)
                outside();
            node = Node::string(std::move(value));
        } else {
            const std::size_t start = m_pos;
            const std::size_t end = flowPlainEnd();
            if (at(end) == ':')
                outside(); // a "key: value" pair inside a list
            ResolvedScalar r = resolvePlain(m_text.substr(start, end - start));
            node = Node::scalar(std::move(r.text), r.type);
        }
        node.setMark(mark);
        return node;
    }

    // A flow mapping key and its ':'; the cursor ends after the ':'.
    std::string flowKey()
    {
        std::string key;
        const char c = at(m_pos);
        if (c == '"' || c == '\'') {
            m_pos = readQuotedInLine(m_text, m_pos, m_lineEnd, key);
            if (m_pos == std::string_view::npos)
                outside();
            skipSpaces();
        } else {
            const std::size_t start = m_pos;
            const std::size_t end = flowPlainEnd();
            key.assign(m_text.substr(start, end - start));
            if (key == "<<")
                outside();
        }
        if (at(m_pos) != ':')
            outside(); // a key without a value ({a, b}): yaml-cpp path
        ++m_pos;
        return key;
    }

    // Scans a plain scalar in a flow collection; the cursor ends after it (trailing
    // spaces skipped); returns the end of its text.
    std::size_t flowPlainEnd()
    {
        if (startsIndicator(m_text, m_pos, m_lineEnd))
            outside();
        const std::size_t start = m_pos;
        std::size_t p = m_pos;
        for (; p < m_lineEnd; ++p) {
            const char ch = m_text[p];
            if (ch == ',' || ch == ']' || ch == '}')
                break;
            if (ch == '[' || ch == '{')
                outside();
            if (ch == ':'
                && (at(p + 1) == ' ' || at(p + 1) == '\n' || at(p + 1) == ',' || at(p + 1) == ']' || at(p + 1) == '}'))
                break;
            if (ch == '#' && p > start && m_text[p - 1] == ' ')
                outside();
        }
        if (p >= m_lineEnd)
            outside(); // the collection continues on another line
        std::size_t end = p;
        while (end > start && m_text[end - 1] == ' ')
            --end;
        m_pos = p;
        return end;
    }

    std::string_view m_text;
    std::size_t m_lineStart;
    std::size_t m_lineEnd;
    int m_line;
    std::size_t m_pos;
    int m_depth = 0;
};

} // namespace

std::optional<FlowCollection> readOneLineFlow(
    std::string_view text, std::size_t lineStart, std::size_t lineEnd, int line, std::size_t pos)
{
    try {
        return FlowReader(text, lineStart, lineEnd, line, pos).read();
    } catch (const OutsideSubset &) {
        return std::nullopt;
    }
}

} // namespace capstan::manifest::yaml
