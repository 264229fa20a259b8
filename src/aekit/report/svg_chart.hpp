#pragma once
// Standalone SVG charts: line charts (loss curves, explained variance, sweeps) and 2-D
// scatter plots of codes coloured by class. The output starts with "<svg" and can be
// written as a .svg file or pasted into HTML. All text is escaped.
//
// Points that are not finite (and, on a log axis, not > 0) are skipped. Axes get "nice"
// 1-2-5 ticks (see chart_axis.hpp); series and classes get distinct colours (Tableau 10,
// repeating after 10).
#include <string>
#include <vector>

namespace aekit::report {

struct Series {
  std::string name;          // legend entry (may be empty when there is one series)
  std::vector<double> x, y;  // same length; an empty x means x = 1, 2, ..., y.size()
};

struct LineChart {
  std::string title, x_label, y_label;
  std::vector<Series> series;
  bool log_y = false;
  int width = 640, height = 400;
};

// Axes, grid, one polyline with point markers per series, legend on the right.
// Throws aekit::Error if a series has x and y of different lengths or the size is too small.
std::string line_chart_svg(const LineChart& chart);

struct ScatterChart {
  std::string title, x_label, y_label;
  std::vector<double> x, y;              // one point each, same length
  std::vector<int> labels;               // class per point in 0..K-1, or empty (one class)
  std::vector<std::string> class_names;  // legend names by class; missing ones are "class k"
  int width = 640, height = 480;
};

// One dot per point, coloured by its class, with a legend of the classes present.
// Throws aekit::Error if x, y and labels differ in length or a label is negative.
std::string scatter_svg(const ScatterChart& chart);

}  // namespace aekit::report
