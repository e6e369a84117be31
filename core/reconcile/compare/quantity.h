#pragma once

#include <optional>
#include <string_view>

namespace capstan::compare {

// A Kubernetes resource quantity ("500m", "0.5", "1Gi", "1e3") as an exact
// count of nano-units, so that spellings of one amount compare equal.
// nullopt for text that is not a quantity, or one too large to hold exactly.
std::optional<__int128> parseQuantity(std::string_view text);

// True when both texts are quantities of the same amount.
bool sameQuantity(std::string_view a, std::string_view b);

} // namespace capstan::compare
