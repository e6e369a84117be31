#pragma once

#include "common/result.h"
#include "manifest/node.h"
#include "manifest/yaml_reader.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Internal to the manifest module and its tests.
namespace capstan::manifest {

enum class ReadPath {
    Fastest, // the block-subset reader where the text allows it, else yaml-cpp
    YamlCpp, // always yaml-cpp (tests compare the two)
};

// The non-empty documents of a stream with their 0-based index in it.
capstan::Result<std::vector<std::pair<int, Node>>> parseStream(
    std::string_view text, const std::string &file, ReadPath path,
    DuplicateKeys duplicates = DuplicateKeys::Reject);

} // namespace capstan::manifest
