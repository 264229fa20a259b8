// The options several families list with the same meaning: the layer sizes, the code size,
// the L1 weight of the sparse codes, the LASSO solver and conditioning on class labels.
#include <fmt/ranges.h>

#include "aekit/settings/bindings.hpp"
#include "aekit/settings/built_in_sections.hpp"

namespace aekit::train {

Option dims_option() {
  // `code` (if set) replaces the last entry, whichever of the two is set first.
  return {.name = "dims",
          .type = OptionType::list,
          .item_type = OptionType::integer,
          .default_value = "784,256,32",
          .help = "layer sizes from input to code; the decoder mirrors them",
          .binding = {[](TrainConfig& c, const Option& option, const std::string& text) {
                        std::vector<Index> dims;
                        for (const auto& item : split_list(text)) dims.push_back(parse_number<Index>(option.name, item));
                        c.model.dims = dims;
                        if (c.code > 0 && !c.model.dims.empty()) c.model.dims.back() = c.code;
                      },
                      [](const TrainConfig& c, const Option&) { return fmt::format("{}", fmt::join(c.model.dims, ",")); }}};
}

Option code_option() {
  return {.name = "code",
          .type = OptionType::integer,
          .default_value = "0",
          .help = "code size: the last entry of dims (mlp), the components (pca), the atoms "
                  "(sparse_coding, psd); 0: the last entry of dims",
          .check = at_least(0, "0 (the last entry of dims) or more"),
          .binding = {[](TrainConfig& c, const Option& option, const std::string& text) {
                        c.code = parse_number<Index>(option.name, text);
                        if (c.code > 0 && !c.model.dims.empty()) c.model.dims.back() = c.code;
                      },
                      [](const TrainConfig& c, const Option&) { return std::to_string(c.code); }}};
}

Option alpha_option() {
  return {.name = "alpha",
          .type = OptionType::real,
          .default_value = "1",
          .help = "weight of the L1 penalty on the code (psd's lambda)",
          .check = at_least(0, ">= 0"),
          .binding = field(&TrainConfig::alpha)};
}

Option lasso_solver_option() {
  return {.name = "lasso_solver",
          .type = OptionType::choice,
          .choices = fixed_choices({"cd", "fista"}),
          .default_value = "cd",
          .help = "the LASSO solver: cd (coordinate descent) | fista",
          .binding = converted(models::parse_lasso_solver, models::lasso_solver_name,
                               &TrainConfig::lasso_solver)};
}

Option conditional_option() {
  return {.name = "conditional",
          .type = OptionType::boolean,
          .default_value = "false",
          .help = "a conditional model on the data set's class labels, one-hot: a VAE's encoder and decoder, a "
                  "GAN's generator and discriminator take them; samples come in class-major blocks",
          .binding = field(&TrainConfig::conditional)};
}

std::string layer_list_text(const std::vector<std::string>& layers) { return fmt::format("{}", fmt::join(layers, ", ")); }

}  // namespace aekit::train
