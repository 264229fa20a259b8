#include "aekit/settings/bindings.hpp"

#include <cstdint>

namespace aekit::train {
namespace {

void check_type(const Option& option, const std::string& text) {
  switch (option.type) {
    case OptionType::integer: (void)parse_number<std::int64_t>(option.name, text); return;
    case OptionType::real: (void)parse_number<double>(option.name, text); return;
    case OptionType::boolean: (void)parse_bool(option.name, text); return;
    case OptionType::text:
    case OptionType::list:
    case OptionType::choice: return;  // a choice is checked by Option::assign
  }
}

}  // namespace

Binding stored_as_text() {
  return {[](TrainConfig& c, const Option& option, const std::string& text) {
            check_type(option, text);
            c.extra[option.name] = text;
          },
          [](const TrainConfig& c, const Option& option) {
            const auto it = c.extra.find(option.name);
            return it != c.extra.end() ? it->second : option.default_value;
          }};
}

}  // namespace aekit::train
