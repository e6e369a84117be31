// Render benchmark for issue 3: generates a repository of N overlays, renders
// every overlay in-process with capstan::kustomize::renderDirectory (cold: the
// process has rendered nothing before, so its parse cache starts empty and the
// first overlay of each base reads and parses that base), times more cold
// passes in fresh processes of itself (--cold-pass) between the kubectl runs,
// and, in the same run, times `kubectl kustomize` and `capstanctl render` as
// whole processes on a sample. A first pass in a fresh process puts the
// kernel's caches where kubectl finds them; see README.md.
//
//   bench_render [--overlays N] [--dir DIR [--reuse]] [--once] [--passes P] [--kubectl K] [--ctl PATH] [--samples K]
//   bench_render --print DIR      render one directory like capstanctl render
//                                  (the driver compare_random.sh falls back to)
#include "bench_repository.h"
#include "bench_stats.h"
#include "cold_pass.h"
#include "kustomize/parse_cache.h"
#include "kustomize/render.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using capstan::bench::mean;
using capstan::bench::percentiles;
using capstan::bench::Percentiles;

double millisSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// User and system time this process has used: on a busy or virtual machine
// it moves less than wall time with what else runs.
double cpuMillis()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    const auto ms = [](const timeval &t) { return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

// Pages the kernel handed this process for the first time (each costs about
// 2 us here).
long minorFaults()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_minflt;
}

