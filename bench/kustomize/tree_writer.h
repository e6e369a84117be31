#pragma once

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

// Writing kustomization trees to disk, for the benchmark and the random-tree
// generator. A failed write aborts the tool: a half-written tree would only
// produce misleading numbers.
namespace capstan::bench {

inline void writeFile(const std::filesystem::path &path, const std::string &content)
{
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    if (!out)
        throw std::runtime_error("cannot write " + path.string());
}

} // namespace capstan::bench
