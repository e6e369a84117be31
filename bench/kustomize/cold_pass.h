#pragma once

#include <filesystem>
#include <vector>

// A cold pass of the render benchmark run in a child process: the child is
// forked before this process has rendered anything, so its parse caches start
// empty, as in a process just started; it shares no memory with this process
// afterwards. Each render is timed inside the child.
namespace capstan::bench {

struct ColdPass
{
    bool ok = false; // the child ran and every overlay rendered
    double meanMillis = 0; // per overlay
    double medianMillis = 0;
};

ColdPass coldPassInChild(const std::vector<std::filesystem::path> &overlays);

// The median of values (the lower middle one for an even count); 0 for none.
double median(std::vector<double> values);

} // namespace capstan::bench
