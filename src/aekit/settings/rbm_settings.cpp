// [rbm]: restricted Boltzmann machines, their units and contrastive divergence; also the
// settings of a stack's RBM layers (--model stack, stack_settings.cpp).
#include <fmt/format.h>

#include "aekit/error.hpp"
#include "aekit/settings/bindings.hpp"
#include "aekit/settings/built_in_sections.hpp"

namespace aekit::train {
namespace {

Option units_option(std::string name, std::string help, models::RbmUnits TrainConfig::*units) {
  return {.name = std::move(name),
          .type = OptionType::choice,
          .choices = fixed_choices({"bernoulli", "gaussian"}),
          .default_value = "bernoulli",
          .help = std::move(help),
          .binding = converted(models::parse_rbm_units, models::rbm_units_name, units)};
}

// Gaussian visible units have variance 1: the data must be standardized to match.
void check_rbm(const TrainConfig& c) {
  c.rbm_training().validate();
  if (c.rbm_visible == models::RbmUnits::gaussian && c.scaling != "standardize")
    throw UsageError(fmt::format("rbm_visible = gaussian models unit-variance features: expected "
                                 "scaling = standardize, found scaling = {}", c.scaling));
}

}  // namespace

SettingsSection rbm_settings() {
  return {.name = "rbm",
          .models = {"rbm", "stack"},
          .options = {code_option(),
                      units_option("rbm_visible",
                                   "visible units: bernoulli (data in [0,1]) | gaussian (unit variance; "
                                   "needs scaling = standardize)",
                                   &TrainConfig::rbm_visible),
                      units_option("rbm_hidden", "hidden units: bernoulli | gaussian (linear, a real-valued code)",
                                   &TrainConfig::rbm_hidden),
                      {.name = "cd_steps",
                       .type = OptionType::integer,
                       .default_value = "1",
                       .help = "Gibbs steps k of contrastive divergence (CD-k)",
                       .check = at_least(1, "at least 1"),
                       .binding = field(&TrainConfig::rbm, &models::RbmTraining::cd_steps)},
                      {.name = "persistent",
                       .type = OptionType::boolean,
                       .default_value = "false",
                       .help = "persistent CD: chains kept across minibatches instead of restarted at the data",
                       .binding = field(&TrainConfig::rbm, &models::RbmTraining::persistent)},
                      {.name = "sparsity_target",
                       .type = OptionType::real,
                       .default_value = "0",
                       .help = "mean activation the hidden units are pulled toward; 0: off",
                       .check = in_unit_interval(),
                       .binding = field(&TrainConfig::rbm, &models::RbmTraining::sparsity_target)},
                      {.name = "sparsity_cost",
                       .type = OptionType::real,
                       .default_value = "0.1",
                       .help = "weight of the pull toward sparsity_target",
                       .check = at_least(0, ">= 0"),
                       .binding = field(&TrainConfig::rbm, &models::RbmTraining::sparsity_cost)},
                      {.name = "sample_steps",
                       .type = OptionType::integer,
                       .default_value = "1000",
                       .help = "Gibbs steps of the chains `aekit sample` runs (saved with the model)",
                       .check = at_least(1, "at least 1"),
                       .binding = field(&TrainConfig::sample_steps)}},
          .validate = check_rbm};
}

}  // namespace aekit::train
