// The engine benchmark (issue 4): generates a workspace of N services × 3
// environments, syncs most applications into a sandbox cluster, then times the
// Reconciler's first full refresh (cold caches), a refresh when nothing changed,
// a refresh after one live change, and reports peak memory.
//
//   bench_engine [--services N] [--runs R] [--keep DIR]
//
// The cluster is prepared in a child process so that the measured process's
// peak memory and caches are its own.

#include "bench_workspace.h"

#include "cluster/sandbox_cluster.h"
#include "reconcile/compare/tracking.h"
#include "reconcile/engine/reconciler.h"

#include <QFileInfo>
#include <QTemporaryDir>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>

using namespace capstan;

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

[[noreturn]] void fail(const std::string &what)
{
    std::fprintf(stderr, "bench_engine: %s\n", what.c_str());
    std::exit(1);
}

void printLoad(const char *when)
{
    std::printf("load (%s): ", when);
    std::fflush(stdout);
    if (std::system("uptime") != 0)
        std::printf("?\n");
}

struct Tally
{
    int apps = 0, synced = 0, outOfSync = 0, unknown = 0, resources = 0, errors = 0;
};

Tally tally(const engine::WorkspaceSnapshot &snapshot)
{
    Tally t;
    for (const engine::AppState &app : snapshot.apps) {
        ++t.apps;
        t.resources += static_cast<int>(app.resources.size());
        switch (app.sync) {
        case compare::SyncStatus::Synced: ++t.synced; break;
        case compare::SyncStatus::OutOfSync: ++t.outOfSync; break;
        case compare::SyncStatus::Unknown: ++t.unknown; break;
        }
        if (!app.canSync())
            ++t.errors;
    }
    return t;
}

void printTally(const char *label, double ms, const Tally &t)
{
    std::printf("%-28s %9.1f ms   apps %d (Synced %d, OutOfSync %d, Unknown %d, blocked %d), resources %d\n", label,
                ms, t.apps, t.synced, t.outOfSync, t.unknown, t.errors, t.resources);
}

long peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

} // namespace

int main(int argc, char **argv)
{
    int services = 1000;
    int runs = 5;
    QString keep;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--services") && i + 1 < argc)
            services = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--keep") && i + 1 < argc)
            keep = QString::fromLocal8Bit(argv[++i]);
        else
            fail("usage: bench_engine [--services N] [--runs R] [--keep DIR]");
    }

    QTemporaryDir temp;
    const QString base = keep.isEmpty() ? temp.path() : keep;
    const QString repoDir = base + QStringLiteral("/shop");
    const std::string db = (base + QStringLiteral("/sandbox.db")).toStdString();

    auto start = Clock::now();
    bench::BenchWorkspace workspace;
    if (!keep.isEmpty() && QFileInfo::exists(repoDir) && QFileInfo::exists(QString::fromStdString(db))) {
        // A workspace kept by an earlier run (--keep): measure it again as it is.
        workspace.repositoryPath = repoDir;
        for (int i = 0; i < services; ++i) {
            char service[32];
            std::snprintf(service, sizeof service, "svc-%04d", i);
            for (const char *env : {"dev", "staging", "prod"})
                workspace.applications.push_back(std::string(service) + "-" + env);
        }
        std::printf("reusing the workspace in %s\n", qPrintable(base));
    } else {
        workspace = bench::createBenchWorkspace(repoDir, services);
        std::printf("generated %d services × 3 environments = %zu applications (%.1f s)\n", services,
                    workspace.applications.size(), msSince(start) / 1000.0);
        std::fflush(stdout);
        const pid_t child = fork();
        if (child == 0) {
            int code = 0;
            try {
                bench::populateSandbox(db, workspace);
            } catch (const std::exception &e) {
                std::fprintf(stderr, "bench_engine: %s\n", e.what());
                code = 1;
            }
            std::fflush(stdout);
            std::_Exit(code);
        }
        int status = 0;
        waitpid(child, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            fail("preparing the cluster failed");
    }

    printLoad("before");
    auto opened = cluster::SandboxCluster::open(db);
    if (!opened)
        fail("sandbox: " + opened.error().message);
    std::shared_ptr<cluster::SandboxCluster> sandbox(std::move(*opened));
    auto repository = git::Repository::open(repoDir);
    if (!repository)
        fail(repository.error().toString());
    engine::Reconciler reconciler(*repository, sandbox);

    start = Clock::now();
    auto cold = reconciler.refresh();
    const double coldMs = msSince(start);
    if (!cold)
        fail(cold.error().toString());
    const Tally coldTally = tally(**cold);
    printTally("cold refresh", coldMs, coldTally);

    std::vector<double> warm;
    Tally warmTally;
    for (int i = 0; i < runs; ++i) {
        start = Clock::now();
        auto again = reconciler.refresh();
        warm.push_back(msSince(start));
        if (!again)
            fail(again.error().toString());
        warmTally = tally(**again);
    }
    std::sort(warm.begin(), warm.end());
    const double warmMedian = warm[warm.size() / 2];
    printTally("nothing changed (median)", warmMedian, warmTally);
    std::printf("  nothing-changed runs:");
    for (double ms : warm)
        std::printf(" %.1f", ms);
    std::printf(" ms\n");

    // One live change, made through this instance: its application turns OutOfSync.
    const std::string changed = workspace.applications.size() > 2 ? workspace.applications[2] : std::string();
    if (!changed.empty()) {
        auto live = reconciler.liveObjects(changed);
        for (const manifest::Object &o : live ? *live : std::vector<manifest::Object>()) {
            if (o.kind() != "Deployment")
                continue;
            manifest::Object edit(manifest::Node::map());
            edit.root().set("apiVersion", manifest::Node::string("apps/v1"));
            edit.root().set("kind", manifest::Node::string("Deployment"));
            edit.setName(o.name());
            edit.setNamespace(o.ns());
            edit.root()["spec"].set("replicas", manifest::Node::integer(9));
            if (auto r = sandbox->apply(edit, {"kubectl-edit", true}); !r)
                fail(r.error().message);
        }
        start = Clock::now();
        auto after = reconciler.refresh();
        const double ms = msSince(start);
        if (!after)
            fail(after.error().toString());
        printTally("after one live change", ms, tally(**after));
        const engine::AppState *state = (*after)->app(changed);
        std::printf("  %s is %s\n", changed.c_str(), state ? compare::toString(state->sync) : "missing");
    }

    const long rss = peakRssMb();
    printLoad("after");
    std::printf("\nRESULT cold %.0f ms (target < 3000), nothing changed %.1f ms (target < 200), peak RSS %ld MB "
                "(target < 500)\n",
                coldMs, warmMedian, rss);
    if (coldTally.apps != warmTally.apps || coldTally.synced != warmTally.synced
        || coldTally.outOfSync != warmTally.outOfSync)
        fail("the nothing-changed refresh disagrees with the cold one");
    return 0;
}
