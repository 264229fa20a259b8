// TrainConfig as TOML: config.toml written with a table per section, and read back from
// tables or from the flat keys of older files.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <toml++/toml.h>

#include "aekit/error.hpp"
#include "aekit/settings/registry.hpp"
#include "aekit/settings/spelling.hpp"
#include "aekit/settings/train_config.hpp"

namespace aekit::train {
namespace {

// TOML scalars and arrays as the text the flag would carry.
std::string toml_to_text(const toml::node& node) {
  if (auto s = node.as_string()) return s->get();
  if (auto i = node.as_integer()) return std::to_string(i->get());
  if (auto f = node.as_floating_point()) return fmt::format("{}", f->get());
  if (auto b = node.as_boolean()) return b->get() ? "true" : "false";
  if (auto a = node.as_array()) {
    std::vector<std::string> parts;
    for (const auto& e : *a) parts.push_back(toml_to_text(e));
    return fmt::format("{}", fmt::join(parts, ","));
  }
  throw UsageError("config values must be strings, numbers, booleans or arrays of them");
}

void set_from_toml(TrainConfig& config, const std::string& name, const toml::node& node) {
  std::string text;
  try {
    text = toml_to_text(node);
  } catch (const UsageError& e) {
    throw UsageError(fmt::format("{}: {}", name, e.what()));
  }
  config.set(name, text);
}

// "[training] has no option 'dims': it belongs in [autoencoder]", or the closest name, or
// the section's options.
std::string not_in_section(const SettingsSection& section, const std::string& name) {
  const std::string start = fmt::format("[{}] has no option '{}'", section.name, name);
  for (const auto& other : settings_sections())
    if (other.find(name))
      return fmt::format("{}: it belongs {}", start,
                         other.name.empty() ? "at the top, before any table" : "in [" + other.name + "]");
  const auto names = section.option_names();
  const std::string guess = did_you_mean(name, names);
  return fmt::format("{}: {}", start,
                     guess.empty() ? fmt::format("its options are {}", fmt::join(names, ", ")) : guess);
}

void merge_table(TrainConfig& config, const toml::table& table) {
  for (const auto& [key, node] : table) {
    const std::string name(key.str());
    const auto* values = node.as_table();
    if (!values) {
      set_from_toml(config, name, node);
      continue;
    }
    const SettingsSection& section = find_section(name);
    for (const auto& [option, value] : *values) {
      if (!section.find(option.str())) throw UsageError(not_in_section(section, std::string(option.str())));
      set_from_toml(config, std::string(option.str()), value);
    }
  }
}

}  // namespace

void TrainConfig::merge_toml_file(const std::filesystem::path& path) {
  toml::table table;
  try {
    table = toml::parse_file(path.string());
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    throw UsageError(fmt::format("config '{}' line {}, column {}: {}", path.string(), where.line,
                                 where.column, e.description()));
  }
  try {
    merge_table(*this, table);
  } catch (const UsageError& e) {
    throw UsageError(fmt::format("config '{}': {}", path.string(), e.what()));
  }
}

std::string TrainConfig::to_toml() const {
  std::string text = "# aekit train: resolved settings of this run\n";
  const SettingsSection* table = nullptr;
  for (const auto& [section, option] : applicable_options(family)) {
    if (section != table && !section->name.empty()) text += fmt::format("\n[{}]\n", section->name);
    table = section;
    text += fmt::format("{} = {}", option->name, option->toml_value(*this));
    const std::string comment = option->comment ? option->comment(*this) : "";
    text += comment.empty() ? "\n" : fmt::format("  # {}\n", comment);
  }
  return text;
}

}  // namespace aekit::train
