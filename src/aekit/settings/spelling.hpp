#pragma once
// Naming the valid choices in a message, and guessing what a misspelt name meant.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aekit::train {

// "a", "a or b", "a, b or c".
std::string one_of(const std::vector<std::string>& names);

// The candidate a few typed characters away from `name` (edit distance, a swap of neighbours
// counting as one), if one is close enough to be what was meant.
std::optional<std::string> closest_spelling(std::string_view name,
                                            const std::vector<std::string>& candidates);

// "did you mean 'adam'?" for a close candidate, else "".
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace aekit::train
