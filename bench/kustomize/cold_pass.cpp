#include "cold_pass.h"

#include "bench_stats.h"
#include "kustomize/render.h"

#include <QProcess>
#include <QStringList>

#include <chrono>
#include <cstdio>

namespace capstan::bench {

int runColdPass(const std::vector<std::filesystem::path> &overlays)
{
    std::vector<double> each;
    each.reserve(overlays.size());
    for (const std::filesystem::path &overlay : overlays) {
        const auto start = std::chrono::steady_clock::now();
        const auto result = capstan::kustomize::renderDirectory(overlay.string());
        each.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        if (!result.ok()) {
            std::fprintf(stderr, "cold pass: %s\n", result.error().toString().c_str());
            return 1;
        }
    }
    if (each.empty())
        return 1;
    std::printf("cold-pass %.6f %.6f\n", mean(each), percentiles(each).p50);
    return 0;
}

ColdPass coldPassInFreshProcess(const std::string &self, const std::filesystem::path &root, int count)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(QString::fromStdString(self),
                  {QStringLiteral("--cold-pass"), QStringLiteral("--dir"), QString::fromStdString(root.string()),
                   QStringLiteral("--overlays"), QString::number(count)});
    if (!process.waitForFinished(600000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return {};
    ColdPass pass;
    const QByteArray out = process.readAllStandardOutput();
    if (std::sscanf(out.constData(), "cold-pass %lf %lf", &pass.meanMillis, &pass.medianMillis) != 2)
        return {};
    pass.ok = true;
    return pass;
}

} // namespace capstan::bench
