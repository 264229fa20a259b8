#pragma once
// What a resumed run may change. `aekit train --resume` continues a run with the settings it
// started with; only the ones that say how long and where it runs may differ:
//   epochs, patience, threads, out, test_data
// Any other difference (lr, batch, dims, noise, ...) is refused with one line naming the
// setting, its recorded value and the new one, since the checkpoint's epochs were trained
// with the recorded value and the run's config.toml must keep describing them.
#include <string>
#include <vector>

#include "aekit/settings/train_config.hpp"

namespace aekit::app {

struct SettingChange {
  std::string name, before, after;  // name as config.toml's table.key, e.g. "training.epochs"
};

// The allowed changes from `recorded` (the run's config.toml) to `requested`; UsageError for
// any other.
std::vector<SettingChange> check_resume_settings(const train::TrainConfig& recorded,
                                                 const train::TrainConfig& requested);

}  // namespace aekit::app
