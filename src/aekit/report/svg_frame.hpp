#pragma once
// The parts every SVG chart of aekit shares (svg_chart.hpp, vector_field_svg.hpp): the plot
// area and its axes, the head of the document (background, title, grid, tick and axis
// labels, frame), the legend and the colour palette.
//
// A chart computes the data Range of what it draws, makes a Frame from the axes, then emits
//   svg_head(...)  its own marks through Frame::px / py  svg_legend(...)  "</svg>\n"
#include <limits>
#include <string>
#include <vector>

#include "aekit/report/chart_axis.hpp"

namespace aekit::report {

// Tableau 10, repeating after 10.
const char* chart_colour(std::size_t i);

struct ChartPoint {
  double x, y;
};

// Running min/max of the values added; the default range is [0, 1] (log: [1, 10]).
struct Range {
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  void add(double v);
  bool empty() const { return lo > hi; }
  Axis axis(bool log) const;
};

// Plot area in pixels and the axes that map data into it (y grows upwards).
struct Frame {
  Axis x, y;
  double left, right, top, bottom;
  double px(double v) const { return left + x.fraction(v) * (right - left); }
  double py(double v) const { return bottom - y.fraction(v) * (bottom - top); }
};

struct LegendEntry {
  std::string name;
  const char* colour;
};

// The plot area of a width x height chart: room for the title, the y tick labels and the
// legend. Throws aekit::Error if the size is below 160x120.
Frame make_frame(int width, int height, bool has_title, Axis x, Axis y,
                 const std::vector<LegendEntry>& legend);

// Opening <svg> tag, background, title, grid, tick labels, axis labels and the frame.
// Every text is escaped.
std::string svg_head(int width, int height, const std::string& title, const std::string& x_label,
                     const std::string& y_label, const Frame& f);

// Legend to the right of the plot: a line (if `lines`) and a dot per entry, then its name.
std::string svg_legend(const std::vector<LegendEntry>& legend, const Frame& f, bool lines);

// "no data" in the middle of the plot area.
std::string svg_no_data(const Frame& f);

}  // namespace aekit::report
