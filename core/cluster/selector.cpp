#include "cluster/selector.h"

#include <algorithm>
#include <cctype>

namespace capstan::cluster {

namespace {

using Op = Requirement::Operator;

bool isKeyChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '/';
}

// A tokenizer-free recursive reader over the selector text.
class SelectorReader
{
public:
    explicit SelectorReader(std::string_view text)
        : m_text(text)
    {
    }

    capstan::Result<LabelSelector> read()
    {
        std::vector<Requirement> out;
        skipSpace();
        if (atEnd())
            return LabelSelector();
        while (true) {
            auto req = readRequirement();
            if (!req)
                return req.error();
            out.push_back(std::move(*req));
            skipSpace();
            if (atEnd())
                break;
            if (!consume(','))
                return fail("expected ',' between requirements");
        }
        return LabelSelector(std::move(out));
    }

private:
    capstan::Result<Requirement> readRequirement()
    {
        Requirement req;
        skipSpace();
        bool negated = consume('!');
        skipSpace();
        req.key = readWord();
        if (req.key.empty())
            return fail("expected a label key");
        skipSpace();
        if (negated) {
            req.op = Op::DoesNotExist;
            return req;
        }
        if (atEnd() || peek() == ',') {
            req.op = Op::Exists;
            return req;
        }
        if (consume('!')) {
            if (!consume('='))
                return fail("expected '!=' after '!'");
            req.op = Op::NotEquals;
        } else if (consume('=')) {
            consume('=');
            req.op = Op::Equals;
        } else {
            const std::string word = readWord();
            if (word == "in")
                req.op = Op::In;
            else if (word == "notin")
                req.op = Op::NotIn;
            else
                return fail("expected '=', '!=', 'in' or 'notin' after '" + req.key + "'");
            skipSpace();
            if (!consume('('))
                return fail("expected '(' after '" + word + "'");
            while (true) {
                skipSpace();
                req.values.push_back(readWord());
                skipSpace();
                if (consume(')'))
                    break;
                if (!consume(','))
                    return fail("expected ',' or ')' in value list");
            }
            return req;
        }
        skipSpace();
        req.values.push_back(readWord());
        return req;
    }

    std::string readWord()
    {
        const std::size_t start = m_pos;
        while (!atEnd() && isKeyChar(peek()))
            ++m_pos;
        return std::string(m_text.substr(start, m_pos - start));
    }
    void skipSpace()
    {
        while (!atEnd() && std::isspace(static_cast<unsigned char>(peek())))
            ++m_pos;
    }
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return m_text[m_pos]; }
    bool consume(char c)
    {
        if (atEnd() || peek() != c)
            return false;
        ++m_pos;
        return true;
    }
    capstan::Error fail(const std::string &what) const
    {
        return makeError("invalid label selector \"" + std::string(m_text) + "\" at column " + std::to_string(m_pos + 1)
            + ": " + what);
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

} // namespace

bool Requirement::matches(const Labels &labels) const
{
    const auto it = labels.find(key);
    const bool has = it != labels.end();
    const auto inValues = [&] {
        return has && std::find(values.begin(), values.end(), it->second) != values.end();
    };
    switch (op) {
    case Op::Equals:
    case Op::In:
        return inValues();
    case Op::NotEquals:
    case Op::NotIn:
        return !inValues(); // Kubernetes: an absent key satisfies != and notin
    case Op::Exists:
        return has;
    case Op::DoesNotExist:
        return !has;
    }
    return false;
}

capstan::Result<LabelSelector> LabelSelector::parse(std::string_view text)
{
    return SelectorReader(text).read();
}

capstan::Result<LabelSelector> LabelSelector::fromNode(const manifest::Node &selector)
{
    std::vector<Requirement> out;
    if (const manifest::Node *ml = selector.find("matchLabels")) {
        for (const auto &e : ml->entries())
            out.push_back({ e.key, Op::Equals, { e.value.text() } });
    }
    if (const manifest::Node *me = selector.find("matchExpressions")) {
        for (const manifest::Node &expr : me->items()) {
            Requirement req;
            req.key = expr.textAt({ "key" });
            const std::string op = expr.textAt({ "operator" });
            if (op == "In")
                req.op = Op::In;
            else if (op == "NotIn")
                req.op = Op::NotIn;
            else if (op == "Exists")
                req.op = Op::Exists;
            else if (op == "DoesNotExist")
                req.op = Op::DoesNotExist;
            else
                return makeError("unsupported matchExpressions operator \"" + op + "\"");
            if (const manifest::Node *values = expr.find("values"))
                for (const manifest::Node &v : values->items())
                    req.values.push_back(v.text());
            if ((req.op == Op::In || req.op == Op::NotIn) && req.values.empty())
                return makeError("matchExpressions operator " + op + " needs values");
            out.push_back(std::move(req));
        }
    }
    return LabelSelector(std::move(out));
}

LabelSelector LabelSelector::fromMap(const manifest::Node &labels)
{
    std::vector<Requirement> out;
    for (const auto &e : labels.entries())
        out.push_back({ e.key, Op::Equals, { e.value.text() } });
    return LabelSelector(std::move(out));
}

bool LabelSelector::matches(const Labels &labels) const
{
    return std::all_of(
        m_requirements.begin(), m_requirements.end(), [&](const Requirement &r) { return r.matches(labels); });
}

bool LabelSelector::matches(const manifest::Node *labels) const
{
    // Looks keys up in the map node directly: this runs for every pod a Service selects from.
    for (const Requirement &r : m_requirements) {
        const manifest::Node *value = labels && labels->isMap() ? labels->find(r.key) : nullptr;
        const bool in = value && std::find(r.values.begin(), r.values.end(), value->text()) != r.values.end();
        bool ok = false;
        switch (r.op) {
        case Op::Equals:
        case Op::In:
            ok = in;
            break;
        case Op::NotEquals:
        case Op::NotIn:
            ok = !in;
            break;
        case Op::Exists:
            ok = value != nullptr;
            break;
        case Op::DoesNotExist:
            ok = value == nullptr;
            break;
        }
        if (!ok)
            return false;
    }
    return true;
}

std::string LabelSelector::toString() const
{
    std::string out;
    for (const Requirement &r : m_requirements) {
        if (!out.empty())
            out += ',';
        switch (r.op) {
        case Op::Equals:
            out += r.key + "=" + r.values.front();
            break;
        case Op::NotEquals:
            out += r.key + "!=" + r.values.front();
            break;
        case Op::In:
        case Op::NotIn: {
            out += r.key + (r.op == Op::In ? " in (" : " notin (");
            for (std::size_t i = 0; i < r.values.size(); ++i)
                out += (i ? "," : "") + r.values[i];
            out += ')';
            break;
        }
        case Op::Exists:
            out += r.key;
            break;
        case Op::DoesNotExist:
            out += "!" + r.key;
            break;
        }
    }
    return out;
}

Labels labelsOf(const manifest::Node *map)
{
    Labels out;
    if (map && map->isMap())
        for (const auto &e : map->entries())
            out.emplace(e.key, e.value.text());
    return out;
}

} // namespace capstan::cluster
