#include "cold_pass.h"

#include "kustomize/render.h"

#include <QProcess>
#include <QStringList>

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace capstan::bench {

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[(values.size() - 1) / 2];
}

int runColdPass(const std::vector<std::filesystem::path> &overlays)
{
    std::vector<double> each;
    each.reserve(overlays.size());
    double total = 0;
    int failed = 0;
    for (const std::filesystem::path &overlay : overlays) {
        const auto start = std::chrono::steady_clock::now();
        failed += capstan::kustomize::renderDirectory(overlay.string()).ok() ? 0 : 1;
        each.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        total += each.back();
    }
    if (each.empty())
        return 1;
    std::printf("cold-pass %.6f %.6f %d\n", total / static_cast<double>(each.size()), median(each), failed);
    return failed == 0 ? 0 : 1;
}

ColdPass coldPassInFreshProcess(const std::string &self, const std::filesystem::path &root, int count)
{
    QProcess process;
    process.start(QString::fromStdString(self),
                  {QStringLiteral("--cold-pass"), QStringLiteral("--dir"), QString::fromStdString(root.string()),
                   QStringLiteral("--overlays"), QString::number(count)});
    if (!process.waitForFinished(600000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return {};
    ColdPass pass;
    int failed = -1;
    const QByteArray out = process.readAllStandardOutput();
    if (std::sscanf(out.constData(), "cold-pass %lf %lf %d", &pass.meanMillis, &pass.medianMillis, &failed) != 3
        || failed != 0)
        return {};
    pass.ok = true;
    return pass;
}

} // namespace capstan::bench
