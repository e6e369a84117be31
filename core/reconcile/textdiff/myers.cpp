#include "reconcile/textdiff/myers_p.h"

#include <algorithm>
#include <unordered_map>

namespace capstan::textdiff::detail {
namespace {

// The linear-space search over compacted sequences; marks changed positions in
// the compacted index space.
class Bisector
{
public:
    Bisector(
        const std::vector<int> &a, const std::vector<int> &b, std::vector<char> &changedA, std::vector<char> &changedB)
        : m_a(a)
        , m_b(b)
        , m_changedA(changedA)
        , m_changedB(changedB)
    {
    }

    void compare(int aLo, int aHi, int bLo, int bHi)
    {
        while (aLo < aHi && bLo < bHi && m_a[aLo] == m_b[bLo]) {
            ++aLo;
            ++bLo;
        }
        while (aLo < aHi && bLo < bHi && m_a[aHi - 1] == m_b[bHi - 1]) {
            --aHi;
            --bHi;
        }
        if (aLo == aHi || bLo == bHi) {
            std::fill(m_changedA.begin() + aLo, m_changedA.begin() + aHi, char(1));
            std::fill(m_changedB.begin() + bLo, m_changedB.begin() + bHi, char(1));
            return;
        }
        int x = 0;
        int y = 0;
        if (!split(aLo, aHi, bLo, bHi, x, y)) {
            std::fill(m_changedA.begin() + aLo, m_changedA.begin() + aHi, char(1));
            std::fill(m_changedB.begin() + bLo, m_changedB.begin() + bHi, char(1));
            return;
        }
        compare(aLo, aLo + x, bLo, bLo + y);
        compare(aLo + x, aHi, bLo + y, bHi);
    }

private:
    // Finds a point (x, y), relative to (aLo, bLo), on a shortest edit path by
    // running the search from both ends until the two frontiers overlap. The
    // ends differ (compare() trimmed them), so the point is strictly inside.
    bool split(int aLo, int aHi, int bLo, int bHi, int &outX, int &outY)
    {
        const int n = aHi - aLo;
        const int m = bHi - bLo;
        const int maxD = (n + m + 1) / 2;
        const int offset = maxD + 1;
        const int length = 2 * maxD + 3;
        m_forward.assign(length, -1);
        m_backward.assign(length, -1);
        m_forward[offset + 1] = 0;
        m_backward[offset + 1] = 0;
        const int delta = n - m;
        const bool oddDelta = (delta & 1) != 0;
        const int *a = m_a.data() + aLo;
        const int *b = m_b.data() + bLo;
        // Diagonals that ran off the grid are trimmed from the next rounds.
        int fStart = 0, fEnd = 0, bStart = 0, bEnd = 0;
        for (int d = 0; d < maxD; ++d) {
            for (int k = -d + fStart; k <= d - fEnd; k += 2) {
                const int i = offset + k;
                int x = (k == -d || (k != d && m_forward[i - 1] < m_forward[i + 1])) ? m_forward[i + 1]
                                                                                     : m_forward[i - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[x] == b[y]) {
                    ++x;
                    ++y;
                }
                m_forward[i] = x;
                if (x > n) {
                    fEnd += 2;
                } else if (y > m) {
                    fStart += 2;
                } else if (oddDelta) {
                    const int j = offset + delta - k;
                    if (j >= 0 && j < length && m_backward[j] != -1 && x >= n - m_backward[j]) {
                        outX = x;
                        outY = y;
                        return true;
                    }
                }
            }
            for (int k = -d + bStart; k <= d - bEnd; k += 2) {
                const int i = offset + k;
                int x = (k == -d || (k != d && m_backward[i - 1] < m_backward[i + 1])) ? m_backward[i + 1]
                                                                                       : m_backward[i - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[n - x - 1] == b[m - y - 1]) {
                    ++x;
                    ++y;
                }
                m_backward[i] = x;
                if (x > n) {
                    bEnd += 2;
                } else if (y > m) {
                    bStart += 2;
                } else if (!oddDelta) {
                    const int j = offset + delta - k;
                    if (j >= 0 && j < length && m_forward[j] != -1) {
                        const int fx = m_forward[j];
                        const int fy = fx - (j - offset);
                        if (fx >= n - x) {
                            outX = fx;
                            outY = fy;
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    const std::vector<int> &m_a;
    const std::vector<int> &m_b;
    std::vector<char> &m_changedA;
    std::vector<char> &m_changedB;
    std::vector<int> m_forward;
    std::vector<int> m_backward;
};

} // namespace

void diffSymbols(
    const std::vector<int> &a, const std::vector<int> &b, std::vector<char> &changedA, std::vector<char> &changedB)
{
    changedA.assign(a.size(), 0);
    changedB.assign(b.size(), 0);

    // A symbol absent from the other side can never be matched: mark it now
    // and search only over the rest (GNU diff's "discard" step, simplified).
    std::unordered_map<int, int> inA;
    std::unordered_map<int, int> inB;
    for (int s : a)
        ++inA[s];
    for (int s : b)
        ++inB[s];
    std::vector<int> keptA, keptB, indexA, indexB;
    keptA.reserve(a.size());
    keptB.reserve(b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (inB.count(a[i])) {
            keptA.push_back(a[i]);
            indexA.push_back(static_cast<int>(i));
        } else {
            changedA[i] = 1;
        }
    }
    for (std::size_t j = 0; j < b.size(); ++j) {
        if (inA.count(b[j])) {
            keptB.push_back(b[j]);
            indexB.push_back(static_cast<int>(j));
        } else {
            changedB[j] = 1;
        }
    }

    std::vector<char> keptChangedA(keptA.size(), 0);
    std::vector<char> keptChangedB(keptB.size(), 0);
    Bisector bisector(keptA, keptB, keptChangedA, keptChangedB);
    bisector.compare(0, static_cast<int>(keptA.size()), 0, static_cast<int>(keptB.size()));
    for (std::size_t i = 0; i < keptA.size(); ++i)
        if (keptChangedA[i])
            changedA[indexA[i]] = 1;
    for (std::size_t j = 0; j < keptB.size(); ++j)
        if (keptChangedB[j])
            changedB[indexB[j]] = 1;
}

std::vector<Region> regionsFromFlags(const std::vector<char> &changedA, const std::vector<char> &changedB)
{
    std::vector<Region> regions;
    const int n = static_cast<int>(changedA.size());
    const int m = static_cast<int>(changedB.size());
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && !changedA[i] && !changedB[j]) {
            ++i;
            ++j;
            continue;
        }
        Region region { i, 0, j, 0 };
        while (i < n && changedA[i])
            ++i;
        while (j < m && changedB[j])
            ++j;
        region.aCount = i - region.aStart;
        region.bCount = j - region.bStart;
        if (region.aCount == 0 && region.bCount == 0)
            break; // unreachable for consistent flags; guards against a loop
        regions.push_back(region);
    }
    return regions;
}

} // namespace capstan::textdiff::detail
