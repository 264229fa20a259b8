#pragma once
// One chart axis: the shown range, "nice" tick positions (1-2-5 steps) and their labels.
//
// Linear: step = {1,2,5} x 10^k chosen so that about `target_ticks` ticks cover the data;
// the range is widened to whole steps. Log: ticks at powers of ten (with 2 and 5 between
// them when the data spans at most two decades); positions are computed on log10(v).
#include <string>
#include <vector>

namespace aekit::report {

struct Axis {
  double low = 0, high = 1;  // shown range in data units (both > 0 when log)
  bool log = false;
  std::vector<double> ticks;        // tick values in data units, ascending, within [low, high]
  std::vector<std::string> labels;  // one per tick

  // Position of `value` along the axis: 0 at low, 1 at high.
  double fraction(double value) const;
};

// The axis for data in [data_min, data_max] (finite; data_min <= data_max; both > 0 when log).
// A single value or an empty range is widened so that the axis is never degenerate.
Axis make_axis(double data_min, double data_max, bool log, int target_ticks = 6);

// The 1-2-5 step nearest above `raw_step` (> 0): 0.01, 0.02, 0.05, 0.1, ...
double nice_step(double raw_step);

}  // namespace aekit::report
