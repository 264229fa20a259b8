#pragma once
// --threads of the bench programs: a count, or `auto` (resolved as `aekit train --threads auto`
// resolves it: app/thread_choice.hpp).
#include <string>

#include "aekit/app/thread_choice.hpp"

namespace aekit::bench {

inline int parse_threads(const std::string& text) {
  return app::choose_threads(text == "auto" ? 0 : std::stoi(text)).threads;
}

}  // namespace aekit::bench
