#include "support/cli_runner.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace aekit::test {

CliResult run_aekit(const std::string& args, const TempDir& dir, const std::string& environment) {
  const std::filesystem::path out = dir / ".stdout", err = dir / ".stderr";
  const auto r = run_command("{ " + environment + " " + std::string(AEKIT_CLI_PATH) + " " + args + " >" + out.string() +
                             " 2>" + err.string() + "; }");
  return {r.exit_code, read_file(out), read_file(err)};
}

void expect_failure(const CliResult& r, int code, std::initializer_list<std::string> phrases) {
  EXPECT_EQ(r.exit_code, code) << "stderr: " << r.err << "\nstdout: " << r.out;
  EXPECT_EQ(r.err.rfind("aekit: ", 0), 0u) << "stderr does not start with 'aekit: ':\n" << r.err;
  ASSERT_FALSE(r.err.empty());
  EXPECT_EQ(r.err.back(), '\n') << r.err;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "more than one line on stderr:\n" << r.err;
  for (const auto& phrase : phrases)
    EXPECT_TRUE(contains(r.err, phrase)) << "the message lacks \"" << phrase << "\":\n" << r.err;
}

}  // namespace aekit::test
