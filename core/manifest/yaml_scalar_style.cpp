#include "manifest/yaml_scalar_style.h"

#include "manifest/yaml_scalar.h"
#include "manifest/yaml_scalar_chars_p.h"

#include <algorithm>
#include <array>

namespace capstan::manifest::yaml {

namespace {

using namespace chars;

// What go-yaml's emitter allows for a text, from one pass over it.
struct Analysis
{
    bool multiline = false;
    bool blockPlainAllowed = true;
    bool singleQuotedAllowed = true;
    bool blockAllowed = true;
};

Analysis analyze(Bytes s)
{
    Analysis a;
    if (s.empty()) {
        a.blockAllowed = false;
        return a;
    }
    // Printable ASCII without blanks (names, images, paths, most values): no
    // breaks or spaces to weigh, so only the indicators can forbid plain style.
    if (std::all_of(s.begin(), s.end(), [](char c) { return c > ' ' && c < '\x7F'; })) {
        bool indicators = s.substr(0, 3) == "---" || s.substr(0, 3) == "..." || (s.size() > 1 && s.back() == ':');
        switch (s[0]) {
        case '#': case ',': case '[': case ']': case '{': case '}': case '&': case '*': case '!': case '|':
        case '>': case '\'': case '"': case '%': case '@': case '`':
            indicators = true;
            break;
        case '?':
        case ':':
        case '-':
            indicators = indicators || s.size() == 1; // followed by the end, which counts as a blank
            break;
        default:
            break;
        }
        a.blockPlainAllowed = !indicators;
        return a;
    }
    bool blockIndicators = false;
    bool lineBreaks = false, special = false;
    bool leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
    bool breakSpace = false, spaceBreak = false;
    bool previousSpace = false, previousBreak = false;
    bool precededByWhitespace = true;

    if (s.size() >= 3 && (s.substr(0, 3) == "---" || s.substr(0, 3) == "..."))
        blockIndicators = true;

    for (std::size_t i = 0; i < s.size(); i += width(s, i)) {
        const std::size_t w = width(s, i);
        const bool followedByWhitespace = i + w >= s.size() || isBlank(s, i + w);
        const char c = s[i];
        if (i == 0) {
            switch (c) {
            case '#':
            case ',':
            case '[':
            case ']':
            case '{':
            case '}':
            case '&':
            case '*':
            case '!':
            case '|':
            case '>':
            case '\'':
            case '"':
            case '%':
            case '@':
            case '`':
                blockIndicators = true;
                break;
            case '?':
            case ':':
            case '-':
                if (followedByWhitespace)
                    blockIndicators = true;
                break;
            default:
                break;
            }
        } else if ((c == ':' && followedByWhitespace) || (c == '#' && precededByWhitespace)) {
            blockIndicators = true;
        }

        if (!isPrintable(s, i))
            special = true;
        if (isSpace(s, i)) {
            leadingSpace = leadingSpace || i == 0;
            trailingSpace = trailingSpace || i + w == s.size();
            breakSpace = breakSpace || previousBreak;
            previousSpace = true;
            previousBreak = false;
        } else if (isBreak(s, i)) {
            lineBreaks = true;
            leadingBreak = leadingBreak || i == 0;
            trailingBreak = trailingBreak || i + w == s.size();
            spaceBreak = spaceBreak || previousSpace;
            previousSpace = false;
            previousBreak = true;
        } else {
            previousSpace = previousBreak = false;
        }
        precededByWhitespace = isBlankOrEnd(s, i);
    }

    a.multiline = lineBreaks;
    if (leadingSpace || leadingBreak || trailingSpace || trailingBreak || lineBreaks || blockIndicators)
        a.blockPlainAllowed = false;
    if (trailingSpace)
        a.blockAllowed = false;
    if (breakSpace) {
        a.blockPlainAllowed = false;
        a.singleQuotedAllowed = false;
    }
    if (spaceBreak || special) {
        a.blockPlainAllowed = false;
        a.singleQuotedAllowed = false;
        a.blockAllowed = false;
    }
    return a;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// go-yaml v2 quotes YAML 1.1 sexagesimal numbers: ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$
bool isBase60Float(Bytes s)
{
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        ++i;
    if (i >= s.size() || !isDigit(s[i]))
        return false;
    while (i < s.size() && (isDigit(s[i]) || s[i] == '_'))
        ++i;
    int groups = 0;
    while (i < s.size() && s[i] == ':') {
        ++i;
        const std::size_t start = i;
        while (i < s.size() && isDigit(s[i]) && i - start < 2)
            ++i;
        const std::size_t n = i - start;
        if (n == 0 || (n == 2 && s[start] > '5'))
            return false;
        ++groups;
    }
    if (groups == 0)
        return false;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && (isDigit(s[i]) || s[i] == '_'))
            ++i;
    }
    return i == s.size();
}

} // namespace

bool blockStyleAllowed(std::string_view value)
{
    return analyze(value).blockAllowed;
}

namespace {

// Names, images, paths: nothing in them needs the full analysis.
constexpr std::array<bool, 256> kWordBytes = [] {
    std::array<bool, 256> bytes {};
    for (int c = 0; c < 256; ++c)
        bytes[std::size_t(c)] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
            || c == '_' || c == '/' || c == '-';
    return bytes;
}();

bool isSimpleWord(std::string_view s)
{
    if (s.empty() || s[0] == '-' || s[0] == '.')
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return kWordBytes[static_cast<unsigned char>(c)]; });
}

} // namespace

ScalarStyle stringStyle(std::string_view value, bool isKey)
{
    if (isSimpleWord(value))
        return resolvesAsNonString(value) ? ScalarStyle::DoubleQuoted : ScalarStyle::Plain;
    ScalarStyle style = ScalarStyle::Plain;
    if (value.find('\n') != std::string_view::npos)
        style = ScalarStyle::Literal;
    else if (resolvesAsNonString(value) || isBase60Float(value))
        style = ScalarStyle::DoubleQuoted;

    const Analysis a = analyze(value);
    if (isKey && a.multiline)
        style = ScalarStyle::DoubleQuoted;
    if (style == ScalarStyle::Plain && (!a.blockPlainAllowed || (value.empty() && isKey)))
        style = ScalarStyle::SingleQuoted;
    if (style == ScalarStyle::SingleQuoted && !a.singleQuotedAllowed)
        style = ScalarStyle::DoubleQuoted;
    if (style == ScalarStyle::Literal && (!a.blockAllowed || isKey))
        style = ScalarStyle::DoubleQuoted;
    return style;
}

} // namespace capstan::manifest::yaml
