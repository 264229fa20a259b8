// aekit report RUN: rebuilds report.html of a finished run folder from its files
// (app/rebuild_report.hpp), e.g. after an upgrade of aekit or when the report was deleted.
#include <fmt/format.h>

#include <iostream>

#include "aekit/app/rebuild_report.hpp"
#include "command.hpp"

namespace aekit::cli {

Action add_report_command(CLI::App& root) {
  auto* cmd = root.add_subcommand("report", "Rebuild report.html of a finished run folder from its files");
  auto folder = std::make_shared<std::string>();
  cmd->add_option("run", *folder, "run folder (what 'aekit train' wrote)")->required();
  return [folder] {
    app::rebuild_run_report(*folder);
    std::cerr << fmt::format("wrote {}\n", (std::filesystem::path(*folder) / "report.html").string());
  };
}

}  // namespace aekit::cli
