#include "kustomize/selector.h"

#include <algorithm>

namespace capstan::kustomize {

using manifest::Node;

namespace {

std::string trim(const std::string &s)
{
    const auto begin = s.find_first_not_of(" \t");
    if (begin == std::string::npos)
        return {};
    const auto end = s.find_last_not_of(" \t");
    return s.substr(begin, end - begin + 1);
}

// Splits on commas that are not inside parentheses.
std::vector<std::string> splitTerms(const std::string &text)
{
    std::vector<std::string> terms;
    std::string current;
    int depth = 0;
    for (char c : text) {
        if (c == '(')
            ++depth;
        else if (c == ')')
            --depth;
        if (c == ',' && depth == 0) {
            terms.push_back(trim(current));
            current.clear();
        } else {
            current += c;
        }
    }
    if (!trim(current).empty() || !terms.empty())
        terms.push_back(trim(current));
    return terms;
}

} // namespace

Result<LabelSelector> LabelSelector::parse(const std::string &text)
{
    LabelSelector selector;
    for (const std::string &term : splitTerms(text)) {
        if (term.empty())
            return makeError("invalid label selector '" + text + "'");
        Requirement req;
        const auto setPair = [&](std::size_t at, std::size_t len, Requirement::Op op) {
            req.key = trim(term.substr(0, at));
            req.values = {trim(term.substr(at + len))};
            req.op = op;
        };
        if (term[0] == '!') {
            req.op = Requirement::Op::NotExists;
            req.key = trim(term.substr(1));
        } else if (auto p = term.find("!="); p != std::string::npos) {
            setPair(p, 2, Requirement::Op::NotIn);
        } else if (auto q = term.find("=="); q != std::string::npos) {
            setPair(q, 2, Requirement::Op::In);
        } else if (auto e = term.find('='); e != std::string::npos) {
            setPair(e, 1, Requirement::Op::In);
        } else if (auto open = term.find('('); open != std::string::npos) {
            const auto close = term.rfind(')');
            if (close == std::string::npos || close < open)
                return makeError("invalid label selector '" + text + "'");
            std::string head = trim(term.substr(0, open));
            const auto space = head.find_last_of(" \t");
            if (space == std::string::npos)
                return makeError("invalid label selector '" + text + "'");
            const std::string op = head.substr(space + 1);
            req.key = trim(head.substr(0, space));
            if (op == "in")
                req.op = Requirement::Op::In;
            else if (op == "notin")
                req.op = Requirement::Op::NotIn;
            else
                return makeError("invalid label selector operator '" + op + "' in '" + text + "'");
            for (const std::string &v : splitTerms(term.substr(open + 1, close - open - 1)))
                req.values.push_back(v);
        } else {
            req.op = Requirement::Op::Exists;
            req.key = term;
        }
        selector.m_requirements.push_back(std::move(req));
    }
    return selector;
}

bool LabelSelector::matches(const Node *labels) const
{
    for (const Requirement &req : m_requirements) {
        const Node *value = labels && labels->isMap() ? labels->find(req.key) : nullptr;
        const bool has = value != nullptr;
        const std::string text = has && value->isScalar() ? value->text() : std::string();
        const bool in = has && std::find(req.values.begin(), req.values.end(), text) != req.values.end();
        switch (req.op) {
        case Requirement::Op::Exists:
            if (!has)
                return false;
            break;
        case Requirement::Op::NotExists:
            if (has)
                return false;
            break;
        case Requirement::Op::In:
            if (!in)
                return false;
            break;
        case Requirement::Op::NotIn:
            if (in)
                return false;
            break;
        }
    }
    return true;
}

bool ResourceSelector::Pattern::matches(const std::string &value) const
{
    if (empty)
        return true;
    if (!regex)
        return value == literal;
    try {
        return std::regex_match(value, *regex);
    } catch (const std::regex_error &) {
        return false; // a pathological pattern; treat as no match rather than abort
    }
}

Result<ResourceSelector::Pattern> ResourceSelector::compilePattern(const std::string &text)
{
    Pattern p;
    p.empty = text.empty();
    p.literal = text;
    if (text.find_first_of(".*+?()[]{}|^$\\") != std::string::npos) {
        try {
            p.regex = std::make_shared<std::regex>(text, std::regex::ECMAScript);
        } catch (const std::regex_error &) {
            return makeError("invalid regular expression '" + text + "' in target");
        }
    }
    return p;
}

Result<ResourceSelector> ResourceSelector::compile(const Selector &selector)
{
    ResourceSelector s;
    const std::pair<const std::string *, Pattern *> fields[] = {{&selector.gvk.group, &s.m_group},
                                                                {&selector.gvk.version, &s.m_version},
                                                                {&selector.gvk.kind, &s.m_kind},
                                                                {&selector.name, &s.m_name},
                                                                {&selector.ns, &s.m_namespace}};
    for (const auto &[text, pattern] : fields) {
        auto compiled = compilePattern(*text);
        if (!compiled)
            return compiled.error();
        *pattern = std::move(*compiled);
    }
    if (!selector.labelSelector.empty()) {
        auto parsed = LabelSelector::parse(selector.labelSelector);
        if (!parsed)
            return parsed.error();
        s.m_labels = std::move(*parsed);
    }
    if (!selector.annotationSelector.empty()) {
        auto parsed = LabelSelector::parse(selector.annotationSelector);
        if (!parsed)
            return parsed.error();
        s.m_annotations = std::move(*parsed);
    }
    return s;
}

bool ResourceSelector::matches(const Resource &resource) const
{
    const ResId current = resource.currentId();
    const ResId original = resource.originalId();
    if (!m_namespace.matches(original.effectiveNamespace()) && !m_namespace.matches(current.effectiveNamespace()))
        return false;
    if (!m_name.matches(original.name) && !m_name.matches(current.name))
        return false;
    if (!m_group.matches(current.gvk.group) || !m_version.matches(current.gvk.version) || !m_kind.matches(current.gvk.kind))
        return false;
    if (m_labels && !m_labels->matches(resource.root().at({"metadata", "labels"})))
        return false;
    if (m_annotations && !m_annotations->matches(resource.root().at({"metadata", "annotations"})))
        return false;
    return true;
}

} // namespace capstan::kustomize
