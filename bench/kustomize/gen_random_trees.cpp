// Writes N random-but-valid kustomization trees for fuzz-style comparison of
// Capstan's renderer with `kubectl kustomize` (see compare_random.sh).
//
//   gen_random_trees --out DIR [--count N] [--seed S]
//
// Trees are DIR/tree-0000, DIR/tree-0001, …; each has a case.txt naming the
// directory to render. The same seed writes the same trees.
#include "random_tree.h"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

int main(int argc, char **argv)
{
    std::string out;
    long count = 200;
    unsigned long long seed = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc) {
            std::fprintf(stderr, "gen_random_trees: %s needs a value\n", arg.c_str());
            return 2;
        }
        const char *value = argv[++i];
        if (arg == "--out")
            out = value;
        else if (arg == "--count")
            count = std::strtol(value, nullptr, 10);
        else if (arg == "--seed")
            seed = std::strtoull(value, nullptr, 10);
        else {
            std::fprintf(stderr, "gen_random_trees: unknown argument %s\n", arg.c_str());
            return 2;
        }
    }
    if (out.empty() || count <= 0) {
        std::fprintf(stderr, "usage: gen_random_trees --out DIR [--count N] [--seed S]\n");
        return 2;
    }
    try {
        capstan::bench::writeRandomTrees(out, count, seed);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "gen_random_trees: %s\n", e.what());
        return 1;
    }
    std::printf("%ld trees written to %s (seed %llu)\n", count, out.c_str(), seed);
    return 0;
}
