#pragma once
// How many threads a run uses, and why: `threads` (the setting) is auto or a count.
//   auto  -> usable_cores() = max(1, min(CPU affinity, ceil(cgroup CPU quota)))
//            (tensor/usable_cores.hpp), so a rerun on a larger machine uses its cores;
//   N > 0 -> N, as asked (a warning in the log where N is more than the usable cores).
// The choice goes into summary.json's "run" (run_facts.hpp) and beside `threads` in
// config.toml as a comment (TrainConfig::threads_note):
//   "threads": 2, "threads_requested": "auto",
//   "threads_reason": "2 cores in this process's CPU affinity, no cgroup CPU quota"
#include <nlohmann/json.hpp>
#include <string>

#include "aekit/tensor/usable_cores.hpp"

namespace aekit::app {

struct ThreadChoice {
  int threads = 1;          // the count used
  bool automatic = true;    // asked for auto (else the count was given)
  CoreBudget budget;        // the cores this process may use, and why

  // "auto" or the count asked for, as config.toml writes it.
  nlohmann::json requested() const;
  // Why this count: the budget's explanation for auto; for a count, "as asked (auto would
  // give 2: 2 cores in this process's CPU affinity, no cgroup CPU quota)".
  std::string reason() const;
  // config.toml's comment beside threads: "2 threads here: 2 cores in this process's ...".
  std::string note() const;
  // {"threads": 2, "threads_requested": "auto", "threads_reason": "..."}
  nlohmann::json to_json() const;
};

// The choice for the setting `threads` (0: auto), with this process's core budget.
ThreadChoice choose_threads(int threads);

// The note a run wrote beside `threads` in its config.toml, from the facts its summary.json
// keeps (config.toml's comments are not read back): for a report rebuilt later, which must
// show the run's choice, not this machine's. "" for a summary without them (older runs).
std::string recorded_threads_note(const nlohmann::json& summary);

}  // namespace aekit::app
