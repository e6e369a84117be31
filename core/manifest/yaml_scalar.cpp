#include "manifest/yaml_scalar.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace capstan::manifest::yaml {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int digitValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return 99;
}

// Go's strconv.ParseInt/ParseUint with base 0: optional sign, then a 0x, 0o,
// 0b or legacy 0 (octal) prefix. Writes the sign and the magnitude.
bool parseGoInteger(std::string_view s, bool &negative, std::uint64_t &magnitude)
{
    negative = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    if (s.empty())
        return false;
    int base = 10;
    if (s.size() >= 2 && s[0] == '0') {
        const char p = s[1];
        if (p == 'x' || p == 'X')
            base = 16, s.remove_prefix(2);
        else if (p == 'o' || p == 'O')
            base = 8, s.remove_prefix(2);
        else if (p == 'b' || p == 'B')
            base = 2, s.remove_prefix(2);
        else
            base = 8, s.remove_prefix(1);
        if (s.empty())
            return false;
    }
    std::uint64_t value = 0;
    for (char c : s) {
        const int d = digitValue(c);
        if (d >= base)
            return false;
        if (value > (UINT64_MAX - std::uint64_t(d)) / std::uint64_t(base))
            return false; // out of range
        value = value * std::uint64_t(base) + std::uint64_t(d);
    }
    magnitude = value;
    return true;
}

// Decimal text of an integer go-yaml accepts (as int64, or as uint64 without a sign).
bool goIntegerText(std::string_view s, std::string *text)
{
    bool negative = false;
    std::uint64_t magnitude = 0;
    if (!parseGoInteger(s, negative, magnitude))
        return false;
    const bool hasSign = !s.empty() && (s[0] == '+' || s[0] == '-');
    const std::uint64_t int64Limit = negative ? (std::uint64_t(1) << 63) : (std::uint64_t(1) << 63) - 1;
    if (magnitude > int64Limit && hasSign)
        return false; // neither ParseInt (range) nor ParseUint (sign) accepts it
    if (text) {
        if (negative && magnitude != 0)
            *text = "-" + std::to_string(magnitude);
        else
            *text = std::to_string(magnitude);
    }
    return true;
}

// go-yaml's float pattern: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool matchesYamlFloat(std::string_view s)
{
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        ++i;
    const auto digits = [&] {
        const std::size_t start = i;
        while (i < s.size() && isDigit(s[i]))
            ++i;
        return i - start;
    };
    if (i < s.size() && s[i] == '.') {
        ++i;
        if (digits() == 0)
            return false;
    } else {
        if (digits() == 0)
            return false;
        if (i < s.size() && s[i] == '.') {
            ++i;
            digits();
        }
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-'))
            ++i;
        if (digits() == 0)
            return false;
    }
    return i == s.size();
}

bool parseDouble(std::string_view s, double &value)
{
    if (!s.empty() && s[0] == '+')
        s.remove_prefix(1);
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    return ec == std::errc() && ptr == s.data() + s.size();
}

// The shortest round-trip digits of a finite, non-zero double and its decimal
// exponent: value = 0.d1d2d3... * 10^point.
struct Digits
{
    bool negative = false;
    std::string digits;
    int point = 0;
};

Digits shortestDigits(double value)
{
    std::array<char, 64> buf {};
    const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), value, std::chars_format::scientific);
    const std::string_view s(buf.data(), std::size_t(res.ptr - buf.data()));
    Digits d;
    std::size_t i = 0;
    if (s[0] == '-')
        d.negative = true, ++i;
    for (; i < s.size() && s[i] != 'e'; ++i)
        if (s[i] != '.')
            d.digits += s[i];
    int exponent = 0;
    std::from_chars(s.data() + i + (s[i + 1] == '+' ? 2 : 1), s.data() + s.size(), exponent);
    d.point = exponent + 1;
    return d;
}

// strconv's %e with the shortest digits: d.ddde±XX.
std::string formatExponent(const Digits &d)
{
    std::string out = d.negative ? "-" : "";
    out += d.digits[0];
    if (d.digits.size() > 1) {
        out += '.';
        out.append(d.digits, 1);
    }
    const int exponent = d.point - 1;
    out += exponent < 0 ? "e-" : "e+";
    const int magnitude = std::abs(exponent);
    if (magnitude < 10)
        out += '0';
    return out + std::to_string(magnitude);
}

// strconv's %f with the shortest digits.
std::string formatFixed(const Digits &d)
{
    std::string out = d.negative ? "-" : "";
    const int n = int(d.digits.size());
    if (d.point <= 0) {
        out += "0.";
        out.append(std::size_t(-d.point), '0');
        out += d.digits;
    } else if (d.point >= n) {
        out += d.digits;
        out.append(std::size_t(d.point - n), '0');
    } else {
        out.append(d.digits, 0, std::size_t(d.point));
        out += '.';
        out.append(d.digits, std::size_t(d.point));
    }
    return out;
}

