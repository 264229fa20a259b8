#pragma once
// --threads of the bench programs: a count, or `auto` (the cores this process may use, as
// `aekit train --threads auto` resolves it).
#include <string>

#include "aekit/tensor/usable_cores.hpp"

namespace aekit::bench {

inline int parse_threads(const std::string& text) {
  return text == "auto" ? usable_cores() : std::stoi(text);
}

}  // namespace aekit::bench
