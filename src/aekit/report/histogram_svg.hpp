#pragma once
// Histograms of several sets of values on the same bins, overlaid (anomaly scores of inliers
// and outliers), with an optional vertical marker (a decision threshold). Each set is drawn as
// the share of its own values per bin, so sets of different sizes compare; a translucent area
// under a step outline per set. The bins split [min, max] of every finite value (and the
// marker) into `bins` equal widths; values that are not finite are left out. All text is
// escaped; the output starts with "<svg".
#include <optional>
#include <string>
#include <vector>

namespace aekit::report {

struct HistogramSet {
  std::string name;  // legend entry
  std::vector<double> values;
};

struct HistogramChart {
  std::string title, x_label;
  std::vector<HistogramSet> sets;
  int bins = 40;
  std::optional<double> marker;  // a vertical dashed line at this x
  std::string marker_name;       // its legend entry
  int width = 640, height = 400;
};

// The counts of `values` in `bins` equal bins over [low, high] (the last bin closed; values
// outside or not finite are not counted).
std::vector<double> histogram_counts(const std::vector<double>& values, double low, double high, int bins);

// Throws aekit::Error for bins < 1 or a size below 160x120.
std::string histogram_svg(const HistogramChart& chart);

}  // namespace aekit::report
