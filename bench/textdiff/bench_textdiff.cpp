// Times the side-by-side diff of a 10,000-line YAML pair (issue 6: "a
// 10,000-line pair opens in under 100 ms"): line diff, alignment, word spans
// and folding, median of several runs.
#include "reconcile/textdiff/side_by_side.h"
#include "reconcile/textdiff/unified.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace {

using namespace capstan::textdiff;

// Deployments like a rendered overlay's, until `lines` lines are written.
std::vector<std::string> generateManifest(int lines)
{
    std::vector<std::string> out;
    for (int i = 0; static_cast<int>(out.size()) < lines; ++i) {
        const std::string name = "service-" + std::to_string(i);
        const std::vector<std::string> doc = {
            "---",
            "apiVersion: apps/v1",
            "kind: Deployment",
            "metadata:",
            "  labels:",
            "    app.kubernetes.io/name: " + name,
            "    app.kubernetes.io/part-of: shop",
            "  name: " + name,
            "  namespace: prod",
            "spec:",
            "  replicas: 3",
            "  selector:",
            "    matchLabels:",
            "      app.kubernetes.io/name: " + name,
            "  template:",
            "    metadata:",
            "      labels:",
            "        app.kubernetes.io/name: " + name,
            "    spec:",
            "      containers:",
            "      - env:",
            "        - name: LOG_LEVEL",
            "          value: info",
            "        image: registry.example.com/shop/" + name + ":1.4." + std::to_string(i % 17),
            "        name: app",
            "        ports:",
            "        - containerPort: 8080",
            "          name: http",
            "        resources:",
            "          limits:",
            "            cpu: 500m",
            "            memory: 256Mi",
            "          requests:",
            "            cpu: 100m",
            "            memory: 128Mi",
        };
        out.insert(out.end(), doc.begin(), doc.end());
    }
    out.resize(lines);
    return out;
}

std::string join(const std::vector<std::string> &lines)
{
    std::string text;
    for (const std::string &l : lines) {
        text += l;
        text += '\n';
    }
    return text;
}

// Edits `changes` scattered places: tag bumps, replica changes, inserted and removed lines.
std::vector<std::string> mutate(std::vector<std::string> lines, int changes, unsigned seed)
{
    std::mt19937 rng(seed);
    for (int c = 0; c < changes; ++c) {
        const std::size_t at = rng() % lines.size();
        switch (c % 4) {
        case 0:
            lines[at] += "-rc1";
            break;
        case 1:
            lines[at] = "  replicas: " + std::to_string(rng() % 9);
            break;
        case 2:
            lines.insert(lines.begin() + static_cast<long>(at), "        - name: FEATURE_" + std::to_string(c));
            break;
        default:
            lines.erase(lines.begin() + static_cast<long>(at));
            break;
        }
    }
    return lines;
}

double runOnce(const std::string &left, const std::string &right, SideBySide &out)
{
    const auto start = std::chrono::steady_clock::now();
    const Lines a = splitLines(left);
    const Lines b = splitLines(right);
    out = alignSideBySide(a, b);
    const std::vector<Fold> folds = foldUnchanged(out.rows);
    const auto end = std::chrono::steady_clock::now();
    if (folds.empty() && out.rows.empty())
        std::abort(); // keeps the work observable
    return std::chrono::duration<double, std::milli>(end - start).count();
}

void benchmark(const char *label, const std::string &left, const std::string &right)
{
    std::vector<double> times;
    SideBySide result;
    for (int run = 0; run < 9; ++run)
        times.push_back(runOnce(left, right, result));
    std::sort(times.begin(), times.end());
    std::printf("%-34s rows %6zu  changed %5d  added %5d  removed %5d  median %8.2f ms  (min %.2f, max %.2f)\n", label,
        result.rows.size(), result.changedLines, result.addedLines, result.removedLines, times[times.size() / 2],
        times.front(), times.back());
}

} // namespace

int main()
{
    const std::vector<std::string> base = generateManifest(10000);
    const std::string left = join(base);
    benchmark("10k lines, 40 scattered changes", left, join(mutate(base, 40, 1)));
    benchmark("10k lines, 400 scattered changes", left, join(mutate(base, 400, 2)));
    benchmark("10k lines, 3000 scattered changes", left, join(mutate(base, 3000, 3)));
    std::vector<std::string> unrelated = generateManifest(10000);
    for (std::string &l : unrelated)
        l += " # other";
    benchmark("10k lines, nothing in common", left, join(unrelated));

    const auto start = std::chrono::steady_clock::now();
    const std::string unified = unifiedDiff(left, join(mutate(base, 40, 1)), "a/live.yaml", "b/desired.yaml");
    const auto end = std::chrono::steady_clock::now();
    std::printf("%-34s %zu bytes  %8.2f ms\n", "unified diff, 40 changes", unified.size(),
        std::chrono::duration<double, std::milli>(end - start).count());
    return 0;
}
