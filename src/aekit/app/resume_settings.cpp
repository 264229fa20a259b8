#include "aekit/app/resume_settings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <string_view>

#include "aekit/error.hpp"

namespace aekit::app {
namespace {

constexpr std::array<std::string_view, 5> kMayChange = {"training.epochs", "training.patience",
                                                        "training.threads", "training.out",
                                                        "data.test_data"};

std::string flag_of(const std::string& setting) {
  std::string name = setting.substr(setting.find('.') + 1);
  std::replace(name.begin(), name.end(), '_', '-');
  return "--" + name;
}

}  // namespace

std::vector<SettingChange> check_resume_settings(const train::TrainConfig& recorded,
                                                 const train::TrainConfig& requested) {
  const auto before_list = recorded.applicable_settings();
  const std::map<std::string, std::string> before(before_list.begin(), before_list.end());
  std::vector<SettingChange> changes;
  for (const auto& [name, after] : requested.applicable_settings()) {
    const auto it = before.find(name);
    const std::string was = it == before.end() ? "(not set)" : it->second;
    if (was == after) continue;
    if (std::find(kMayChange.begin(), kMayChange.end(), name) == kMayChange.end())
      throw UsageError(fmt::format(
          "--resume: {} was {} in this run, {} now; a resumed run keeps its settings except "
          "epochs, patience, threads and test_data (drop {}, or start a new run with another --out)",
          name, was, after, flag_of(name)));
    changes.push_back({name, was, after});
  }
  return changes;
}

}  // namespace aekit::app
