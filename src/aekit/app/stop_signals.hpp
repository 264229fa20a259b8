#pragma once
// Ctrl-C (SIGINT) and SIGTERM during `aekit train`: the first one only sets a flag (and says
// so on stderr), which the training loop reads between two batches (train::Trainer::stop_when);
// the run then writes its checkpoint and ends with a RunInterrupted error that says how to
// resume. Before training, or during a one-shot fit, it ends the run with nothing written. The
// handler falls back to the default at once, so a second signal ends the process immediately
// (every file is written atomically, so that leaves the previous ones whole).
#include <atomic>

#include "aekit/error.hpp"

namespace aekit::app {

// Installs the handlers while it lives (one at a time); restores the previous ones after.
class StopSignals {
 public:
  StopSignals();
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  const std::atomic<bool>& requested() const;
  int signal_number() const;  // the signal that asked, 0 if none did
};

// A run ended by a signal after saving its checkpoint; the process should exit with
// exit_code() (128 + the signal number, as a shell reports a process killed by it).
class RunInterrupted : public Error {
 public:
  RunInterrupted(const std::string& message, int signal_number)
      : Error(message), signal_number_(signal_number) {}
  int exit_code() const { return 128 + signal_number_; }

 private:
  int signal_number_;
};

}  // namespace aekit::app
