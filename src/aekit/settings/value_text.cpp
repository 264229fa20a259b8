#include "aekit/settings/value_text.hpp"

#include <sstream>

namespace aekit::train {

bool parse_bool(std::string_view name, const std::string& text) {
  if (text == "true" || text == "1" || text == "yes") return true;
  if (text == "false" || text == "0" || text == "no") return false;
  throw UsageError(fmt::format("{}: expected true or false, found '{}'", name, text));
}

std::string bool_text(bool value) { return value ? "true" : "false"; }

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, ',')) {
    const auto first = part.find_first_not_of(" \t");
    const auto last = part.find_last_not_of(" \t");
    items.push_back(first == std::string::npos ? "" : part.substr(first, last - first + 1));
  }
  return items;
}

}  // namespace aekit::train