double peakRssMiB(int who)
{
    rusage usage {};
    getrusage(who, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

struct Options
{
    int overlays = 1000;
    std::string dir; // empty: a temporary directory, removed afterwards
    int kubectlSamples = 0; // --kubectl K
    std::string ctl; // --ctl PATH
    int samples = 20; // overlays for --ctl when --kubectl is not given
    std::string printDir; // --print DIR
    std::string warmCheckDir; // --warm-check DIR
    bool reuse = false; // --reuse: DIR holds the repository already (for profiling)
    bool once = false; // --once: this process's cold pass only, no re-render and no --passes (profiling)
    int passes = 5; // --passes P: cold passes timed (this one, then P - 1 in fresh processes)
    bool coldPass = false; // --cold-pass: be one of those fresh processes (needs --dir)
};

[[noreturn]] void usage(const char *why)
{
    std::fprintf(stderr,
        "bench_render: %s\n"
        "usage: bench_render [--overlays N] [--dir DIR [--reuse]] [--once] [--passes P] [--kubectl K] [--ctl PATH] [--samples K]\n"
        "       bench_render --print DIR\n"
        "       bench_render --warm-check DIR   (DIR: trees written by gen_random_trees)\n",
        why);
    std::exit(2);
}

int positive(const char *text, const char *flag)
{
    char *end = nullptr;
    const long value = std::strtol(text, &end, 10);
    if (*end != '\0' || value <= 0 || value > 1000000)
        usage((std::string(flag) + " wants a positive number").c_str());
    return static_cast<int>(value);
}

Options parse(int argc, char **argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto next = [&]() -> const char * {
            if (i + 1 >= argc)
                usage((arg + " needs a value").c_str());
            return argv[++i];
        };
        if (arg == "--overlays")
            o.overlays = positive(next(), "--overlays");
        else if (arg == "--dir")
            o.dir = next();
        else if (arg == "--kubectl")
            o.kubectlSamples = positive(next(), "--kubectl");
        else if (arg == "--ctl")
            o.ctl = next();
        else if (arg == "--passes")
            o.passes = positive(next(), "--passes");
        else if (arg == "--cold-pass")
            o.coldPass = true;
        else if (arg == "--samples")
            o.samples = positive(next(), "--samples");
        else if (arg == "--print")
            o.printDir = next();
        else if (arg == "--warm-check")
            o.warmCheckDir = next();
        else if (arg == "--reuse")
            o.reuse = true;
        else if (arg == "--once")
            o.once = true;
        else
            usage(("unknown argument " + arg).c_str());
    }
    return o;
}

int printRender(const std::string &dir)
{
    const auto result = capstan::kustomize::renderDirectory(dir);
    for (const std::string &w : result ? result.value().warnings : result.error().warnings)
        std::fprintf(stderr, "%s\n", w.c_str());
    if (!result.ok()) {
        std::fprintf(stderr, "error: %s\n", result.error().toString().c_str());
        return 1;
    }
    std::fwrite(result.value().yaml.data(), 1, result.value().yaml.size(), stdout);
    return 0;
}

// A render as the user sees it: output, warnings, error.
std::string shown(const std::string &dir)
{
    const auto result = capstan::kustomize::renderDirectory(dir);
    if (!result.ok())
        return "error: " + result.error().toString();
    std::string text;
    for (const std::string &w : result.value().warnings)
        text += "warning: " + w + "\n";
    return text + result.value().yaml;
}

// For each tree: the case rendered in a process that has rendered nothing
// before, then again after every kustomization of the tree was rendered (so
// its bases come from the caches), forwards and backwards. All must be equal.
int warmCheck(const std::filesystem::path &dir)
{
    namespace fs = std::filesystem;
    std::vector<fs::path> trees;
    for (const auto &entry : fs::directory_iterator(dir))
        if (fs::exists(entry.path() / "case.txt"))
            trees.push_back(entry.path());
    std::sort(trees.begin(), trees.end());
    int differ = 0;
    for (const fs::path &tree : trees) {
        std::ifstream caseFile(tree / "case.txt");
        std::string line;
        std::getline(caseFile, line);
        const std::string target = (tree / line.substr(line.rfind(' ') + 1)).string();
        std::vector<std::string> roots;
        for (const auto &entry : fs::recursive_directory_iterator(tree))
            if (entry.is_regular_file() && entry.path().filename() == "kustomization.yaml")
                roots.push_back(entry.path().parent_path().string());
        std::sort(roots.begin(), roots.end());
        capstan::kustomize::clearParseCaches();
        const std::string cold = shown(target);
        for (const std::string &root : roots)
            shown(root);
        const std::string forwards = shown(target);
        std::reverse(roots.begin(), roots.end());
        for (const std::string &root : roots)
            shown(root);
        const std::string backwards = shown(target);
        if (forwards != cold || backwards != cold) {
            ++differ;
            std::printf("differs when warm: %s\n", target.c_str());
        }
    }
    std::printf("warm check: %zu trees, %d differ\n", trees.size(), differ);
    return differ == 0 && !trees.empty() ? 0 : 1;
}

// Runs `program args... dir` once and returns its wall time, or a negative
// number when it failed. Output is read in full, as Argo CD's repo-server does.
struct ProcessRun
{
    double millis = -1;
    QByteArray out;
};

ProcessRun timeProcess(const QString &program, QStringList args, const std::filesystem::path &dir)
{
    args << QString::fromStdString(dir.string());
    QProcess process;
    const auto start = Clock::now();
    process.start(program, args);
    const bool finished = process.waitForFinished(120000);
    ProcessRun run;
    run.out = process.readAllStandardOutput();
    const double millis = millisSince(start);
    if (finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        run.millis = millis;
    return run;
}

std::vector<std::size_t> sampleIndices(std::size_t total, int count)
{
    std::vector<std::size_t> picked;
    const std::size_t k = std::min<std::size_t>(total, static_cast<std::size_t>(count));
    for (std::size_t i = 0; i < k; ++i)
        picked.push_back(i * total / k);
    return picked;
}

struct ProcessSummary
{
    int runs = 0;
    int failed = 0;
    int identical = 0; // outputs byte-identical to Capstan's in-process render
    double meanMillis = 0;
    double medianMillis = 0;
};

// Times whole-process renders (kubectl kustomize, capstanctl render), one
// overlay at a time, and checks each output against Capstan's.
class SampleTimer
{
public:
    SampleTimer(QString program, QStringList args) : m_program(std::move(program)), m_args(std::move(args)) {}

    void run(const std::filesystem::path &dir, const std::string &expected)
    {
        const ProcessRun run = timeProcess(m_program, m_args, dir);
        ++m_summary.runs;
        if (run.millis < 0) {
            ++m_summary.failed;
            return;
        }
        m_each.push_back(run.millis);
        if (run.out.toStdString() == expected)
            ++m_summary.identical;
    }

    ProcessSummary summary() const
    {
        ProcessSummary s = m_summary;
        s.meanMillis = mean(m_each);
        s.medianMillis = percentiles(m_each).p50;
        return s;
    }

private:
    QString m_program;
    QStringList m_args;
    ProcessSummary m_summary;
    std::vector<double> m_each;
};

} // namespace

int main(int argc, char **argv)
{
    const Options options = parse(argc, argv);
    if (!options.printDir.empty())
        return printRender(options.printDir);
    if (!options.warmCheckDir.empty())
        return warmCheck(options.warmCheckDir);
    if (options.coldPass) {
        if (options.dir.empty())
            usage("--cold-pass needs --dir");
        return capstan::bench::runColdPass(capstan::bench::writeBenchRepository(options.dir, options.overlays, false));
    }
    const std::string self = "/proc/self/exe";

    QTemporaryDir temp(QDir::tempPath() + QStringLiteral("/capstan-bench-XXXXXX"));
    const std::filesystem::path root = options.dir.empty() ? temp.path().toStdString() : options.dir;
    if (options.dir.empty() && !temp.isValid())
        usage("cannot create a temporary directory");

    auto start = Clock::now();
    if (options.reuse && options.dir.empty())
        usage("--reuse needs --dir");
    const std::vector<std::filesystem::path> overlays
        = capstan::bench::writeBenchRepository(root, options.overlays, !options.reuse);
    std::printf("repository        : %zu overlays under %s (%s in %.0f ms)\n", overlays.size(),
        root.string().c_str(), options.reuse ? "listed" : "written", millisSince(start));

    // The kernel's caches as kubectl's runs below find them. Writing the
    // repository leaves every file in the page cache, but the names a render
    // looks for and does not find (kustomization.yml and Kustomization beside
    // each kustomization.yaml) have never been looked up: the first lookup of a
    // missing name costs about 6 us more here than later ones. kubectl, timed
    // after Capstan, would find them cached. So a fresh process renders every
    // overlay once first; it shares nothing with this process's caches.
    const capstan::bench::ColdPass firstPass = capstan::bench::coldPassInFreshProcess(self, root, options.overlays);
    if (!firstPass.ok)
        std::printf("first pass        : failed (the fresh process's error, if it printed one, is above)\n");
    else
        std::printf("first pass        : %.3f ms per overlay (p50 %.3f), in a fresh process right after writing "
                    "(the kernel looks up each missing file name for the first time); not in the ratios\n",
            firstPass.meanMillis, firstPass.medianMillis);

    // In-process, cold: nothing has been rendered in this process before. The
    // renderer keeps parsed files across renders (keyed by their metadata), so
    // the first overlay of each base pays for reading and parsing it; the rest
    // of that base's overlays find it parsed. Both are reported.
    std::vector<double> each;
    std::vector<bool> firstOfBase(overlays.size(), false);
    std::set<std::filesystem::path> basesSeen;
    std::vector<std::string> yaml(overlays.size());
    each.reserve(overlays.size());
    int failed = 0;
    std::string firstError;
    const double cpuBefore = cpuMillis();
    const long faultsBefore = minorFaults();
    start = Clock::now();
    for (std::size_t i = 0; i < overlays.size(); ++i) {
        const auto one = Clock::now();
        auto result = capstan::kustomize::renderDirectory(overlays[i].string());
        each.push_back(millisSince(one));
        firstOfBase[i] = basesSeen.insert(overlays[i].parent_path().parent_path()).second;
        if (result.ok()) {
            yaml[i] = std::move(result.value().yaml);
        } else if (failed++ == 0) {
            firstError = result.error().toString();
        }
    }
    const double totalMillis = millisSince(start);
    const double cpuPerOverlay = (cpuMillis() - cpuBefore) / static_cast<double>(overlays.size());
    const double perOverlay = totalMillis / static_cast<double>(overlays.size());
    const double rss = peakRssMiB(RUSAGE_SELF);
    const double faultsPerOverlay = static_cast<double>(minorFaults() - faultsBefore) / static_cast<double>(overlays.size());

    // The console's steady state: every overlay rendered again in the same
    // process, its files unchanged (so read from the parse cache after a stat
    // each), as after a Git change elsewhere in the repository. Each output
    // must equal the cold one.
    std::vector<double> again;
    again.reserve(overlays.size());
    int sameAsCold = 0;
    const auto againStart = Clock::now();
    for (std::size_t i = 0; !options.once && i < overlays.size(); ++i) {
        const auto one = Clock::now();
        auto result = capstan::kustomize::renderDirectory(overlays[i].string());
        again.push_back(millisSince(one));
        if (result.ok() && result.value().yaml == yaml[i])
            ++sameAsCold;
    }
    const double againPerOverlay = millisSince(againStart) / static_cast<double>(overlays.size());
    const Percentiles pAgain = percentiles(again);
    const Percentiles p = percentiles(each);
    std::printf("capstan in-process: %zu overlays, %d failed, total %.1f ms, %.3f ms per overlay "
                "(p50 %.3f, p95 %.3f, max %.3f), cold process\n",
        overlays.size(), failed, totalMillis, perOverlay, p.p50, p.p95, p.max);
    std::vector<double> first, later;
    for (std::size_t i = 0; i < each.size(); ++i)
        (firstOfBase[i] ? first : later).push_back(each[i]);
    std::printf("   processor time: %.3f ms per overlay; %.1f page faults per overlay (fresh memory)\n", cpuPerOverlay,
        faultsPerOverlay);
    std::printf("   first overlay of its base (base read and parsed): %zu, mean %.3f ms, p50 %.3f ms\n",
        first.size(), mean(first), percentiles(first).p50);
    std::printf("   later overlays (base files parsed already): %zu, mean %.3f ms, p50 %.3f ms\n", later.size(),
        mean(later), percentiles(later).p50);
    if (failed > 0)
        std::printf("   first failure: %s\n", firstError.c_str());
    // Where the time goes when the mean is far above the median.
    std::vector<std::size_t> order(each.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::partial_sort(order.begin(), order.begin() + std::min<std::ptrdiff_t>(3, std::ssize(order)), order.end(),
        [&](std::size_t a, std::size_t b) { return each[a] > each[b]; });
    for (std::size_t i = 0; i < std::min<std::size_t>(3, order.size()); ++i)
        std::printf("   slowest: %.3f ms %s (#%zu)\n", each[order[i]], overlays[order[i]].string().c_str(), order[i]);
    if (!options.once)
        std::printf("capstan re-render : %zu overlays again, files unchanged: %.3f ms per overlay (p50 %.3f), "
                "%d of %zu outputs equal to the cold ones\n",
        overlays.size(), againPerOverlay, pAgain.p50, sameAsCold, overlays.size());
    std::printf("peak RSS          : %.1f MiB (this process, after the cold renders)\n", rss);

    // More cold passes, each in a fresh process, taken between the kubectl
    // runs: one pass takes ~0.15 s, and a burst of other work on this shared
    // machine during it moves its mean by up to a third, while the kubectl runs
    // spread over seconds. Interleaved, both sides sample the same seconds; the
    // ratios use the median pass, and every pass is printed.
    std::vector<double> passMeans {perOverlay}, passMedians {p.p50};
    const int samples = options.kubectlSamples > 0 ? options.kubectlSamples : options.samples;
    const std::vector<std::size_t> picked = sampleIndices(overlays.size(), samples);
    const QString kubectl
        = options.kubectlSamples > 0 ? QStandardPaths::findExecutable(QStringLiteral("kubectl")) : QString();
    SampleTimer kubectlTimer(kubectl, {QStringLiteral("kustomize")});
    const int morePasses = options.once ? 0 : options.passes - 1;
    for (int chunk = 0; chunk <= morePasses; ++chunk) {
        const std::size_t from = picked.size() * static_cast<std::size_t>(chunk) / static_cast<std::size_t>(morePasses + 1);
        const std::size_t to = picked.size() * static_cast<std::size_t>(chunk + 1) / static_cast<std::size_t>(morePasses + 1);
        for (std::size_t i = from; !kubectl.isEmpty() && i < to; ++i)
            kubectlTimer.run(overlays[picked[i]], yaml[picked[i]]);
        if (chunk == morePasses)
            break;
        const capstan::bench::ColdPass pass = capstan::bench::coldPassInFreshProcess(self, root, options.overlays);
        if (pass.ok) {
            passMeans.push_back(pass.meanMillis);
            passMedians.push_back(pass.medianMillis);
        } else {
            std::printf("cold pass         : a fresh process failed\n");
        }
    }
    const double coldMean = percentiles(passMeans).p50;
    const double coldMedian = percentiles(passMedians).p50;
    std::printf("cold passes       : %zu, each in a process that had rendered nothing, this one first; "
                "per overlay, mean (p50):",
        passMeans.size());
    for (std::size_t i = 0; i < passMeans.size(); ++i)
        std::printf("%s %.3f (%.3f)", i ? "," : "", passMeans[i], passMedians[i]);
    std::printf("; median %.3f (%.3f) ms\n", coldMean, coldMedian);

    double kubectlMillis = 0;
    double kubectlMedian = 0;
    if (options.kubectlSamples > 0) {
        if (kubectl.isEmpty()) {
            std::printf("kubectl kustomize : skipped, kubectl is not on PATH\n");
        } else {
            const ProcessSummary s = kubectlTimer.summary();
            kubectlMillis = s.meanMillis;
            kubectlMedian = s.medianMillis;
            std::printf("kubectl kustomize : %d overlays, %d failed, %.2f ms per overlay (median %.2f), "
                        "largest child process %.1f MiB (kubectl's runs and the cold passes)\n",
                s.runs, s.failed, s.meanMillis, s.medianMillis, peakRssMiB(RUSAGE_CHILDREN));
            std::printf("   byte-identical to Capstan: %d of %d\n", s.identical, s.runs - s.failed);
            // Means carry the machine's load spikes; medians show the steady state.
            if (perOverlay > 0 && s.meanMillis > 0) {
                std::printf("   ratio kubectl / capstan in-process, cold (median of the cold passes): %.0fx by means, "
                            "%.0fx by medians (target >= 1000x)\n",
                    s.meanMillis / coldMean, s.medianMillis / coldMedian);
                std::printf("   ratio kubectl / capstan in-process, cold (this process's pass alone): %.0fx by means, "
                            "%.0fx by medians\n",
                    s.meanMillis / perOverlay, s.medianMillis / p.p50);
                if (!options.once)
                    std::printf("   ratio kubectl / capstan re-render: %.0fx by means, %.0fx by medians\n",
                        s.meanMillis / againPerOverlay, s.medianMillis / pAgain.p50);
            }
        }
    }
    if (!options.ctl.empty()) {
        SampleTimer ctlTimer(QString::fromStdString(options.ctl), {QStringLiteral("render")});
        for (std::size_t index : picked)
            ctlTimer.run(overlays[index], yaml[index]);
        const ProcessSummary s = ctlTimer.summary();
        std::printf("capstanctl render : %d overlays, %d failed, %.2f ms per overlay (median %.2f)\n", s.runs, s.failed,
            s.meanMillis, s.medianMillis);
        std::printf("   byte-identical to in-process: %d of %d\n", s.identical, s.runs - s.failed);
        if (kubectlMillis > 0 && s.meanMillis > 0)
            std::printf("   ratio kubectl / capstanctl: %.1fx by means, %.1fx by medians (target >= 30x)\n",
                kubectlMillis / s.meanMillis, kubectlMedian / s.medianMillis);
    }

    std::printf("targets           : 1000 overlays in < 1 s: %s (%.0f ms for %zu); peak RSS < 200 MB: %s\n",
        overlays.size() >= 1000 && totalMillis < 1000.0 ? "met" : (overlays.size() < 1000 ? "n/a" : "missed"),
        totalMillis, overlays.size(), rss * 1.048576 < 200.0 ? "met" : "missed");
    return failed == 0 ? 0 : 1;
}
