#include "reconcile/compare/quantity.h"

#include <string>

namespace capstan::compare {
namespace {

constexpr __int128 Limit = static_cast<__int128>(1) << 120;

bool multiply(__int128 &value, __int128 factor)
{
    if (value != 0 && (factor > Limit / (value < 0 ? -value : value)))
        return false;
    value *= factor;
    return true;
}

// The suffix as a power of ten and a power of 1024.
bool suffixScale(std::string_view suffix, int &pow10, int &pow1024)
{
    pow10 = 0;
    pow1024 = 0;
    static constexpr std::string_view binary[] = { "Ki", "Mi", "Gi", "Ti", "Pi", "Ei" };
    for (int i = 0; i < 6; ++i) {
        if (suffix == binary[i]) {
            pow1024 = i + 1;
            return true;
        }
    }
    if (suffix.empty())
        return true;
    if (suffix.size() == 1) {
        switch (suffix[0]) {
        case 'n':
            pow10 = -9;
            return true;
        case 'u':
            pow10 = -6;
            return true;
        case 'm':
            pow10 = -3;
            return true;
        case 'k':
            pow10 = 3;
            return true;
        case 'M':
            pow10 = 6;
            return true;
        case 'G':
            pow10 = 9;
            return true;
        case 'T':
            pow10 = 12;
            return true;
        case 'P':
            pow10 = 15;
            return true;
        case 'E':
            pow10 = 18;
            return true;
        default:
            return false;
        }
    }
    // Decimal exponent: "e3", "E-2".
    if (suffix[0] == 'e' || suffix[0] == 'E') {
        std::size_t i = 1;
        bool negative = false;
        if (i < suffix.size() && (suffix[i] == '+' || suffix[i] == '-'))
            negative = suffix[i++] == '-';
        if (i == suffix.size() || suffix.size() - i > 3)
            return false;
        int exponent = 0;
        for (; i < suffix.size(); ++i) {
            if (suffix[i] < '0' || suffix[i] > '9')
                return false;
            exponent = exponent * 10 + (suffix[i] - '0');
        }
        pow10 = negative ? -exponent : exponent;
        return true;
    }
    return false;
}

} // namespace

std::optional<__int128> parseQuantity(std::string_view text)
{
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-'))
        negative = text[i++] == '-';
    __int128 mantissa = 0;
    int fractionDigits = 0;
    bool digits = false;
    bool dot = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '.' && !dot) {
            dot = true;
            continue;
        }
        if (c < '0' || c > '9')
            break;
        digits = true;
        if (!multiply(mantissa, 10))
            return std::nullopt;
        mantissa += c - '0';
        if (dot)
            ++fractionDigits;
    }
    if (!digits)
        return std::nullopt;
    int pow10 = 0;
    int pow1024 = 0;
    if (!suffixScale(text.substr(i), pow10, pow1024))
        return std::nullopt;
    // Nano-units: scale by 10^(pow10 + 9 - fractionDigits) and 1024^pow1024.
    int exponent = pow10 + 9 - fractionDigits;
    for (int k = 0; k < pow1024; ++k)
        if (!multiply(mantissa, 1024))
            return std::nullopt;
    for (; exponent > 0; --exponent)
        if (!multiply(mantissa, 10))
            return std::nullopt;
    // Below a nano-unit Kubernetes rounds up; an amount that still has digits
    // there is kept exact only when they are zeros.
    for (; exponent < 0; ++exponent) {
        if (mantissa % 10 != 0)
            mantissa += 10 - mantissa % 10;
        mantissa /= 10;
    }
    return negative ? -mantissa : mantissa;
}

bool sameQuantity(std::string_view a, std::string_view b)
{
    const auto qa = parseQuantity(a);
    const auto qb = parseQuantity(b);
    return qa && qb && *qa == *qb;
}

} // namespace capstan::compare
