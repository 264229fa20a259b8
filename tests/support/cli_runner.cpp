#include "support/cli_runner.hpp"

#include <filesystem>

namespace aekit::test {

CliResult run_aekit(const std::string& args, const TempDir& dir) {
  const std::filesystem::path out = dir / ".stdout", err = dir / ".stderr";
  const auto r = run_command("{ " + std::string(AEKIT_CLI_PATH) + " " + args + " >" + out.string() +
                             " 2>" + err.string() + "; }");
  return {r.exit_code, read_file(out), read_file(err)};
}

}  // namespace aekit::test
