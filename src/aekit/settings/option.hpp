#pragma once
// One setting of `aekit train`, defined once: its name, type, default, help, check and where
// its value lives. The flag, the TOML key, config.toml's line, get/set and the checks all
// come from this definition.
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace aekit::train {

struct TrainConfig;
struct Option;

enum class OptionType { text, integer, real, boolean, list, choice };

// Where an option's value lives in a TrainConfig, as text in and out (settings/bindings.hpp
// makes them). `write` throws UsageError for text it cannot parse, naming the option.
struct Binding {
  std::function<void(TrainConfig&, const Option&, const std::string& text)> write;
  std::function<std::string(const TrainConfig&, const Option&)> read;
};

// A range on a number: "lr must be a positive number, found -1".
struct NumberCheck {
  std::string expected;  // "a positive number"
  std::function<bool(double)> holds;
};

struct Option {
  std::string name;  // TOML key; the flag is "--" + name with '_' -> '-'
  OptionType type = OptionType::text;
  // choice: the allowed values (a function: the values of `model` grow with the families).
  std::function<std::vector<std::string>()> choices = {};
  OptionType item_type = OptionType::text;  // list: the type of its items (text or integer)
  std::string default_value;                // as text
  std::string help;
  std::optional<NumberCheck> check = {};
  Binding binding;
  // The models it applies to in the section that lists it; empty: all of the section's.
  std::vector<std::string> only_for = {};
  // Models of its section it does not apply to (PCA, fitted in one go, has no optimizer).
  std::vector<std::string> not_for = {};
  // --help's name for the value where the type's says too little ("auto|INT"); empty: the type's.
  std::string placeholder = {};
  // A comment config.toml writes after the value ("# 2 threads here: ..."); none if it gives "".
  std::function<std::string(const TrainConfig&)> comment = {};

  std::string flag() const;
  // The value from text: a choice is checked against its values, then `binding` parses it.
  void assign(TrainConfig& config, const std::string& text) const;
  std::string value(const TrainConfig& config) const;
  // The value as a TOML literal: numbers and booleans bare, text quoted, lists as arrays.
  std::string toml_value(const TrainConfig& config) const;
  // The check, if any, on the current value: UsageError naming the option.
  void check_value(const TrainConfig& config) const;
  // How --help shows the value: TEXT, INT, REAL, BOOL, LIST or the choices "sgd|adam|rmsprop".
  std::string value_placeholder() const;
};

// The allowed values of a choice that does not change.
std::function<std::vector<std::string>()> fixed_choices(std::vector<std::string> values);

// Number checks.
NumberCheck positive();
NumberCheck at_least(double low, std::string expected);
NumberCheck in_unit_interval();  // [0, 1)

// `option`, listed for some of a section's models only.
Option only_for(std::vector<std::string> models, Option option);

}  // namespace aekit::train