std::string specialFloat(double value)
{
    if (std::isnan(value))
        return ".nan";
    return value > 0 ? ".inf" : "-.inf";
}

int daysIn(int month, int year)
{
    static constexpr int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (month == 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))
        return 29;
    return days[month - 1];
}

// Reads one or two digits (Go's non-padded layout fields).
bool readNumber(std::string_view s, std::size_t &i, int &value)
{
    if (i >= s.size() || !isDigit(s[i]))
        return false;
    value = s[i++] - '0';
    if (i < s.size() && isDigit(s[i]))
        value = value * 10 + (s[i++] - '0');
    return true;
}

enum class Hint { None, Map, Digit, Dot };

Hint hintOf(std::string_view text)
{
    if (text.empty())
        return Hint::Map;
    switch (text[0]) {
    case '+':
    case '-':
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9':
        return Hint::Digit;
    case '.':
        return Hint::Dot;
    case 'y':
    case 'Y':
    case 'n':
    case 'N':
    case 't':
    case 'T':
    case 'f':
    case 'F':
    case 'o':
    case 'O':
    case '~':
        return Hint::Map;
    default:
        return Hint::None;
    }
}

bool isOneOf(std::string_view text, std::initializer_list<std::string_view> words)
{
    for (std::string_view w : words)
        if (w.size() == text.size() && (w.empty() || w[0] == text[0]) && text == w)
            return true;
    return false;
}

// isNullWord, or one of go-yaml v2's YAML 1.1 booleans (y, yes, on, off, ...), by length.
bool isNullOrYaml11Bool(std::string_view t)
{
    switch (t.size()) {
    case 0:
        return true;
    case 1:
        return isOneOf(t, { "~", "y", "Y", "n", "N" });
    case 2:
        return isOneOf(t, { "no", "No", "NO", "on", "On", "ON" });
    case 3:
        return isOneOf(t, { "yes", "Yes", "YES", "off", "Off", "OFF" });
    case 4:
        return isOneOf(t, { "null", "Null", "NULL", "true", "True", "TRUE" });
    case 5:
        return isOneOf(t, { "false", "False", "FALSE" });
    default:
        return false;
    }
}

bool isNullWord(std::string_view t)
{
    return isOneOf(t, { "", "~", "null", "Null", "NULL" });
}

// The ".inf"/".nan" family both go-yaml versions know; writes the value.
bool specialFloatWord(std::string_view t, double &value)
{
    if (isOneOf(t, { ".nan", ".NaN", ".NAN" }))
        return value = std::nan(""), true;
    if (isOneOf(t, { ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF" }))
        return value = HUGE_VAL, true;
    if (isOneOf(t, { "-.inf", "-.Inf", "-.INF" }))
        return value = -HUGE_VAL, true;
    return false;
}

// The number rules go-yaml v2 and v3 share, for plain text with a digit/dot hint.
bool resolveNumber(std::string_view text, Hint hint, ResolvedScalar *out)
{
    double value = 0;
    if (hint == Hint::Dot) {
        if (!matchesYamlFloat(text) || !parseDouble(text, value))
            return false;
        if (out)
            *out = { ScalarType::Float, formatJsonFloat(value) };
        return true;
    }
    std::string plain;
    plain.reserve(text.size());
    for (char c : text)
        if (c != '_')
            plain += c;
    std::string intText;
    if (goIntegerText(plain, out ? &intText : nullptr)) {
        if (out)
            *out = { ScalarType::Int, std::move(intText) };
        return true;
    }
    if (matchesYamlFloat(plain) && parseDouble(plain, value)) {
        if (out)
            *out = { ScalarType::Float, formatJsonFloat(value) };
        return true;
    }
    return false;
}

} // namespace

bool parseTimestamp(std::string_view s, std::string *rfc3339)
{
    std::size_t i = 0;
    while (i < s.size() && isDigit(s[i]))
        ++i;
    if (i != 4 || i == s.size() || s[i] != '-')
        return false;
    const int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    ++i;
    int month = 0, day = 0;
    if (!readNumber(s, i, month) || i >= s.size() || s[i++] != '-' || !readNumber(s, i, day))
        return false;
    if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year))
        return false;
    int hour = 0, minute = 0, second = 0;
    std::string fraction;
    std::string zone = "Z";
    if (i < s.size()) {
        const char sep = s[i++];
        const bool spaceForm = sep == ' ';
        if (sep != 'T' && sep != 't' && !spaceForm)
            return false;
        if (!readNumber(s, i, hour) || i >= s.size() || s[i++] != ':' || !readNumber(s, i, minute) || i >= s.size()
            || s[i++] != ':' || !readNumber(s, i, second))
            return false;
        if (hour > 23 || minute > 59 || second > 59)
            return false;
        if (i + 1 < s.size() && (s[i] == '.' || s[i] == ',') && isDigit(s[i + 1])) {
            ++i;
            while (i < s.size() && isDigit(s[i]))
                fraction += s[i++];
            if (fraction.size() > 9)
                fraction.resize(9);
            while (!fraction.empty() && fraction.back() == '0')
                fraction.pop_back();
        }
        if (!spaceForm) {
            if (i < s.size() && s[i] == 'Z') {
                ++i;
            } else {
                if (i + 6 > s.size() || (s[i] != '+' && s[i] != '-') || !isDigit(s[i + 1]) || !isDigit(s[i + 2])
                    || s[i + 3] != ':' || !isDigit(s[i + 4]) || !isDigit(s[i + 5]))
                    return false;
                const int zh = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
                const int zm = (s[i + 4] - '0') * 10 + (s[i + 5] - '0');
                if (zh > 24 || zm > 59) // Go's range check on zone fields
                    return false;
                if (zh != 0 || zm != 0)
                    zone = std::string(s.substr(i, 6));
                i += 6;
            }
        }
    }
    if (i != s.size())
        return false;
    if (rfc3339) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second);
        *rfc3339 = buf;
        if (!fraction.empty())
            *rfc3339 += "." + fraction;
        *rfc3339 += zone;
    }
    return true;
}

