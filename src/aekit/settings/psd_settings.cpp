// [psd]: predictive sparse decomposition, a dictionary and a fast encoder.
#include "aekit/settings/bindings.hpp"
#include "aekit/settings/built_in_sections.hpp"

namespace aekit::train {

SettingsSection psd_settings() {
  return {.name = "psd",
          .models = {"psd"},
          .options = {code_option(), alpha_option(),
                      {.name = "psd_gamma",
                       .type = OptionType::real,
                       .default_value = "1",
                       .help = "weight of the prediction error ||h - f(x)||^2 / 2",
                       .binding = field(&TrainConfig::psd_gamma)},
                      lasso_solver_option()},
          .validate = [](const TrainConfig& c) { c.psd_config().validate(); }};
}

}  // namespace aekit::train
