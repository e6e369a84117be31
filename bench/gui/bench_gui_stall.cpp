// The console benchmark (issue 6): the longest time the GUI thread does not
// get to run its event loop while the console opens and refreshes a workspace
// of N services × 3 environments (1,002 applications by default). A 1 ms
// precise timer on the GUI thread records every gap between its ticks; a gap
// beyond the interval is a stall the person would feel as a frozen window.
//
//   bench_gui_stall [--services N] [--runs R]
//
// Runs on the offscreen platform unless QT_QPA_PLATFORM says otherwise (the
// window is still laid out and painted). Automated sync is off, so that every
// refresh measures the same work.

#include "bench_workspace.h"

#include "engine/engineclient.h"
#include "git/repository.h"
#include "mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <vector>

using namespace capstan;

namespace {

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "bench_gui_stall: %s\n", qPrintable(what));
    std::exit(1);
}

// Records the gaps between the ticks of a 1 ms timer on the GUI thread.
class StallMeter
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_gaps.push_back(double(now - m_last) / 1e6);
            m_last = now;
        });
    }

    void start()
    {
        m_gaps.clear();
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }

    struct Figures
    {
        double longest = 0;
        double p99 = 0;
        int over50 = 0; // gaps longer than 50 ms
    };

    Figures stop()
    {
        m_timer.stop();
        Figures f;
        if (m_gaps.empty())
            return f;
        std::vector<double> sorted = m_gaps;
        std::sort(sorted.begin(), sorted.end());
        f.longest = sorted.back();
        f.p99 = sorted[std::min(sorted.size() - 1, sorted.size() * 99 / 100)];
        f.over50 = int(std::count_if(sorted.begin(), sorted.end(), [](double g) { return g > 50; }));
        return f;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    std::vector<double> m_gaps;
};

// Runs the event loop until the next snapshot, then `settleMs` more for the
// views to fill; returns the milliseconds until the snapshot arrived.
double waitForSnapshot(ui::EngineClient *engine, int settleMs, const std::function<void()> &trigger)
{
    QEventLoop loop;
    QElapsedTimer clock;
    double arrived = -1;
    auto connection = QObject::connect(engine, &ui::EngineClient::snapshotChanged, &loop, [&] {
        arrived = double(clock.nsecsElapsed()) / 1e6;
        QTimer::singleShot(settleMs, &loop, &QEventLoop::quit);
    });
    QTimer::singleShot(600000, &loop, &QEventLoop::quit);
    clock.start();
    trigger();
    loop.exec();
    QObject::disconnect(connection);
    if (arrived < 0)
        fail(QStringLiteral("no snapshot within 10 minutes"));
    return arrived;
}

void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

void report(const char *phase, double snapshotMs, const StallMeter::Figures &f)
{
    std::printf("%-40s snapshot after %8.1f ms   longest GUI stall %6.1f ms   p99 gap %5.1f ms   stalls > 50 ms: %d\n",
                phase, snapshotMs, f.longest, f.p99, f.over50);
    std::fflush(stdout);
}

// Commits a change to the base Deployment of the first `count` services, as a
// release touching many applications would.
void commitBaseChange(const QString &repositoryPath, int count)
{
    auto repository = git::Repository::open(repositoryPath);
    if (!repository)
        fail(QString::fromStdString(repository.error().toString()));
    QList<git::FileChange> changes;
    for (int i = 0; i < count; ++i) {
        const QString path = QStringLiteral("apps/svc-%1/base/deployment.yaml").arg(i, 4, 10, QLatin1Char('0'));
        auto content = repository->readFile(QStringLiteral("HEAD"), path);
        if (!content)
            fail(QString::fromStdString(content.error().toString()));
        changes.push_back({path, QByteArray(*content).replace("replicas: 2", "replicas: 3")});
    }
    const git::Signature author{QStringLiteral("Bench"), QStringLiteral("bench@example.com"), {}};
    if (auto commit = repository->commit(QStringLiteral("main"), changes, QStringLiteral("Scale up"), author); !commit)
        fail(QString::fromStdString(commit.error().toString()));
}

} // namespace

int main(int argc, char **argv)
{
    int services = 334;
    int runs = 5;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--services") && i + 1 < argc)
            services = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
        else
            fail(QStringLiteral("usage: bench_gui_stall [--services N] [--runs R]"));
    }
    QTemporaryDir temp;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Settings and recent workspaces go to the scratch folder, not the user's.
    qputenv("XDG_CONFIG_HOME", temp.filePath(QStringLiteral("config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", temp.filePath(QStringLiteral("data")).toLocal8Bit());

    const QString repo = temp.filePath(QStringLiteral("shop"));
    bench::BenchWorkspace workspace;
    try {
        workspace = bench::createBenchWorkspace(repo, services);
    } catch (const std::exception &e) {
        fail(QString::fromUtf8(e.what()));
    }
    std::printf("generated %d services × 3 environments = %zu applications\n", services,
                workspace.applications.size());
    std::fflush(stdout);
    // The cluster is filled in a child process, as another tool would have,
    // where the console's workspace keeps it.
    QDir().mkpath(repo + QStringLiteral("/.git/capstan"));
    if (const pid_t child = fork(); child == 0) {
        int code = 0;
        try {
            bench::populateSandbox((repo + QStringLiteral("/.git/capstan/sandbox.db")).toStdString(), workspace);
        } catch (const std::exception &e) {
            std::fprintf(stderr, "bench_gui_stall: %s\n", e.what());
            code = 1;
        }
        std::fflush(stdout);
        std::_Exit(code);
    } else {
        int status = 0;
        waitpid(child, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            fail(QStringLiteral("preparing the cluster failed"));
    }

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CapstanBench"));
    ui::EngineSettings settings;
    settings.automatedSync = false;
    settings.pollIntervalMs = 24 * 3600 * 1000;
    ui::MainWindow window(settings);
    window.resize(1600, 1000);
    window.show();
    settle(200);
    if (std::system("uptime") != 0)
        std::printf("load: ?\n");

    StallMeter meter;
    StallMeter::Figures worst;
    const auto keep = [&](const StallMeter::Figures &f) {
        worst.longest = std::max(worst.longest, f.longest);
        worst.over50 += f.over50;
    };

    meter.start();
    double ms = waitForSnapshot(window.engine(), 1000, [&] { window.openWorkspace(repo); });
    auto f = meter.stop();
    report("open + first refresh (cold)", ms, f);
    keep(f);

    for (int i = 0; i < runs; ++i) {
        meter.start();
        ms = waitForSnapshot(window.engine(), 300, [&] { window.engine()->refresh(); });
        f = meter.stop();
        report("refresh, nothing changed", ms, f);
        keep(f);
    }

    commitBaseChange(repo, std::min(services, 100));
    meter.start();
    ms = waitForSnapshot(window.engine(), 500, [&] { window.engine()->refresh(); });
    f = meter.stop();
    report("refresh after a commit to 100 bases", ms, f);
    keep(f);

    // Selecting an application loads its resource tree, diffs and history.
    meter.start();
    window.selectApp(QString::fromStdString(workspace.applications.at(1)));
    settle(1500);
    f = meter.stop();
    report("select an application", 0, f);
    keep(f);

    std::printf("\nlongest GUI stall in all phases: %.1f ms (target < 50 ms); stalls > 50 ms: %d\n", worst.longest,
                worst.over50);
    return 0;
}
