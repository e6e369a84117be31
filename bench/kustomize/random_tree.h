#pragma once

#include "random_source.h"

#include <filesystem>
#include <string>

// One random-but-valid kustomization tree: a base of random resources, up to
// two overlays over it and optional components, each layer with a random
// selection of kustomize's transformers, generators and patches.
namespace capstan::bench {

// Writes a tree under `root` and a case.txt naming the directory to render
// (the same format as the conformance corpus); returns that directory,
// relative to root.
std::string writeRandomTree(RandomSource &random, const std::filesystem::path &root);

// Writes trees root/tree-0000 ... for count trees. Each tree has its own
// random stream derived from seed and its number, so tree k is the same
// whatever count is.
void writeRandomTrees(const std::filesystem::path &root, long count, unsigned long long seed);

} // namespace capstan::bench
