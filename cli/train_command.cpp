// aekit train: every option of the settings' sections as a flag, a TOML --config, and
// --resume. aekit classify: the same for --model classifier (a softmax head on an encoder,
// trained on labels).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <iostream>
#include <map>

#include "aekit/app/run_training.hpp"
#include "aekit/number_text.hpp"
#include "aekit/train/progress.hpp"
#include "aekit/settings/registry.hpp"
#include "aekit/settings/spelling.hpp"
#include "command.hpp"

namespace aekit::cli {
namespace {

// How --help groups an option: by the section that lists it first.
std::string help_group(const train::SettingsSection& section) {
  if (section.name.empty()) return "Model";
  if (section.shared()) return fmt::format("Settings [{}]", section.name);
  return fmt::format("Settings [{}] (model {})", section.name, fmt::join(section.models, ", "));
}

// Arguments CLI11 did not take (it lets them through to be named here): an unknown flag with
// the closest one, or a stray value.
void refuse_extras(const std::vector<std::string>& extras) {
  if (extras.empty()) return;
  const std::string& first = extras.front();
  if (!first.starts_with("--"))
    throw UsageError(fmt::format("unexpected argument '{}' (every setting is a flag, e.g. --epochs 5)", first));
  const std::string flag = first.substr(0, first.find('='));
  std::vector<std::string> flags = {"--config", "--resume"};
  for (const auto& listed : train::settings_options()) flags.push_back(listed.option->flag());
  const std::string guess = train::did_you_mean(flag, flags);
  throw UsageError(fmt::format("unknown option '{}': {}", flag,
                               guess.empty() ? "see aekit train --help" : guess));
}

// What the run did, then the test scores that fit it: the denoising score of a denoising run,
// the code statistics of its activation (sparsity: exact zeros of relu codes, the mean of KL
// codes), the Jacobian norm of a contractive run, and PCA beside it when the code is smaller
// than the input.
void print_summary(const app::RunSummary& s, const train::TrainConfig& config) {
  if (s.epochs_done > 0)
    std::cout << fmt::format("{}: {} in all (best epoch {}), {:.0f} samples/s\n", s.outcome,
                             count_of(s.epochs_done, "epoch"), s.best_epoch, s.samples_per_second);
  else
    std::cout << fmt::format("{}, {:.0f} samples/s\n", s.outcome, s.samples_per_second);
  if (s.has_test) {
    const auto& m = s.metrics;
    std::cout << fmt::format("test ({} rows): MSE {:.5f}  BCE {:.5f}  squared error per row {:.3f}{}\n",
                             s.test.n, s.test.mse, s.test.bce, s.metrics.squared_error_per_row(),
                             s.pca_test_mse ? fmt::format(";  PCA with the same code size: MSE {:.5f}", *s.pca_test_mse) : "");
    if (m.denoising)
      std::cout << fmt::format("denoising {}: noisy input MSE {:.5f} -> denoised MSE {:.5f} (ratio {:.2f})\n",
                               m.corruption, m.noisy_mse, m.denoising->mse,
                               m.noisy_mse > 0 ? m.denoising->mse / m.noisy_mse : 0.0);
    if (m.code) std::cout << eval::code_summary(m) << "\n";
    if (m.jacobian_fro && config.contractive.active())
      std::cout << fmt::format("contraction: mean ||J_f(x)||_F of the encoder {:.5g}\n", *m.jacobian_fro);
  }
  if (const auto& l = s.likelihood)
    std::cout << fmt::format("test ({} rows): -log p(x) {:.2f} nats ({} importance samples; aekit eval "
                             "--importance-samples 5000 for a tighter one)  ELBO {:.2f}  KL {:.2f}\n",
                             l->rows, l->nll, l->samples, l->elbo, l->kl);
  if (const auto& c = s.classification)
    std::cout << fmt::format("test ({} rows): accuracy {:.2f}%  cross-entropy {:.4f}\n", c->n, 100 * c->accuracy,
                             c->cross_entropy);
  std::cout << fmt::format("model: {}\nreport: {}\n", (s.folder / "model.aek").string(),
                           (s.folder / "report.html").string());
}

// A command taking every setting as a flag; `model`, when set, is the only value --model may
// have.
Action add_settings_command(CLI::App& root, const std::string& name, const std::string& description,
                            const std::string& model) {
  auto* cmd = root.add_subcommand(name, description);
  struct State {
    std::string config_file;
    bool resume = false;
    std::map<std::string, std::string> flags;  // option name -> value given on the command line
  };
  auto state = std::make_shared<State>();
  cmd->add_option("--config", state->config_file, "TOML file: the options below as keys, flat or in tables named after their sections")
      ->check(CLI::ExistingFile);
  cmd->add_flag("--resume", state->resume, "continue the run in --out from its last checkpoint");
  cmd->allow_extras();
  for (const auto& [section, option] : train::settings_options()) {
    const std::string name = option->name;
    cmd->add_option_function<std::string>(
           option->flag(), [state, name](const std::string& v) { state->flags[name] = v; },
           fmt::format("{} (default: {})", option->help,
                       option->default_value.empty() ? "\"\"" : option->default_value))
        ->type_name(option->value_placeholder())
        ->group(help_group(*section));
  }
  return [state, cmd, model] {
    refuse_extras(cmd->remaining());
    auto config = train::TrainConfig::defaults();
    const auto& flags = state->flags;
    if (const auto given = flags.find("model"); !model.empty() && given != flags.end() && given->second != model)
      throw UsageError(fmt::format("aekit {} trains --model {}, found --model {}; use aekit train for other models",
                                   cmd->get_name(), model, given->second));
    if (!model.empty()) config.set("model", model);
    if (!state->config_file.empty()) {
      config.merge_toml_file(state->config_file);
    } else if (state->resume && flags.count("out")) {
      const auto saved = std::filesystem::path(flags.at("out")) / "config.toml";
      if (std::filesystem::exists(saved)) config.merge_toml_file(saved);
    }
    if (state->resume && !flags.count("out") && config.out.empty())
      throw UsageError("--resume needs --out RUN_DIR (the run to continue)");
    for (const auto& listed : train::settings_options())
      if (auto it = flags.find(listed.option->name); it != flags.end()) config.set(it->first, it->second);
    if (!model.empty() && config.family != model)
      throw UsageError(fmt::format("aekit {} trains model {}, the config sets model = {}", cmd->get_name(), model,
                                   config.family));
    const bool terminal = train::Progress::stdout_is_terminal();
    print_summary(app::run_training(config, state->resume, std::cout, terminal), config);
  };
}

}  // namespace

Action add_train_command(CLI::App& root) {
  return add_settings_command(root, "train", "Train an autoencoder (defaults: 784,256,32 on Fashion-MNIST)", "");
}

Action add_classify_command(CLI::App& root) {
  return add_settings_command(root, "classify",
                              "Train a softmax classifier on an (optionally pre-trained, --init-from) encoder "
                              "with labels: --labels, --labelled N, --reconstruction-weight (hybrid)",
                              "classifier");
}

}  // namespace aekit::cli
