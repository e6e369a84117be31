#include "reconcile/compare/jq_path.h"

#include <cctype>
#include <variant>

namespace capstan::compare {

using manifest::Node;

namespace {

// One step of a parsed path: a key, an index, or "every child" ([]).
struct Step
{
    enum class Type { Key, Index, Each } type = Type::Key;
    std::string key;
    int index = 0;
};

struct Select
{
    std::vector<Step> path;
    bool equal = true;
    std::string literal;
    bool literalIsString = false;
    bool literalIsNull = false;
};

using Stage = std::variant<std::vector<Step>, Select>;

class Parser
{
public:
    explicit Parser(std::string_view text)
        : m_text(text)
    {
    }

    capstan::Result<std::vector<Stage>> parse()
    {
        std::vector<Stage> stages;
        while (true) {
            skipSpace();
            if (m_text.substr(m_pos, 6) == "select") {
                m_pos += 6;
                Select select;
                if (!expect('(') || !parsePath(select.path) || !parseOperator(select.equal) || !parseLiteral(select)
                    || !expect(')'))
                    return failure();
                stages.emplace_back(std::move(select));
            } else {
                std::vector<Step> path;
                if (!parsePath(path))
                    return failure();
                stages.emplace_back(std::move(path));
            }
            skipSpace();
            if (m_pos == m_text.size())
                return stages;
            if (!expect('|'))
                return failure();
        }
    }

private:
    capstan::Error failure() const
    {
        return capstan::makeError("unsupported jq path expression \"" + std::string(m_text) + "\" at character "
            + std::to_string(m_pos + 1) + " (supported: .a.b, .a[], .a[0], .a[\"k\"], | select(.k == \"v\"))");
    }

    void skipSpace()
    {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])))
            ++m_pos;
    }

    bool expect(char c)
    {
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }

    bool parseQuoted(std::string &out)
    {
        if (m_pos >= m_text.size() || m_text[m_pos] != '"')
            return false;
        ++m_pos;
        out.clear();
        while (m_pos < m_text.size() && m_text[m_pos] != '"') {
            if (m_text[m_pos] == '\\' && m_pos + 1 < m_text.size())
                ++m_pos;
            out += m_text[m_pos++];
        }
        return m_pos < m_text.size() && m_text[m_pos++] == '"';
    }

    static bool isNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }

    // "." alone, or a chain of .name, ."name", [], [N], ["name"].
    bool parsePath(std::vector<Step> &steps)
    {
        skipSpace();
        if (m_pos >= m_text.size() || m_text[m_pos] != '.')
            return false;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == '.') {
                ++m_pos;
                if (m_pos < m_text.size() && m_text[m_pos] == '"') {
                    Step step;
                    if (!parseQuoted(step.key))
                        return false;
                    steps.push_back(std::move(step));
                } else if (m_pos < m_text.size() && isNameChar(m_text[m_pos])) {
                    Step step;
                    while (m_pos < m_text.size() && isNameChar(m_text[m_pos]))
                        step.key += m_text[m_pos++];
                    steps.push_back(std::move(step));
                }
            } else if (c == '[') {
                ++m_pos;
                Step step;
                if (m_pos < m_text.size() && m_text[m_pos] == ']') {
                    step.type = Step::Type::Each;
                } else if (m_pos < m_text.size() && m_text[m_pos] == '"') {
                    if (!parseQuoted(step.key))
                        return false;
                } else {
                    step.type = Step::Type::Index;
                    const std::size_t start = m_pos;
                    while (m_pos < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[m_pos])))
                        ++m_pos;
                    if (start == m_pos)
                        return false;
                    step.index = std::stoi(std::string(m_text.substr(start, m_pos - start)));
                }
                if (m_pos >= m_text.size() || m_text[m_pos] != ']')
                    return false;
                ++m_pos;
                steps.push_back(std::move(step));
            } else {
                break;
            }
        }
        return true;
    }

    bool parseOperator(bool &equal)
    {
        skipSpace();
        const std::string_view op = m_text.substr(m_pos, 2);
        if (op != "==" && op != "!=")
            return false;
        equal = op == "==";
        m_pos += 2;
        return true;
    }

    bool parseLiteral(Select &select)
    {
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == '"') {
            select.literalIsString = true;
            return parseQuoted(select.literal);
        }
        const std::size_t start = m_pos;
        while (m_pos < m_text.size()
            && (std::isalnum(static_cast<unsigned char>(m_text[m_pos])) || m_text[m_pos] == '.'
                || m_text[m_pos] == '-'))
            ++m_pos;
        select.literal = std::string(m_text.substr(start, m_pos - start));
        select.literalIsNull = select.literal == "null";
        return !select.literal.empty();
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

struct Selected
{
    FieldPath path;
    const Node *node = nullptr;
};

std::vector<Selected> applyPath(const std::vector<Selected> &input, const std::vector<Step> &steps)
{
    std::vector<Selected> current = input;
    for (const Step &step : steps) {
        std::vector<Selected> next;
        for (const Selected &s : current) {
            const Node &node = *s.node;
            if (step.type == Step::Type::Key) {
                const Node *child = node.isMap() ? node.find(step.key) : nullptr;
                if (child) {
                    Selected out { s.path, child };
                    out.path.push_back(PathStep { step.key, -1 });
                    next.push_back(std::move(out));
                }
            } else if (step.type == Step::Type::Index) {
                if (node.isSequence() && step.index < static_cast<int>(node.items().size())) {
                    Selected out { s.path, &node.items()[step.index] };
                    out.path.push_back(PathStep { {}, step.index });
                    next.push_back(std::move(out));
                }
            } else if (node.isSequence()) {
                for (std::size_t i = 0; i < node.items().size(); ++i) {
                    Selected out { s.path, &node.items()[i] };
                    out.path.push_back(PathStep { {}, static_cast<int>(i) });
                    next.push_back(std::move(out));
                }
            } else if (node.isMap()) {
                for (const manifest::MapEntry &e : node.entries()) {
                    Selected out { s.path, &e.value };
                    out.path.push_back(PathStep { e.key, -1 });
                    next.push_back(std::move(out));
                }
            }
        }
        current = std::move(next);
    }
    return current;
}

bool literalMatches(const Node *node, const Select &select)
{
    if (!node)
        return select.literalIsNull; // jq: a missing field is null
    if (!node->isScalar())
        return false;
    if (select.literalIsNull)
        return node->isNull();
    if (select.literalIsString)
        return node->isString() && node->text() == select.literal;
    return !node->isString() && node->text() == select.literal;
}

} // namespace

capstan::Result<std::vector<FieldPath>> jqPaths(const Node &root, std::string_view expression)
{
    auto stages = Parser(expression).parse();
    if (!stages)
        return stages.error();
    std::vector<Selected> current { Selected { {}, &root } };
    for (const Stage &stage : *stages) {
        if (const auto *path = std::get_if<std::vector<Step>>(&stage)) {
            current = applyPath(current, *path);
            continue;
        }
        const Select &select = std::get<Select>(stage);
        std::vector<Selected> kept;
        for (const Selected &s : current) {
            const std::vector<Selected> values = applyPath({ Selected { {}, s.node } }, select.path);
            const bool equal
                = values.empty() ? literalMatches(nullptr, select) : literalMatches(values.front().node, select);
            if (equal == select.equal)
                kept.push_back(s);
        }
        current = std::move(kept);
    }
    std::vector<FieldPath> paths;
    for (Selected &s : current)
        if (!s.path.empty())
            paths.push_back(std::move(s.path));
    return paths;
}

} // namespace capstan::compare
