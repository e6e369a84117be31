// The training run for the profile-guided build of the renderer (see
// cmake/RendererProfile.cmake): renders a representative workload with an
// instrumented core/manifest and core/kustomize, whose counters the compiler
// then uses to lay out and inline the real build.
//
//   train_render --work DIR [CASES-DIR...]
//
// The workload, all of it written under DIR (emptied first):
// - the benchmark's GitOps repository, 300 overlays, each rendered cold and
//   then again with its files unchanged (the console's steady state);
// - 100 random trees (gen_random_trees' generator, a fixed seed), which reach
//   the transformers, generators and patch kinds the repository does not;
// - every kustomization under each CASES-DIR (the conformance corpus: errors
//   and warnings as well as output).
// Exit status 0 unless a tree could not be written or a CASES-DIR read;
// render errors are part of the workload.
#include "bench_repository.h"
#include "kustomize/filesystem.h"
#include "kustomize/render.h"
#include "random_tree.h"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

bool holdsKustomization(const fs::path &dir)
{
    for (const char *name : capstan::kustomize::kKustomizationFileNames)
        if (fs::exists(dir / name))
            return true;
    return false;
}

// Every directory under root that holds a kustomization, in a stable order.
std::vector<fs::path> kustomizationRoots(const fs::path &root)
{
    std::vector<fs::path> roots;
    if (holdsKustomization(root))
        roots.push_back(root);
    for (const auto &entry : fs::recursive_directory_iterator(root))
        if (entry.is_directory() && holdsKustomization(entry.path()))
            roots.push_back(entry.path());
    std::sort(roots.begin(), roots.end());
    return roots;
}

int renderAll(const std::vector<fs::path> &dirs)
{
    int ok = 0;
    for (const fs::path &dir : dirs)
        ok += capstan::kustomize::renderDirectory(dir.string()).ok() ? 1 : 0;
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    fs::path work;
    std::vector<fs::path> caseDirs;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--work" && i + 1 < argc)
            work = argv[++i];
        else
            caseDirs.emplace_back(arg);
    }
    if (work.empty()) {
        std::fprintf(stderr, "usage: train_render --work DIR [CASES-DIR...]\n");
        return 2;
    }
    try {
        fs::remove_all(work);
        const std::vector<fs::path> overlays = capstan::bench::writeBenchRepository(work / "repository", 300);
        const fs::path randomDir = work / "random";
        capstan::bench::writeRandomTrees(randomDir, 100, 7);
        const int cold = renderAll(overlays);
        const int again = renderAll(overlays);
        const int randomTrees = renderAll(kustomizationRoots(randomDir));
        int cases = 0;
        for (const fs::path &dir : caseDirs)
            cases += renderAll(kustomizationRoots(dir));
        std::printf("train_render: %d + %d overlays, %d random kustomizations, %d corpus kustomizations rendered\n",
            cold, again, randomTrees, cases);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "train_render: %s\n", e.what());
        return 1;
    }
    return 0;
}
