#include "aekit/train/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace aekit::train {
namespace {

constexpr int kBarWidth = 20;
constexpr const char* kClearToEnd = "\033[K";

}  // namespace

std::string format_duration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0 || seconds > 1e9) return "--:--";
  const auto total = static_cast<long long>(std::llround(seconds));
  const long long h = total / 3600, m = total / 60 % 60, s = total % 60;
  return h > 0 ? fmt::format("{}:{:02}:{:02}", h, m, s) : fmt::format("{}:{:02}", m, s);
}

std::string format_rate(double per_second) {
  if (!std::isfinite(per_second)) return "?";
  static constexpr const char* kSuffix[] = {"", "k", "M", "G", "T"};
  double v = per_second;
  std::size_t unit = 0;
  // Move to the next unit when three significant digits would print as 1000.
  while (std::abs(v) >= 999.5 && unit + 1 < std::size(kSuffix)) {
    v /= 1000;
    ++unit;
  }
  const double a = std::abs(v);
  if (a == 0) return "0";
  const int decimals = a >= 99.95 ? 0 : a >= 9.995 ? 1 : 2;
  return fmt::format("{:.{}f}{}", v, decimals, kSuffix[unit]);
}

Progress::Progress(std::ostream& out, bool is_terminal, int total_epochs, Index batches_per_epoch)
    : out_(out),
      terminal_(is_terminal),
      total_epochs_(std::max(total_epochs, 1)),
      batches_per_epoch_(std::max<Index>(batches_per_epoch, 1)) {}

Progress::~Progress() {
  if (line_open_) out_ << '\n' << std::flush;
}

std::string Progress::epoch_label(int epoch) const {
  return fmt::format("epoch {}/{}", epoch, total_epochs_);
}

// Whole-run ETA: batches left / batches per second since the first batch() call.
std::string Progress::eta(Index done, Clock::time_point now) const {
  const double elapsed = std::chrono::duration<double>(now - rate_start_).count();
  const Index measured = done - rate_start_done_;
  if (measured <= 0 || elapsed <= 0) return format_duration(-1);
  const Index left = std::max<Index>(Index{total_epochs_} * batches_per_epoch_ - done, 0);
  return format_duration(static_cast<double>(left) * elapsed / static_cast<double>(measured));
}

void Progress::batch(int epoch, Index batch, double loss, double samples_per_second) {
  if (!terminal_) return;
  batch = std::clamp<Index>(batch, 0, batches_per_epoch_);
  const Index done = Index{epoch - 1} * batches_per_epoch_ + batch;
  const Clock::time_point now = now_();
  if (rate_start_done_ < 0) {
    rate_start_ = now;
    rate_start_done_ = done;
  }
  const bool last = batch == batches_per_epoch_;
  if (last_draw_ && now - *last_draw_ < min_interval_ && !last) return;
  last_draw_ = now;

  // Bar: '#' for the finished share of this epoch, '.' for the rest.
  const auto filled = static_cast<int>(batch * kBarWidth / batches_per_epoch_);
  out_ << fmt::format("\r{} [{}{}] {}/{} loss {:.4g} {} samples/s ETA {}{}", epoch_label(epoch),
                      std::string(filled, '#'), std::string(kBarWidth - filled, '.'), batch,
                      batches_per_epoch_, loss, format_rate(samples_per_second), eta(done, now),
                      kClearToEnd)
       << std::flush;
  line_open_ = true;
}

void Progress::epoch_end(int epoch, const std::string& summary_line) {
  std::string line = epoch_label(epoch);
  if (!summary_line.empty()) line += " " + summary_line;
  if (terminal_)
    out_ << '\r' << line << kClearToEnd << '\n';
  else
    out_ << line << '\n';
  out_ << std::flush;
  line_open_ = false;
  last_draw_.reset();  // the next epoch's first batch draws at once
}

bool Progress::stdout_is_terminal() {
  if (!::isatty(::fileno(stdout))) return false;
  const char* term = std::getenv("TERM");
  return !(term && std::string_view(term) == "dumb");
}

}  // namespace aekit::train
