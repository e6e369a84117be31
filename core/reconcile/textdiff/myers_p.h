#pragma once

#include <vector>

namespace capstan::textdiff::detail {

// Which elements of two sequences of symbol ids take part in a shortest edit
// script: changedA[i] is true when a[i] is deleted, changedB[j] when b[j] is
// inserted. Myers' O(ND) algorithm in linear space (middle-snake bisection);
// symbols that occur on one side only are settled before the search, which
// keeps very different inputs cheap.
void diffSymbols(
    const std::vector<int> &a, const std::vector<int> &b, std::vector<char> &changedA, std::vector<char> &changedB);

// A maximal region between equal elements: a[aStart, aStart+aCount) was
// replaced by b[bStart, bStart+bCount). One of the counts may be 0.
struct Region
{
    int aStart = 0;
    int aCount = 0;
    int bStart = 0;
    int bCount = 0;
};

// The change flags grouped into regions, in order.
std::vector<Region> regionsFromFlags(const std::vector<char> &changedA, const std::vector<char> &changedB);

} // namespace capstan::textdiff::detail
