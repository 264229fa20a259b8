#pragma once
// Bindings of options to where their values live in a TrainConfig.
#include <fmt/format.h>

#include <string>
#include <type_traits>

#include "aekit/settings/option.hpp"
#include "aekit/settings/value_text.hpp"
#include "aekit/settings/train_config.hpp"

namespace aekit::train {

template <typename T>
T parse_field(const Option& option, const std::string& text) {
  if constexpr (std::is_same_v<T, std::string>)
    return text;
  else if constexpr (std::is_same_v<T, bool>)
    return parse_bool(option.name, text);
  else
    return parse_number<T>(option.name, text);
}

template <typename T>
std::string field_text(const T& value) {
  if constexpr (std::is_same_v<T, std::string>)
    return value;
  else if constexpr (std::is_same_v<T, bool>)
    return bool_text(value);
  else
    return fmt::format("{}", value);
}

// A text, number or boolean field, reached through members:
//   field(&TrainConfig::lr), field(&TrainConfig::optimizer, &optim::OptimizerConfig::momentum).
template <typename... Members>
Binding field(Members... path) {
  return {[path...](TrainConfig& c, const Option& option, const std::string& text) {
            auto& target = (c .* ... .* path);
            target = parse_field<std::remove_cvref_t<decltype(target)>>(option, text);
          },
          [path...](const TrainConfig& c, const Option&) { return field_text((c .* ... .* path)); }};
}

// A field of any type, through its parser and its name:
//   converted(models::parse_loss, models::loss_name, &TrainConfig::loss).
template <typename Parse, typename Name, typename... Members>
Binding converted(Parse parse, Name name, Members... path) {
  return {[parse, path...](TrainConfig& c, const Option&, const std::string& text) {
            (c .* ... .* path) = parse(text);
          },
          [name, path...](const TrainConfig& c, const Option&) {
            return std::string(name((c .* ... .* path)));
          }};
}

// A value TrainConfig has no field for, kept as text in TrainConfig::extra after a check of
// its type (a family defined outside the library reads it with config.number(name)).
Binding stored_as_text();

}  // namespace aekit::train
