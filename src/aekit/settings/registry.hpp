#pragma once
// Every section of the settings of `aekit train`: the built-in ones (data, training and one
// per model family, listed in registry.cpp) and those registered at runtime.
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "aekit/settings/section.hpp"

namespace aekit::train {

// Adds a section after the others; its models become values of the `model` option. Throws
// Error for a name taken by another section, or an option that shares a name with one of
// another section but not its type, default and help.
void register_settings_section(SettingsSection section);

const std::deque<SettingsSection>& settings_sections();

struct ListedOption {
  const SettingsSection* section;
  const Option* option;
};

// Each option once, with the first section that lists it, in the order of the sections.
std::vector<ListedOption> settings_options();
// The options that apply to `model`, each with its section, in the order of the sections.
std::vector<ListedOption> applicable_options(const std::string& model);

// UsageError "unknown option 'epoch': did you mean 'epochs'?" (else naming the valid ones).
const Option& find_option(std::string_view name);
// UsageError naming the valid sections.
const SettingsSection& find_section(std::string_view name);

// The values of `model`: the models of the family sections, in their order.
std::vector<std::string> model_families();
// The models `option` applies to, in that order; empty when it applies to every model (a
// shared section lists it and excludes none).
std::vector<std::string> models_of(std::string_view option);
bool option_applies_to(std::string_view option, const std::string& model);

}  // namespace aekit::train
