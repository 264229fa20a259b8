// aekit train: every option of train_options() as a flag, a TOML --config, and --resume.
#include <fmt/format.h>

#include <iostream>
#include <map>

#include "aekit/train/progress.hpp"
#include "aekit/app/run_training.hpp"
#include "command.hpp"

namespace aekit::cli {
namespace {

std::string flag_name(const char* option) {
  std::string flag = option;
  for (char& c : flag)
    if (c == '_') c = '-';
  return "--" + flag;
}

void print_summary(const app::RunSummary& s) {
  if (s.epochs_done > 0)
    std::cout << fmt::format("{} after {} epochs (best epoch {}), {:.0f} samples/s\n", s.outcome,
                             s.epochs_done, s.best_epoch, s.samples_per_second);
  else
    std::cout << fmt::format("{}, {:.0f} samples/s\n", s.outcome, s.samples_per_second);
  if (s.has_test)
    std::cout << fmt::format("test MSE {:.5f}  BCE {:.5f}  on {} rows;  PCA with the same code "
                             "size: MSE {:.5f}\n", s.test.mse, s.test.bce, s.test.n, s.pca_test_mse);
  std::cout << fmt::format("model: {}\nreport: {}\n", (s.folder / "model.aek").string(),
                           (s.folder / "report.html").string());
}

}  // namespace

Action add_train_command(CLI::App& root) {
  auto* cmd = root.add_subcommand("train", "Train an autoencoder (defaults: 784,256,32 on Fashion-MNIST)");
  struct State {
    std::string config_file;
    bool resume = false;
    std::map<std::string, std::string> flags;  // option name -> value given on the command line
  };
  auto state = std::make_shared<State>();
  cmd->add_option("--config", state->config_file, "TOML file with any of the options below as keys")
      ->check(CLI::ExistingFile);
  cmd->add_flag("--resume", state->resume, "continue the run in --out from its last checkpoint");
  for (const auto& o : train::train_options()) {
    const std::string name = o.name;
    cmd->add_option_function<std::string>(
           flag_name(o.name), [state, name](const std::string& v) { state->flags[name] = v; },
           fmt::format("{} (default: {})", o.help, *o.default_value ? o.default_value : "\"\""))
        ->type_name("VALUE");
  }
  return [state] {
    auto config = train::TrainConfig::defaults();
    const auto& flags = state->flags;
    if (!state->config_file.empty()) {
      config.merge_toml_file(state->config_file);
    } else if (state->resume && flags.count("out")) {
      const auto saved = std::filesystem::path(flags.at("out")) / "config.toml";
      if (std::filesystem::exists(saved)) config.merge_toml_file(saved);
    }
    if (state->resume && !flags.count("out") && config.out.empty())
      throw UsageError("--resume needs --out RUN_DIR (the run to continue)");
    for (const auto& o : train::train_options())  // table order: activation before code_activation
      if (auto it = flags.find(o.name); it != flags.end()) config.set(o.name, it->second);
    const bool terminal = train::Progress::stdout_is_terminal();
    print_summary(app::run_training(config, state->resume, std::cout, terminal));
  };
}

}  // namespace aekit::cli
