// aekit compare RUN... -o PAGE.html: one self-contained page comparing finished runs: the
// settings that differ, their metrics, their loss curves overlaid (app/run_comparison.hpp).
#include <fmt/format.h>

#include <iostream>

#include "aekit/app/run_comparison.hpp"
#include "command.hpp"

namespace aekit::cli {
namespace {

struct CompareArgs {
  std::vector<std::string> runs;
  std::string output;
};

}  // namespace

Action add_compare_command(CLI::App& root) {
  auto* cmd = root.add_subcommand("compare", "Compare finished runs on one page: differing settings, metrics, loss curves");
  auto args = std::make_shared<CompareArgs>();
  cmd->add_option("runs", args->runs, "two or more run folders")->required();
  cmd->add_option("--output,-o", args->output, "output HTML page")->required();
  return [args] {
    app::compare_runs({args->runs.begin(), args->runs.end()}, args->output);
    std::cerr << fmt::format("compared {} runs in {}\n", args->runs.size(), args->output);
  };
}

}  // namespace aekit::cli
