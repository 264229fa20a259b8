#pragma once
// Numbers in text: a hyper-parameter written as text ("0.25", "1e-3": the whole text must be
// one number), and a count with its noun ("1 epoch", "3 epochs").
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace aekit {

// The number `text` spells, or nullopt if it is empty or has anything else in it.
inline std::optional<double> parse_double(std::string_view text) {
  const std::string value(text);
  char* end = nullptr;
  const double x = std::strtod(value.c_str(), &end);
  if (value.empty() || end != value.c_str() + value.size()) return std::nullopt;
  return x;
}

// "1 epoch", "0 epochs", "3 epochs" (nouns that take an s).
inline std::string count_of(long long n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

}  // namespace aekit
