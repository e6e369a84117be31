#pragma once

#include <filesystem>
#include <string>
#include <vector>

// Cold passes of the render benchmark in fresh processes: the benchmark starts
// itself again (`--cold-pass`), and that process renders every overlay once,
// timing each render, with parse caches that start empty, as in a process
// just started, and as each kubectl run starts.
namespace capstan::bench {

struct ColdPass
{
    bool ok = false; // the process ran and every overlay rendered
    double meanMillis = 0; // per overlay
    double medianMillis = 0;
};

// The parent's side: runs `self --cold-pass --dir root --overlays count`.
ColdPass coldPassInFreshProcess(const std::string &self, const std::filesystem::path &root, int count);

// The child's side: renders the overlays, prints the pass's mean and median
// per overlay on stdout; returns the exit status.
int runColdPass(const std::vector<std::filesystem::path> &overlays);

// The median of values (the lower middle one for an even count); 0 for none.
double median(std::vector<double> values);

} // namespace capstan::bench
