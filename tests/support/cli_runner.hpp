#pragma once
// Running the aekit command-line tool from a test.
#include <string>

#include "support/test_support.hpp"

namespace aekit::test {

struct CliResult {
  int exit_code = -1;
  std::string out, err;
};

// Runs `aekit ARGS` with stdout and stderr captured separately (files in `dir`).
CliResult run_aekit(const std::string& args, const TempDir& dir);

inline bool contains(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

}  // namespace aekit::test
