#pragma once

#include <bit>
#include <cstdint>
#include <utility>
#include <vector>

// Go's sort.Sort (pattern-defeating quicksort, as in Go 1.23, the toolchain of
// kubectl 1.32). go-yaml's key order is not a strict weak order ("1a" < "9" <
// "10" < "10a" < "1a"), which std::sort must not be given; this algorithm
// stays in bounds with any comparison. (kubectl itself starts from Go's random
// map order, so it prints such rare key sets in varying orders.)
namespace capstan::manifest::gosort {

template<typename T, typename Less> class Sorter
{
public:
    Sorter(T *data, std::size_t size, Less less)
        : m_data(data)
        , m_size(size)
        , m_less(less)
    {
    }

    void sort()
    {
        const std::size_t n = m_size;
        if (n <= 1)
            return;
        pdqsort(0, long(n), int(std::bit_width(n)));
    }

private:
    enum class Hint { Unknown, Increasing, Decreasing };

    bool less(long i, long j) const { return m_less(m_data[std::size_t(i)], m_data[std::size_t(j)]); }
    void swap(long i, long j) { std::swap(m_data[std::size_t(i)], m_data[std::size_t(j)]); }

    void insertionSort(long a, long b)
    {
        for (long i = a + 1; i < b; ++i)
            for (long j = i; j > a && less(j, j - 1); --j)
                swap(j, j - 1);
    }

    void siftDown(long lo, long hi, long first)
    {
        long root = lo;
        for (;;) {
            long child = 2 * root + 1;
            if (child >= hi)
                return;
            if (child + 1 < hi && less(first + child, first + child + 1))
                ++child;
            if (!less(first + root, first + child))
                return;
            swap(first + root, first + child);
            root = child;
        }
    }

    void heapSort(long a, long b)
    {
        const long first = a, hi = b - a;
        for (long i = (hi - 1) / 2; i >= 0; --i)
            siftDown(i, hi, first);
        for (long i = hi - 1; i >= 0; --i) {
            swap(first, first + i);
            siftDown(0, i, first);
        }
    }

    void pdqsort(long a, long b, int limit)
    {
        constexpr long maxInsertion = 12;
        bool wasBalanced = true, wasPartitioned = true;
        for (;;) {
            const long length = b - a;
            if (length <= maxInsertion) {
                insertionSort(a, b);
                return;
            }
            if (limit == 0) {
                heapSort(a, b);
                return;
            }
            if (!wasBalanced) {
                breakPatterns(a, b);
                --limit;
            }
            auto [pivot, hint] = choosePivot(a, b);
            if (hint == Hint::Decreasing) {
                reverseRange(a, b);
                pivot = (b - 1) - (pivot - a);
                hint = Hint::Increasing;
            }
            if (wasBalanced && wasPartitioned && hint == Hint::Increasing && partialInsertionSort(a, b))
                return;
            if (a > 0 && !less(a - 1, pivot)) {
                a = partitionEqual(a, b, pivot);
                continue;
            }
            const auto [mid, alreadyPartitioned] = partition(a, b, pivot);
            wasPartitioned = alreadyPartitioned;
            const long leftLen = mid - a, rightLen = b - mid;
            const long balanceThreshold = length / 8;
            if (leftLen < rightLen) {
                wasBalanced = leftLen >= balanceThreshold;
                pdqsort(a, mid, limit);
                a = mid + 1;
            } else {
                wasBalanced = rightLen >= balanceThreshold;
                pdqsort(mid + 1, b, limit);
                b = mid;
            }
        }
    }

    std::pair<long, bool> partition(long a, long b, long pivot)
    {
        swap(a, pivot);
        long i = a + 1, j = b - 1;
        while (i <= j && less(i, a))
            ++i;
        while (i <= j && !less(j, a))
            --j;
        if (i > j) {
            swap(j, a);
            return { j, true };
        }
        swap(i, j);
        ++i;
        --j;
        for (;;) {
            while (i <= j && less(i, a))
                ++i;
            while (i <= j && !less(j, a))
                --j;
            if (i > j)
                break;
            swap(i, j);
            ++i;
            --j;
        }
        swap(j, a);
        return { j, false };
    }

    long partitionEqual(long a, long b, long pivot)
    {
        swap(a, pivot);
        long i = a + 1, j = b - 1;
        for (;;) {
            while (i <= j && !less(a, i))
                ++i;
            while (i <= j && less(a, j))
                --j;
            if (i > j)
                break;
            swap(i, j);
            ++i;
            --j;
        }
        return i;
    }

    bool partialInsertionSort(long a, long b)
    {
        constexpr int maxSteps = 5;
        constexpr long shortestShifting = 50;
        long i = a + 1;
        for (int step = 0; step < maxSteps; ++step) {
            while (i < b && !less(i, i - 1))
                ++i;
            if (i == b)
                return true;
            if (b - a < shortestShifting)
                return false;
            swap(i, i - 1);
            if (i - a >= 2) {
                for (long j = i - 1; j >= 1; --j) {
                    if (!less(j, j - 1))
                        break;
                    swap(j, j - 1);
                }
            }
            if (b - i >= 2) {
                for (long j = i + 1; j < b; ++j) {
                    if (!less(j, j - 1))
                        break;
                    swap(j, j - 1);
                }
            }
        }
        return false;
    }

    void breakPatterns(long a, long b)
    {
        const long length = b - a;
        if (length < 8)
            return;
        // Go 1.23's generator (shifts 13, 17, 5), seeded with the length.
        std::uint64_t random = std::uint64_t(length);
        const auto next = [&random] {
            random ^= random << 13;
            random ^= random >> 17;
            random ^= random << 5;
            return random;
        };
        const std::uint64_t modulus = std::uint64_t(1) << std::bit_width(std::uint64_t(length));
        const long idx = a + (length / 4) * 2 - 1;
        for (long i = 0; i < 3; ++i) {
            long other = long(next() & (modulus - 1));
            if (other >= length)
                other -= length;
            swap(idx - 1 + i, a + other);
        }
    }

    long order2Median(long x, long y, long z, int &swaps)
    {
        const auto order2 = [&](long &p, long &q) {
            if (less(q, p)) {
                ++swaps;
                std::swap(p, q);
            }
        };
        order2(x, y);
        order2(y, z);
        order2(x, y);
        return y;
    }

    std::pair<long, Hint> choosePivot(long a, long b)
    {
        constexpr long shortestNinther = 50;
        constexpr int maxSwaps = 4 * 3;
        const long l = b - a;
        int swaps = 0;
        long i = a + l / 4 * 1, j = a + l / 4 * 2, k = a + l / 4 * 3;
        if (l >= 8) {
            if (l >= shortestNinther) {
                i = order2Median(i - 1, i, i + 1, swaps);
                j = order2Median(j - 1, j, j + 1, swaps);
                k = order2Median(k - 1, k, k + 1, swaps);
            }
            j = order2Median(i, j, k, swaps);
        }
        if (swaps == 0)
            return { j, Hint::Increasing };
        if (swaps == maxSwaps)
            return { j, Hint::Decreasing };
        return { j, Hint::Unknown };
    }

    void reverseRange(long a, long b)
    {
        for (long i = a, j = b - 1; i < j; ++i, --j)
            swap(i, j);
    }

    T *m_data;
    std::size_t m_size;
    Less m_less;
};

template<typename T, typename Less> void sort(T *data, std::size_t size, Less less)
{
    Sorter<T, Less>(data, size, less).sort();
}

template<typename T, typename Less> void sort(std::vector<T> &data, Less less)
{
    sort(data.data(), data.size(), less);
}

} // namespace capstan::manifest::gosort
