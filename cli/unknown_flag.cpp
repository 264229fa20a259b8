// Naming a misspelt flag of any subcommand with the closest valid one (command.hpp).
#include <fmt/format.h>

#include <algorithm>

#include "aekit/number_text.hpp"
#include "aekit/settings/spelling.hpp"
#include "command.hpp"

namespace aekit::cli {

std::optional<std::string> unknown_flag(const CLI::App& command, int argc, char** argv) {
  std::vector<std::string> flags;
  for (const CLI::Option* option : command.get_options()) {
    for (const auto& name : option->get_lnames()) flags.push_back("--" + name);
    for (const auto& name : option->get_snames()) flags.push_back("-" + name);
  }
  const bool root = command.get_parent() == nullptr;
  const std::string name = root ? "aekit" : "aekit " + command.get_name();
  for (int i = root ? 1 : 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--") break;
    if (arg.size() < 2 || arg[0] != '-' || parse_double(arg)) continue;  // a value, e.g. -0.5
    const std::string flag = arg.substr(0, arg.find('='));
    const bool known = std::find(flags.begin(), flags.end(), flag) != flags.end() ||
                       (!flag.starts_with("--") &&  // -n5: a short flag with its value
                        std::find(flags.begin(), flags.end(), flag.substr(0, 2)) != flags.end());
    if (known) continue;
    const std::string guess = train::did_you_mean(flag, flags);
    return fmt::format("unknown option '{}' for '{}': {}", flag, name,
                       guess.empty() ? fmt::format("see '{} --help'", name) : guess);
  }
  return std::nullopt;
}

}  // namespace aekit::cli
