#include "aekit/settings/registry.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "aekit/error.hpp"
#include "aekit/settings/built_in_sections.hpp"
#include "aekit/settings/spelling.hpp"

namespace aekit::train {
namespace {

std::string table_name(const SettingsSection& section) {
  return section.name.empty() ? "the top-level keys" : "[" + section.name + "]";
}

bool same_definition(const Option& a, const Option& b) {
  return a.type == b.type && a.item_type == b.item_type && a.default_value == b.default_value &&
         a.help == b.help;
}

void append(std::deque<SettingsSection>& sections, SettingsSection section) {
  for (const auto& other : sections) {
    if (other.name == section.name)
      throw Error(fmt::format("settings section {} is registered twice", table_name(section)));
    for (const auto& option : section.options)
      if (const Option* known = other.find(option.name); known && !same_definition(*known, option))
        throw Error(fmt::format("option '{}' of {} differs from its definition in {}",
                                option.name, table_name(section), table_name(other)));
  }
  sections.push_back(std::move(section));
}

std::deque<SettingsSection>& registered_sections() {
  static std::deque<SettingsSection> sections = [] {
    std::deque<SettingsSection> built_in;
    for (const auto make : {model_choice_settings, data_settings, training_settings,
                            autoencoder_settings, pca_settings, sparse_coding_settings,
                            psd_settings, rbm_settings, stack_settings,
                            classifier_settings, vae_settings, gan_settings, codec_settings})
      append(built_in, make());
    return built_in;
  }();
  return sections;
}

std::vector<std::string> names_of(const std::vector<ListedOption>& options) {
  std::vector<std::string> names;
  for (const auto& listed : options) names.push_back(listed.option->name);
  return names;
}

bool listed(const std::vector<ListedOption>& options, const std::string& name) {
  return std::any_of(options.begin(), options.end(),
                     [&](const ListedOption& o) { return o.option->name == name; });
}

}  // namespace

void register_settings_section(SettingsSection section) {
  append(registered_sections(), std::move(section));
}

const std::deque<SettingsSection>& settings_sections() { return registered_sections(); }

std::vector<ListedOption> settings_options() {
  std::vector<ListedOption> options;
  for (const auto& section : settings_sections())
    for (const auto& option : section.options)
      if (!listed(options, option.name)) options.push_back({&section, &option});
  return options;
}

std::vector<ListedOption> applicable_options(const std::string& model) {
  std::vector<ListedOption> options;
  for (const auto& section : settings_sections())
    for (const auto& option : section.options)
      if (section.applies_to(option, model) && !listed(options, option.name))
        options.push_back({&section, &option});
  return options;
}

const Option& find_option(std::string_view name) {
  const auto options = settings_options();
  for (const auto& listed : options)
    if (listed.option->name == name) return *listed.option;
  const auto names = names_of(options);
  const std::string guess = did_you_mean(name, names);
  throw UsageError(fmt::format("unknown option '{}': {}", name,
                               guess.empty() ? fmt::format("valid options are {}", fmt::join(names, ", "))
                                             : guess));
}

const SettingsSection& find_section(std::string_view name) {
  std::vector<std::string> names;
  for (const auto& section : settings_sections()) {
    if (section.name == name && !name.empty()) return section;
    if (!section.name.empty()) names.push_back(section.name);
  }
  const std::string guess = did_you_mean(name, names);
  throw UsageError(fmt::format("[{}] is not a section: expected {}{}", name, one_of(names),
                               guess.empty() ? "" : "; " + guess));
}

std::vector<std::string> model_families() {
  std::vector<std::string> models;
  for (const auto& section : settings_sections())
    for (const auto& model : section.models)
      if (std::find(models.begin(), models.end(), model) == models.end()) models.push_back(model);
  return models;
}

std::vector<std::string> models_of(std::string_view option) {
  for (const auto& section : settings_sections())
    if (const Option* listed = section.find(option); section.shared() && listed && listed->not_for.empty()) return {};
  std::vector<std::string> models;
  for (const auto& model : model_families())
    if (option_applies_to(option, model)) models.push_back(model);
  return models;
}

bool option_applies_to(std::string_view option, const std::string& model) {
  return std::any_of(settings_sections().begin(), settings_sections().end(),
                     [&](const SettingsSection& section) {
                       const Option* listed = section.find(option);
                       return listed && section.applies_to(*listed, model);
                     });
}

}  // namespace aekit::train
