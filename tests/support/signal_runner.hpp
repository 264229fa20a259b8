#pragma once
// Running `aekit` and signalling it after a delay (the interrupt and kill tests).
#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace aekit::test {

struct Ended {
  int exit_code = -1;  // when it exited
  int killed_by = 0;   // the signal, when one ended it (SIGKILL; SIGINT/SIGTERM before aekit's handlers)
  std::string err;
};

// Runs `aekit ARGS` (through `exec`, so the signal reaches aekit itself, stderr to a file in
// `dir`), sends `signal_number` after `delay` (and then as soon as `ready()` holds, polled
// every 0.1 ms, unless the run ends first), and waits for the end.
Ended run_and_signal(const std::string& args, const TempDir& dir, std::chrono::milliseconds delay,
                     int signal_number, const std::function<bool()>& ready = [] { return true; });

// The temporaries of io/atomic_write.hpp (".NAME.tmp-PID-N") in `folder`: what a process
// killed while writing a file leaves.
std::vector<std::string> temporaries_in(const std::filesystem::path& folder);

}  // namespace aekit::test
