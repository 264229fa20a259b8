// [data]: what is trained on and tested on, and how it is scaled.
#include "aekit/settings/bindings.hpp"
#include "aekit/settings/built_in_sections.hpp"
#include "aekit/tensor/shape_text.hpp"

namespace aekit::train {
namespace {

std::string checked_shape_text(const std::string& text) {
  if (!text.empty()) parse_image_shape(text);
  return text;
}

}  // namespace

SettingsSection data_settings() {
  return {.name = "data",
          .models = {},
          .options = {
              {.name = "data",
               .default_value = "fashion-mnist:train",
               .help = "training data set (fashion-mnist:train, npy:F, idx:F, csv:F, images:DIR, "
                       "patches:DIR:SIZE[:STRIDE])",
               .binding = field(&TrainConfig::data)},
              {.name = "test_data",
               .default_value = "fashion-mnist:test",
               .help = "test data set for the final metrics; 'none' to skip",
               .binding = field(&TrainConfig::test_data)},
              {.name = "scaling",
               .type = OptionType::choice,
               .choices = fixed_choices({"unit", "symmetric", "standardize", "none"}),
               .default_value = "unit",
               .help = "input scaling fitted on the training data: unit [0,1] | symmetric [-1,1] | "
                       "standardize | none",
               .binding = field(&TrainConfig::scaling)},
              {.name = "shape",
               .default_value = "",
               .help = "the shape CxHxW (or HxW) of a row of data that stores none (csv, 2-D npy), "
                       "for the training and the test data; empty: the data's own (as ?shape= in a data spec)",
               .binding = converted(checked_shape_text, [](const std::string& s) { return s; }, &TrainConfig::shape)},
          }};
}

}  // namespace aekit::train