ResolvedScalar resolvePlain(std::string_view text)
{
    const Hint hint = hintOf(text);
    // The null and boolean words are at most five characters long.
    // The null and boolean words start as Hint::Map says; the special floats
    // with '.', or with a sign and '.'.
    if (hint == Hint::Map && text.size() <= 5) {
        if (isNullWord(text))
            return { ScalarType::Null, {} };
        if (isOneOf(text, { "true", "True", "TRUE" }))
            return { ScalarType::Bool, "true" };
        if (isOneOf(text, { "false", "False", "FALSE" }))
            return { ScalarType::Bool, "false" };
    }
    if (hint == Hint::Dot || (hint == Hint::Digit && text.size() > 1 && text[1] == '.')) {
        double special = 0;
        if (specialFloatWord(text, special))
            return { ScalarType::Float, specialFloat(special) };
    }
    if (hint == Hint::Digit) {
        std::string time;
        if (parseTimestamp(text, &time))
            return { ScalarType::String, std::move(time) };
    }
    ResolvedScalar number;
    if ((hint == Hint::Digit || hint == Hint::Dot) && resolveNumber(text, hint, &number))
        return number;
    return { ScalarType::String, std::string(text) };
}

bool resolvesAsNonString(std::string_view text)
{
    const Hint hint = hintOf(text);
    if (hint == Hint::None)
        return false;
    // The null and boolean words (go-yaml v2 still reads YAML 1.1's) all have Hint::Map.
    if (hint == Hint::Map)
        return isNullOrYaml11Bool(text);
    double special = 0;
    if ((hint == Hint::Dot || (text.size() > 1 && text[1] == '.')) && specialFloatWord(text, special))
        return true;
    if (hint == Hint::Digit && parseTimestamp(text, nullptr))
        return true;
    return (hint == Hint::Digit || hint == Hint::Dot) && resolveNumber(text, hint, nullptr);
}

std::string formatJsonFloat(double value)
{
    if (!std::isfinite(value))
        return specialFloat(value);
    if (value == 0)
        return std::signbit(value) ? "-0" : "0";
    const Digits d = shortestDigits(value);
    const double magnitude = std::fabs(value);
    if (magnitude < 1e-6 || magnitude >= 1e21) {
        std::string out = formatExponent(d);
        // encoding/json writes e-07 as e-7.
        const std::size_t n = out.size();
        if (n >= 4 && out[n - 4] == 'e' && out[n - 3] == '-' && out[n - 2] == '0')
            out.erase(n - 2, 1);
        return out;
    }
    return formatFixed(d);
}

std::string formatYamlNumber(const std::string &jsonText)
{
    std::string intText;
    if (jsonText.find_first_of(".eE") == std::string::npos && goIntegerText(jsonText, &intText))
        return intText;
    double value = 0;
    if (!parseDouble(jsonText, value)) {
        double special = 0;
        if (specialFloatWord(jsonText, special))
            return specialFloat(special);
        return jsonText; // not a number after all; print what we were given
    }
    if (!std::isfinite(value))
        return specialFloat(value);
    if (value == 0)
        return std::signbit(value) ? "-0" : "0";
    const Digits d = shortestDigits(value);
    const int exponent = d.point - 1;
    // strconv 'g' with the shortest digits decides with precision 6.
    if (exponent < -4 || exponent >= 6)
        return formatExponent(d);
    return formatFixed(d);
}

} // namespace capstan::manifest::yaml
