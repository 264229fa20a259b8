#pragma once
// Settings travel as text (a flag, a TOML value): the parsers every option's binding uses,
// each naming the option and the bad text.
#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "aekit/error.hpp"

namespace aekit::train {

// The whole text as one number of type T: "lr: expected a number, found '0.1x'".
template <typename T>
T parse_number(std::string_view name, const std::string& text) {
  T value{};
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || text.empty())
    throw UsageError(fmt::format("{}: expected a number, found '{}'", name, text));
  if constexpr (std::is_floating_point_v<T>)
    if (!std::isfinite(value))
      throw UsageError(fmt::format("{}: expected a finite number, found '{}'", name, text));
  return value;
}

// true | false (also 1 | 0, yes | no).
bool parse_bool(std::string_view name, const std::string& text);
std::string bool_text(bool value);

// "a, b ,c" -> {"a", "b", "c"}; "" -> {}.
std::vector<std::string> split_list(const std::string& text);

}  // namespace aekit::train
