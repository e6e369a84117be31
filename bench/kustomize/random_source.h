#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

// A seeded source of choices for the random-tree generator. The engine's raw
// output is used directly (not std::uniform_int_distribution, whose results
// differ between standard libraries) so that a seed names the same trees
// everywhere.
namespace capstan::bench {

class RandomSource
{
public:
    explicit RandomSource(std::uint64_t seed)
        : m_engine(seed)
    {
    }

    int below(int n) { return n <= 1 ? 0 : static_cast<int>(m_engine() % static_cast<std::uint64_t>(n)); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }
    bool chance(int percent) { return below(100) < percent; }

    template<typename T> const T &pick(const std::vector<T> &items)
    {
        return items[static_cast<std::size_t>(below(static_cast<int>(items.size())))];
    }

    std::string hex(int digits)
    {
        static const char kDigits[] = "0123456789abcdef";
        std::string s;
        for (int i = 0; i < digits; ++i)
            s += kDigits[below(16)];
        return s;
    }

private:
    std::mt19937_64 m_engine;
};

} // namespace capstan::bench
