#pragma once
// A section of the settings: a TOML table ([data], [training], [autoencoder] ...) with its
// options, for every model (a shared section) or for the models of one family.
#include <functional>
#include <string>
#include <vector>

#include "aekit/settings/option.hpp"

namespace aekit::train {

struct SettingsSection {
  std::string name;                 // the TOML table; "" for the top-level keys (model)
  std::vector<std::string> models;  // the values of `model` it applies to; empty: every model
  std::vector<Option> options;
  // Checks across its options (and the shared ones), run by TrainConfig::validate when the
  // section applies; UsageError.
  std::function<void(const TrainConfig&)> validate = {};

  bool shared() const { return models.empty(); }
  bool applies_to(const std::string& model) const;
  // Whether `option` (one of `options`) applies to `model` here.
  bool applies_to(const Option& option, const std::string& model) const;
  // The option of that name, or nullptr.
  const Option* find(std::string_view option) const;
  std::vector<std::string> option_names() const;
};

}  // namespace aekit::train
