#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace capstan::kustomize {

// SHA-256 (FIPS 180-4) of data: the digest kustomize hashes generated
// ConfigMaps and Secrets with. Here rather than through QtCore, so that
// `capstanctl render` starts without loading Qt.
std::array<std::uint8_t, 32> sha256(std::string_view data);

// The digest as 64 lower-case hex digits.
std::string sha256Hex(std::string_view data);

} // namespace capstan::kustomize
