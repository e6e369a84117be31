#include "argo/glob.h"

#include <string>
#include <vector>

namespace capstan::argo {
namespace {

// Alternatives are expanded up front ({a,b}c → ac, bc) so that the matcher
// below only deals with wildcards and classes. Returns false when braces do
// not balance.
bool expandBraces(std::string_view pattern, std::vector<std::string> &out)
{
    std::size_t open = std::string_view::npos;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '\\') {
            ++i;
            continue;
        }
        if (pattern[i] == '{') {
            open = i;
            break;
        }
        if (pattern[i] == '}')
            return false;
    }
    if (open == std::string_view::npos) {
        out.emplace_back(pattern);
        return true;
    }
    // Find the matching close brace and the top-level commas between them.
    int depth = 0;
    std::vector<std::size_t> cuts { open };
    std::size_t close = std::string_view::npos;
    for (std::size_t i = open; i < pattern.size() && close == std::string_view::npos; ++i) {
        const char c = pattern[i];
        if (c == '\\') {
            ++i;
        } else if (c == '{') {
            ++depth;
        } else if (c == '}') {
            if (--depth == 0)
                close = i;
        } else if (c == ',' && depth == 1) {
            cuts.push_back(i);
        }
    }
    if (close == std::string_view::npos)
        return false;
    cuts.push_back(close);
    const std::string_view head = pattern.substr(0, open);
    const std::string_view tail = pattern.substr(close + 1);
    for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
        const std::string_view alternative = pattern.substr(cuts[k] + 1, cuts[k + 1] - cuts[k] - 1);
        std::string candidate;
        candidate.append(head).append(alternative).append(tail);
        if (!expandBraces(candidate, out))
            return false;
    }
    return true;
}

// Matches a character class starting just after '['; sets `end` to the index
// after ']'. Returns -1 for a malformed class, else 1 (matched) or 0.
int matchClass(std::string_view p, std::size_t start, char c, std::size_t &end)
{
    std::size_t i = start;
    bool negated = false;
    if (i < p.size() && (p[i] == '!' || p[i] == '^')) {
        negated = true;
        ++i;
    }
    bool matched = false;
    bool first = true;
    while (i < p.size() && (p[i] != ']' || first)) {
        first = false;
        char lo = p[i];
        if (lo == '\\' && i + 1 < p.size())
            lo = p[++i];
        char hi = lo;
        if (i + 2 < p.size() && p[i + 1] == '-' && p[i + 2] != ']') {
            hi = p[i + 2];
            if (hi == '\\' && i + 3 < p.size()) {
                hi = p[i + 3];
                ++i;
            }
            i += 2;
        }
        if (lo <= c && c <= hi)
            matched = true;
        ++i;
    }
    if (i >= p.size())
        return -1;
    end = i + 1;
    return matched != negated ? 1 : 0;
}

// Matches one brace-free pattern from (pi, ti) on; memoised, so patterns
// with several stars stay linear in pattern × text. -1 means malformed.
class SimpleMatcher
{
public:
    SimpleMatcher(std::string_view p, std::string_view t, char sep)
        : m_p(p)
        , m_t(t)
        , m_sep(sep)
        , m_memo((p.size() + 1) * (t.size() + 1), Unknown)
    {
    }

    int match(std::size_t pi, std::size_t ti)
    {
        signed char &slot = m_memo[pi * (m_t.size() + 1) + ti];
        if (slot == Unknown)
            slot = static_cast<signed char>(compute(pi, ti));
        return slot;
    }

private:
    static constexpr signed char Unknown = 2;

    bool crossesSeparator(char c) const { return m_sep != '\0' && c == m_sep; }

    int compute(std::size_t pi, std::size_t ti)
    {
        if (pi == m_p.size())
            return ti == m_t.size() ? 1 : 0;
        const char pc = m_p[pi];
        if (pc == '*') {
            std::size_t next = pi + 1;
            bool super = m_sep == '\0';
            while (next < m_p.size() && m_p[next] == '*') {
                super = true;
                ++next;
            }
            // Try every length the star may take.
            for (std::size_t k = ti;; ++k) {
                const int r = match(next, k);
                if (r != 0)
                    return r;
                if (k == m_t.size() || (!super && crossesSeparator(m_t[k])))
                    return 0;
            }
        }
        if (pc == '[') {
            std::size_t end = 0;
            const int r = matchClass(m_p, pi + 1, ti < m_t.size() ? m_t[ti] : '\0', end);
            if (r < 0)
                return -1;
            if (ti == m_t.size() || r == 0 || crossesSeparator(m_t[ti]))
                return 0;
            return match(end, ti + 1);
        }
        if (ti == m_t.size())
            return 0;
        if (pc == '?')
            return crossesSeparator(m_t[ti]) ? 0 : match(pi + 1, ti + 1);
        if (pc == '\\') {
            if (pi + 1 == m_p.size())
                return -1;
            return m_p[pi + 1] == m_t[ti] ? match(pi + 2, ti + 1) : 0;
        }
        return pc == m_t[ti] ? match(pi + 1, ti + 1) : 0;
    }

    std::string_view m_p;
    std::string_view m_t;
    char m_sep;
    std::vector<signed char> m_memo;
};

int matchSimple(std::string_view p, std::string_view t, char sep)
{
    return SimpleMatcher(p, t, sep).match(0, 0);
}

} // namespace

bool globMatch(std::string_view pattern, std::string_view text, char separator)
{
    // Argo CD lets a lone "*" match everything, separators included.
    if (pattern == "*")
        return true;
    std::vector<std::string> alternatives;
    if (!expandBraces(pattern, alternatives))
        return false;
    for (const std::string &alternative : alternatives) {
        const int r = matchSimple(alternative, text, separator);
        if (r < 0)
            return false;
        if (r == 1)
            return true;
    }
    return false;
}

bool isDenyPattern(std::string_view pattern)
{
    return !pattern.empty() && pattern.front() == '!';
}

bool globMatchNegatable(std::string_view pattern, std::string_view text, char separator)
{
    if (isDenyPattern(pattern))
        return !globMatch(pattern.substr(1), text, separator);
    return globMatch(pattern, text, separator);
}

} // namespace capstan::argo
