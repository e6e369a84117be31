#include "cold_pass.h"

#include "kustomize/render.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
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

ColdPass coldPassInChild(const std::vector<std::filesystem::path> &overlays)
{
    int pipeEnds[2];
    if (overlays.empty() || ::pipe(pipeEnds) != 0)
        return {};
    std::fflush(stdout);
    std::fflush(stderr);
    const pid_t child = ::fork();
    if (child < 0) {
        ::close(pipeEnds[0]);
        ::close(pipeEnds[1]);
        return {};
    }
    if (child == 0) {
        ::close(pipeEnds[0]);
        std::vector<double> each;
        each.reserve(overlays.size());
        bool allRendered = true;
        double total = 0;
        for (const std::filesystem::path &overlay : overlays) {
            const auto start = std::chrono::steady_clock::now();
            allRendered = capstan::kustomize::renderDirectory(overlay.string()).ok() && allRendered;
            each.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
            total += each.back();
        }
        const std::array<double, 2> result {total / static_cast<double>(each.size()), median(each)};
        const bool sent = ::write(pipeEnds[1], result.data(), sizeof result) == static_cast<ssize_t>(sizeof result);
        _exit(allRendered && sent ? 0 : 1);
    }
    ::close(pipeEnds[1]);
    std::array<double, 2> result {};
    const bool received = ::read(pipeEnds[0], result.data(), sizeof result) == static_cast<ssize_t>(sizeof result);
    ::close(pipeEnds[0]);
    int status = 0;
    const bool exited = ::waitpid(child, &status, 0) == child && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (!received || !exited)
        return {};
    return {true, result[0], result[1]};
}

} // namespace capstan::bench
