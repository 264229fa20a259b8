// [pca]: principal component analysis, fitted on the training rows.
#include "aekit/settings/bindings.hpp"
#include "aekit/settings/built_in_sections.hpp"

namespace aekit::train {

SettingsSection pca_settings() {
  return {.name = "pca",
          .models = {"pca"},
          .options = {
              code_option(),
              {.name = "whiten",
               .type = OptionType::boolean,
               .default_value = "false",
               .help = "codes with unit variance",
               .binding = field(&TrainConfig::whiten)},
              {.name = "pca_solver",
               .type = OptionType::choice,
               .choices = fixed_choices({"exact", "randomized", "auto"}),
               .default_value = "auto",
               .help = "exact | randomized | auto (exact when min(rows, features) <= 1000)",
               .binding = converted(models::parse_pca_solver, models::pca_solver_name,
                                    &TrainConfig::pca_solver)},
          }};
}

}  // namespace aekit::train
