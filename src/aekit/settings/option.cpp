#include "aekit/settings/option.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <cstdint>

#include "aekit/error.hpp"
#include "aekit/number_text.hpp"
#include "aekit/settings/spelling.hpp"
#include "aekit/settings/value_text.hpp"

namespace aekit::train {
namespace {

// `text` as a TOML basic string: quoted, with backslash, quote and control characters escaped.
std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (ch == '"' || ch == '\\')
      out += {'\\', ch};
    else if (c < 0x20 || c == 0x7f)
      out += fmt::format("\\u{:04X}", c);
    else
      out += ch;
  }
  return out + "\"";
}

// TOML integers are signed 64-bit: a larger one (a seed) goes as a string.
std::string toml_integer(const std::string& text) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size() ? text : toml_string(text);
}

std::string toml_scalar(OptionType type, const std::string& text) {
  switch (type) {
    case OptionType::integer: return toml_integer(text);
    case OptionType::real:
    case OptionType::boolean: return text;
    case OptionType::text:
    case OptionType::list:
    case OptionType::choice: break;
  }
  return toml_string(text);
}

}  // namespace

std::string Option::flag() const {
  std::string flag = name;
  std::replace(flag.begin(), flag.end(), '_', '-');
  return "--" + flag;
}

void Option::assign(TrainConfig& config, const std::string& text) const {
  if (type == OptionType::choice && !(text.empty() && default_value.empty())) {
    const auto allowed = choices();
    if (std::find(allowed.begin(), allowed.end(), text) == allowed.end()) {
      const std::string guess = did_you_mean(text, allowed);
      throw UsageError(fmt::format("{}: expected {}, found '{}'{}", name, one_of(allowed), text,
                                   guess.empty() ? "" : "; " + guess));
    }
  }
  binding.write(config, *this, text);
}

std::string Option::value(const TrainConfig& config) const { return binding.read(config, *this); }

std::string Option::toml_value(const TrainConfig& config) const {
  const std::string text = value(config);
  if (type != OptionType::list) return toml_scalar(type, text);
  std::vector<std::string> items;
  for (const auto& item : split_list(text)) items.push_back(toml_scalar(item_type, item));
  return fmt::format("[{}]", fmt::join(items, ", "));
}

void Option::check_value(const TrainConfig& config) const {
  if (!check) return;
  const std::string text = value(config);
  const auto number = parse_double(text);
  if (!number || !check->holds(*number))
    throw UsageError(fmt::format("{} must be {}, found {}", name, check->expected, text));
}

std::string Option::value_placeholder() const {
  if (!placeholder.empty()) return placeholder;
  switch (type) {
    case OptionType::text: return "TEXT";
    case OptionType::integer: return "INT";
    case OptionType::real: return "REAL";
    case OptionType::boolean: return "BOOL";
    case OptionType::list: return "LIST";
    case OptionType::choice: break;
  }
  return fmt::format("{}", fmt::join(choices(), "|"));
}

std::function<std::vector<std::string>()> fixed_choices(std::vector<std::string> values) {
  return [values = std::move(values)] { return values; };
}

NumberCheck positive() {
  return {"a positive number", [](double x) { return x > 0; }};
}

NumberCheck at_least(double low, std::string expected) {
  return {std::move(expected), [low](double x) { return x >= low; }};
}

NumberCheck in_unit_interval() {
  return {"in [0, 1)", [](double x) { return x >= 0 && x < 1; }};
}

Option only_for(std::vector<std::string> models, Option option) {
  option.only_for = std::move(models);
  return option;
}

}  // namespace aekit::train
