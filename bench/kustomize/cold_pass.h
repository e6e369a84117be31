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

// The parent's side: runs `self --cold-pass --dir root --overlays count`. The
// child's error, if any, goes to this process's stderr.
ColdPass coldPassInFreshProcess(const std::string &self, const std::filesystem::path &root, int count);

// The child's side: renders the overlays and prints the pass's mean and
// median per overlay on stdout, or the first error on stderr; returns the
// exit status.
int runColdPass(const std::vector<std::filesystem::path> &overlays);

} // namespace capstan::bench
