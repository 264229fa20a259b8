#include "aekit/report/chart_axis.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace aekit::report {
namespace {

// Label for a tick on a linear axis with spacing `step`: just enough decimals for the step,
// scientific notation for very large or very small magnitudes.
std::string linear_label(double value, double step) {
  if (std::abs(value) < step * 1e-9) value = 0;  // no "-0.0" from rounding noise
  const double magnitude = std::max(std::abs(value), step);
  if (magnitude >= 1e6 || step < 1e-4) return fmt::format("{:.3g}", value);
  const int decimals = std::max(0, -static_cast<int>(std::floor(std::log10(step) + 1e-9)));
  return fmt::format("{:.{}f}", value, decimals);
}

Axis linear_axis(double lo, double hi, int target_ticks) {
  if (hi - lo <= std::abs(hi) * 1e-12) {  // one value: widen around it
    const double half = lo == 0 ? 1.0 : std::abs(lo) * 0.1;
    lo -= half;
    hi += half;
  }
  const double step = nice_step((hi - lo) / std::max(1, target_ticks - 1));
  Axis axis;
  axis.low = std::floor(lo / step + 1e-9) * step;
  axis.high = std::ceil(hi / step - 1e-9) * step;
  for (double k = std::round(axis.low / step); k * step <= axis.high + step * 1e-9; k += 1) {
    axis.ticks.push_back(k * step);
    axis.labels.push_back(linear_label(k * step, step));
  }
  return axis;
}

Axis log_axis(double lo, double hi) {
  Axis axis;
  axis.log = true;
  int first = static_cast<int>(std::floor(std::log10(lo) + 1e-9));
  int last = static_cast<int>(std::ceil(std::log10(hi) - 1e-9));
  if (last <= first) last = first + 1;
  const int decades = last - first;
  const int every = std::max(1, (decades + 7) / 8);  // at most ~8 decade labels
  const bool minor = decades <= 2;
  axis.low = std::pow(10.0, first);
  axis.high = std::pow(10.0, last);
  for (int e = first; e <= last; ++e) {
    for (const double m : {1.0, 2.0, 5.0}) {
      if ((m != 1.0 && (!minor || e == last)) || (m == 1.0 && (e - first) % every != 0)) continue;
      const double value = m * std::pow(10.0, e);
      axis.ticks.push_back(value);
      axis.labels.push_back(fmt::format("{:g}", value));
    }
  }
  return axis;
}

}  // namespace

double Axis::fraction(double value) const {
  if (log) return (std::log10(value) - std::log10(low)) / (std::log10(high) - std::log10(low));
  return (value - low) / (high - low);
}

double nice_step(double raw_step) {
  const double power = std::pow(10.0, std::floor(std::log10(raw_step)));
  for (const double m : {1.0, 2.0, 5.0})
    if (m * power >= raw_step * (1 - 1e-9)) return m * power;
  return 10.0 * power;
}

Axis make_axis(double data_min, double data_max, bool log, int target_ticks) {
  return log ? log_axis(data_min, data_max) : linear_axis(data_min, data_max, target_ticks);
}

}  // namespace aekit::report
