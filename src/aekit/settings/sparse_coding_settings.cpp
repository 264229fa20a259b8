// [sparse_coding]: dictionary learning with a LASSO encoder.
#include "aekit/settings/built_in_sections.hpp"
#include "aekit/settings/train_config.hpp"

namespace aekit::train {

SettingsSection sparse_coding_settings() {
  return {.name = "sparse_coding",
          .models = {"sparse_coding"},
          .options = {code_option(), alpha_option(), lasso_solver_option()},
          .validate = [](const TrainConfig& c) { c.sparse_coding_config().validate(); }};
}

}  // namespace aekit::train
