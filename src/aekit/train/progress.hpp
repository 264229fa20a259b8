#pragma once
// Training progress on the console.
//
// Terminal: one line rewritten in place ("\r" + text + clear-to-end-of-line), at most once
// per min_interval (default 100 ms) and always on the last batch of an epoch:
//   epoch 3/10 [#########...........] 234/469 loss 0.01234 52.1k samples/s ETA 0:12
// ETA covers the whole run: batches left in this and later epochs divided by the batch rate
// measured since the first batch() call. epoch_end() replaces the line by a permanent one.
// Not a terminal (log file, pipe): no "\r", no bar; only one line per epoch:
//   epoch 3/10 <summary_line>
#include <chrono>
#include <functional>
#include <optional>
#include <ostream>
#include <string>

#include "aekit/tensor/matrix.hpp"

namespace aekit::train {

// "m:ss" under an hour, "h:mm:ss" from then on; "--:--" for negative or non-finite input.
std::string format_duration(double seconds);

// Three significant digits with k/M/G suffixes: 523, 52.1k, 1.23M; "?" for non-finite input.
std::string format_rate(double per_second);

class Progress {
 public:
  using Clock = std::chrono::steady_clock;

  // epochs are numbered 1..total_epochs; each has batches_per_epoch batches.
  Progress(std::ostream& out, bool is_terminal, int total_epochs, Index batches_per_epoch);
  ~Progress();  // ends a progress line still open on the terminal
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // For tests: a fake clock, and the minimum time between two redraws.
  void set_clock(std::function<Clock::time_point()> now) { now_ = std::move(now); }
  void set_min_interval(Clock::duration interval) { min_interval_ = interval; }

  // After each batch: `batch` = batches done in this epoch (1..batches_per_epoch).
  void batch(int epoch, Index batch, double loss, double samples_per_second);

  // After each epoch (and its validation): prints "epoch E/T summary_line" as a lasting line.
  void epoch_end(int epoch, const std::string& summary_line);

  // True if stdout is an interactive terminal (isatty) whose TERM is not "dumb".
  static bool stdout_is_terminal();

 private:
  std::string epoch_label(int epoch) const;
  std::string eta(Index done, Clock::time_point now) const;

  std::ostream& out_;
  bool terminal_;
  int total_epochs_;
  Index batches_per_epoch_;
  std::function<Clock::time_point()> now_ = [] { return Clock::now(); };
  Clock::duration min_interval_ = std::chrono::milliseconds(100);
  std::optional<Clock::time_point> last_draw_;  // when the line was last drawn this epoch
  Clock::time_point rate_start_;                // first batch() call
  Index rate_start_done_ = -1;                  // batches done in the run at that call
  bool line_open_ = false;                      // a progress line is on screen
};

}  // namespace aekit::train
