#pragma once

#include <filesystem>
#include <string>
#include <vector>

// The GitOps repository the render benchmark works on: one base per
// application (Deployment, Service, HPA, ConfigMap) and overlays dev, staging
// and prod over it, each with patches, a configMapGenerator, an image override
// and a namePrefix — the shape of the repositories Argo CD renders all day.
namespace capstan::bench {

// Writes a repository with `overlayCount` overlays under `root` and returns
// the overlay directories, in a stable order.
// With write false, only lists the overlay directories of a repository an
// earlier run wrote there (to profile renders without the writing).
std::vector<std::filesystem::path> writeBenchRepository(const std::filesystem::path &root, int overlayCount,
                                                        bool write = true);

} // namespace capstan::bench
