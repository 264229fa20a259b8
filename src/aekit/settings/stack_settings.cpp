// [stack]: greedy layer-wise pre-training of a deep autoencoder (--model stack); its RBM
// layers also take the [rbm] settings.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "aekit/error.hpp"
#include "aekit/settings/bindings.hpp"
#include "aekit/settings/built_in_sections.hpp"

namespace aekit::train {
namespace {

template <typename T>
Binding per_layer_list(std::vector<T> models::StackConfig::*list) {
  return {[list](TrainConfig& c, const Option& option, const std::string& text) {
            std::vector<T> values;
            for (const auto& item : split_list(text)) values.push_back(parse_number<T>(option.name, item));
            c.stack.*list = values;
          },
          [list](const TrainConfig& c, const Option&) { return fmt::format("{}", fmt::join(c.stack.*list, ",")); }};
}

// The lists fit dims; the data's range is checked by the family (app/stack_family.cpp), a
// gaussian first-layer RBM's scaling by [rbm].
void check_stack(const TrainConfig& c) {
  if (c.model.dims.size() < 2)
    throw UsageError(fmt::format("dims: a stack needs at least two sizes (input, first layer), found '{}'", c.get("dims")));
  c.stack.validate(Index(c.model.dims.size()) - 1);
  if (c.stack.trainer == models::LayerTrainer::denoising) models::Corruption::parse(c.stack.noise);
}

}  // namespace

SettingsSection stack_settings() {
  return {.name = "stack",
          .models = {"stack"},
          .options = {dims_option(),
                      {.name = "layer_trainer",
                       .type = OptionType::choice,
                       .choices = fixed_choices({"rbm", "autoencoder", "denoising"}),
                       .default_value = "rbm",
                       .help = "what trains each layer on the codes of the one below: rbm | autoencoder | "
                               "denoising (sigmoid units, cross-entropy)",
                       .binding = converted(models::parse_layer_trainer, models::layer_trainer_name,
                                            &TrainConfig::stack, &models::StackConfig::trainer)},
                      {.name = "layer_epochs",
                       .type = OptionType::list,
                       .item_type = OptionType::integer,
                       .default_value = "",
                       .help = "epochs of each layer, e.g. 20,20,20,20; empty: epochs for every layer",
                       .binding = per_layer_list(&models::StackConfig::epochs)},
                      {.name = "layer_lr",
                       .type = OptionType::list,
                       .default_value = "",
                       .help = "learning rate of each layer, e.g. 0.1,0.1,0.1,0.001; empty: lr for every layer",
                       .binding = per_layer_list(&models::StackConfig::lr)},
                      {.name = "linear_code",
                       .type = OptionType::boolean,
                       .default_value = "false",
                       .help = "the top layer's units are linear (gaussian hidden units): a real-valued code",
                       .binding = field(&TrainConfig::stack, &models::StackConfig::linear_code)},
                      {.name = "layer_noise",
                       .type = OptionType::text,
                       .default_value = "mask:0.25",
                       .help = "the corruption of denoising layers (as --noise)",
                       .binding = field(&TrainConfig::stack, &models::StackConfig::noise)}},
          .validate = check_stack};
}

}  // namespace aekit::train
