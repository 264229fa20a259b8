#pragma once
// Running the aekit command-line tool from a test.
#include <initializer_list>
#include <string>

#include "support/test_support.hpp"

namespace aekit::test {

struct CliResult {
  int exit_code = -1;
  std::string out, err;
};

// Runs `aekit ARGS` with stdout and stderr captured separately (files in `dir`), with
// `environment` ("NAME=value ...", shell words) added to its environment.
CliResult run_aekit(const std::string& args, const TempDir& dir, const std::string& environment = "");

// The command failed with `code` and exactly one stderr line "aekit: ..." holding every phrase
// (GoogleTest expectations).
void expect_failure(const CliResult& r, int code, std::initializer_list<std::string> phrases);

inline bool contains(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

}  // namespace aekit::test
