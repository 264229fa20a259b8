// [training]: the training loop's settings, shared by every family it trains (a baseline
// reads the few it uses: epochs, batch, lr, seed).
#include <charconv>

#include "aekit/settings/bindings.hpp"
#include "aekit/settings/built_in_sections.hpp"

namespace aekit::train {
namespace {

// threads: "auto" (kept as 0) or a positive count. 0 is read as auto too: config.toml files
// written before auto existed say threads = 0 ("all cores"), and --resume reads them.
int parse_threads(const std::string& text) {
  if (text == "auto") return 0;
  int count = -1;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), count);
  if (ec != std::errc() || end != text.data() + text.size() || count < 0)
    throw UsageError(fmt::format("threads: expected auto or a positive integer, found '{}'", text));
  return count;
}

std::string threads_text(int threads) { return threads == 0 ? "auto" : std::to_string(threads); }

}  // namespace

SettingsSection training_settings() {
  using optim::OptimizerConfig;
  using optim::Schedule;
  // PCA is fitted in one go: no optimizer, schedule, epochs or minibatches to set.
  const std::vector<std::string> fitted_in_one_go = {"pca"};
  return {.name = "training",
          .models = {},
          .options = {
              {.name = "optimizer",
               .type = OptionType::choice,
               .choices = fixed_choices({"sgd", "adam", "rmsprop"}),
               .default_value = "adam",
               .help = "the optimizer",
               .binding = field(&TrainConfig::optimizer, &OptimizerConfig::kind),
               .not_for = fitted_in_one_go},
              {.name = "lr",
               .type = OptionType::real,
               .default_value = "0.001",
               .help = "learning rate (psd: its plain gradient step on D, W, b; try 0.01 to 0.05)",
               .check = positive(),
               .binding = field(&TrainConfig::lr),
               .not_for = fitted_in_one_go},
              {.name = "momentum",
               .type = OptionType::real,
               .default_value = "0",
               .help = "SGD momentum",
               .binding = field(&TrainConfig::optimizer, &OptimizerConfig::momentum),
               .not_for = fitted_in_one_go},
              {.name = "nesterov",
               .type = OptionType::boolean,
               .default_value = "false",
               .help = "Nesterov momentum (SGD)",
               .binding = field(&TrainConfig::optimizer, &OptimizerConfig::nesterov),
               .not_for = fitted_in_one_go},
              {.name = "adam_beta1",
               .type = OptionType::real,
               .default_value = "0.9",
               .help = "Adam's first-moment decay beta1 (Radford et al.'s GANs: 0.5)",
               .binding = field(&TrainConfig::optimizer, &OptimizerConfig::beta1),
               .not_for = fitted_in_one_go},
              {.name = "weight_decay",
               .type = OptionType::real,
               .default_value = "0",
               .help = "L2 weight decay added to the gradient",
               .binding = field(&TrainConfig::optimizer, &OptimizerConfig::weight_decay),
               .not_for = fitted_in_one_go},
              {.name = "clip_norm",
               .type = OptionType::real,
               .default_value = "0",
               .help = "clip the gradient's global L2 norm to this value; 0 = off",
               .check = at_least(0, "0 (off) or positive"),
               .binding = field(&TrainConfig::clip_norm),
               .not_for = fitted_in_one_go},
              {.name = "schedule",
               .type = OptionType::choice,
               .choices = fixed_choices({"constant", "step", "cosine"}),
               .default_value = "constant",
               .help = "learning-rate schedule",
               .binding = field(&TrainConfig::schedule, &Schedule::kind),
               .not_for = fitted_in_one_go},
              {.name = "step_size",
               .type = OptionType::integer,
               .default_value = "10",
               .help = "step schedule: epochs between decays",
               .binding = field(&TrainConfig::schedule, &Schedule::step_size),
               .not_for = fitted_in_one_go},
              {.name = "gamma",
               .type = OptionType::real,
               .default_value = "0.1",
               .help = "step schedule: decay factor",
               .binding = field(&TrainConfig::schedule, &Schedule::gamma),
               .not_for = fitted_in_one_go},
              {.name = "min_lr",
               .type = OptionType::real,
               .default_value = "0",
               .help = "cosine schedule: final learning rate",
               .binding = field(&TrainConfig::schedule, &Schedule::min_lr),
               .not_for = fitted_in_one_go},
              {.name = "epochs",
               .type = OptionType::integer,
               .default_value = "10",
               .help = "training epochs (sparse_coding: epochs of the online algorithm, or "
                       "iterations with batch 0)",
               .check = at_least(1, "at least 1"),
               .binding = field(&TrainConfig::epochs),
               .not_for = fitted_in_one_go},
              {.name = "batch",
               .type = OptionType::integer,
               .default_value = "128",
               .help = "minibatch size (sparse_coding: 0 runs the batch algorithm on all rows)",
               .check = at_least(0, "0 (sparse_coding's batch algorithm) or more"),
               .binding = field(&TrainConfig::batch),
               .not_for = fitted_in_one_go},
              {.name = "val_split",
               .type = OptionType::real,
               .default_value = "0.1",
               .help = "share of training rows held out for validation (0 = none)",
               .check = in_unit_interval(),
               .binding = field(&TrainConfig::val_split)},
              {.name = "patience",
               .type = OptionType::integer,
               .default_value = "5",
               .help = "early stopping after this many epochs without validation gain; 0 = off",
               .check = at_least(0, "0 (off) or more"),
               .binding = field(&TrainConfig::patience),
               .not_for = fitted_in_one_go},
              {.name = "seed",
               .type = OptionType::integer,
               .default_value = "42",
               .help = "random seed (same seed, threads and build: identical weights)",
               .binding = field(&TrainConfig::seed)},
              {.name = "threads",
               .type = OptionType::integer,  // config.toml: threads = "auto" or threads = 4
               .default_value = "auto",
               .help = "worker threads: auto (the cores this process may use: its CPU affinity "
                       "and cgroup CPU quota) or a count",
               .binding = converted(parse_threads, threads_text, &TrainConfig::threads),
               .placeholder = "auto|INT",
               .comment = [](const TrainConfig& c) { return c.threads_note; }},
              {.name = "out",
               .default_value = "",
               .help = "run folder (default runs/ae-<date>-<time>)",
               .binding = field(&TrainConfig::out)},
          },
          .validate = [](const TrainConfig& c) {
            c.optimizer.validate();
            c.schedule.validate();
          }};
}

}  // namespace aekit::train
