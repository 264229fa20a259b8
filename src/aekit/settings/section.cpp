#include "aekit/settings/section.hpp"

#include <algorithm>

namespace aekit::train {
namespace {

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

bool SettingsSection::applies_to(const std::string& model) const {
  return shared() || contains(models, model);
}

bool SettingsSection::applies_to(const Option& option, const std::string& model) const {
  return applies_to(model) && (option.only_for.empty() || contains(option.only_for, model)) &&
         !contains(option.not_for, model);
}

const Option* SettingsSection::find(std::string_view option) const {
  for (const auto& o : options)
    if (o.name == option) return &o;
  return nullptr;
}

std::vector<std::string> SettingsSection::option_names() const {
  std::vector<std::string> names;
  for (const auto& o : options) names.push_back(o.name);
  return names;
}

}  // namespace aekit::train
