#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

// Summaries of timings, shared by the render benchmark and its cold passes.
namespace capstan::bench {

struct Percentiles
{
    double p50 = 0, p95 = 0, max = 0;
};

// The value below which the share q of values lie (the lower one between two).
inline Percentiles percentiles(std::vector<double> values)
{
    if (values.empty())
        return {};
    std::sort(values.begin(), values.end());
    const auto at = [&](double q) { return values[static_cast<std::size_t>(q * static_cast<double>(values.size() - 1))]; };
    return {at(0.5), at(0.95), values.back()};
}

inline double mean(const std::vector<double> &values)
{
    double sum = 0;
    for (double v : values)
        sum += v;
    return values.empty() ? 0.0 : sum / static_cast<double>(values.size());
}

} // namespace capstan::bench
