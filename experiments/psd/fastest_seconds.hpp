#pragma once
// Wall-clock timing on a loaded machine: the works are called in turn, round after round, so
// that load from other processes falls on all of them alike, and each one's fastest call is
// kept: the call least disturbed.
#include <algorithm>
#include <chrono>
#include <functional>
#include <vector>

namespace aekit::psd_report {

inline constexpr int kMinTimedRounds = 5;
inline constexpr double kMinTimedSeconds = 3;  // rounds go on until they add up to this

// Seconds of the fastest call of each work, over at least kMinTimedRounds rounds that together
// take at least kMinTimedSeconds.
inline std::vector<double> fastest_seconds(const std::vector<std::function<void()>>& works) {
  std::vector<double> fastest(works.size(), 1e300);
  double total = 0;
  for (int round = 0; round < kMinTimedRounds || total < kMinTimedSeconds; ++round)
    for (std::size_t w = 0; w < works.size(); ++w) {
      const auto start = std::chrono::steady_clock::now();
      works[w]();
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      fastest[w] = std::min(fastest[w], seconds);
      total += seconds;
    }
  return fastest;
}

}  // namespace aekit::psd_report
