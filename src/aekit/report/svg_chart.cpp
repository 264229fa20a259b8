#include "aekit/report/svg_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "aekit/error.hpp"
#include "aekit/report/chart_axis.hpp"
#include "aekit/report/escape.hpp"

namespace aekit::report {
namespace {

constexpr const char* kPalette[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
constexpr double kCharWidth = 6.5;        // rough width of one 11-12px sans-serif character
constexpr std::size_t kMaxMarkers = 200;  // more points than this: line only

const char* colour(std::size_t i) { return kPalette[i % std::size(kPalette)]; }

struct Point {
  double x, y;
};

// Running min/max of the finite values seen; the default range is [0, 1] (log: [1, 10]).
struct Range {
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  void add(double v) {
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  Axis axis(bool log) const {
    if (lo > hi) return make_axis(log ? 1 : 0, log ? 10 : 1, log);
    return make_axis(lo, hi, log);
  }
};

// Plot area in pixels and the axes that map data into it.
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

std::size_t longest(const std::vector<std::string>& texts) {
  std::size_t n = 0;
  for (const auto& t : texts) n = std::max(n, t.size());
  return n;
}

Frame make_frame(int width, int height, bool has_title, Axis x, Axis y,
                 const std::vector<LegendEntry>& legend) {
  if (width < 160 || height < 120)
    throw Error(
        fmt::format("chart size {}x{} is too small; expected at least 160x120", width, height));
  double legend_width = 0;
  for (const auto& e : legend)
    legend_width = std::max(legend_width, 40 + kCharWidth * e.name.size());
  legend_width = std::min(legend_width, width / 3.0);
  const double left = 30 + kCharWidth * longest(y.labels);
  return Frame{std::move(x), std::move(y), left, width - 16 - legend_width, has_title ? 36.0 : 14.0,
               height - 44.0};
}

// Opening tag, background, title, grid, tick labels, axis labels and the frame.
std::string svg_head(int width, int height, const std::string& title, const std::string& x_label,
                     const std::string& y_label, const Frame& f) {
  std::string s = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" font-family=\"sans-serif\" font-size=\"11\">\n"
      "<rect width=\"{0}\" height=\"{1}\" fill=\"white\"/>\n",
      width, height);
  if (!title.empty())
    s += fmt::format(
        "<text x=\"{:.1f}\" y=\"22\" text-anchor=\"middle\" font-size=\"14\" "
        "font-weight=\"bold\">{}</text>\n",
        (f.left + f.right) / 2, html_escape(title));
  s += "<g stroke=\"#e0e0e0\" stroke-width=\"1\">\n";
  for (const double t : f.x.ticks)
    s += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\"/>\n",
                     f.px(t), f.top, f.bottom);
  for (const double t : f.y.ticks)
    s += fmt::format("<line x1=\"{0:.1f}\" y1=\"{2:.1f}\" x2=\"{1:.1f}\" y2=\"{2:.1f}\"/>\n",
                     f.left, f.right, f.py(t));
  s += "</g>\n<g fill=\"#333\">\n";
  for (std::size_t i = 0; i < f.x.ticks.size(); ++i)
    s += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n",
                     f.px(f.x.ticks[i]), f.bottom + 14, f.x.labels[i]);
  for (std::size_t i = 0; i < f.y.ticks.size(); ++i)
    s += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n", f.left - 5,
                     f.py(f.y.ticks[i]) + 4, f.y.labels[i]);
  s += fmt::format(
      "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-size=\"12\">{}</text>\n",
      (f.left + f.right) / 2, f.bottom + 34, html_escape(x_label));
  s += fmt::format(
      "<text transform=\"translate(14 {:.1f}) rotate(-90)\" text-anchor=\"middle\" "
      "font-size=\"12\">{}</text>\n</g>\n",
      (f.top + f.bottom) / 2, html_escape(y_label));
  s += fmt::format(
      "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"none\" "
      "stroke=\"#333\"/>\n",
      f.left, f.top, f.right - f.left, f.bottom - f.top);
  return s;
}

// Legend to the right of the plot: a line (if `lines`) and a dot per entry, then its name.
std::string svg_legend(const std::vector<LegendEntry>& legend, const Frame& f, bool lines) {
  std::string s;
  for (std::size_t i = 0; i < legend.size(); ++i) {
    const double x = f.right + 12, y = f.top + 8 + 16.0 * i;
    if (lines)
      s += fmt::format(
          "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" y2=\"{1:.1f}\" "
          "stroke=\"{3}\" stroke-width=\"2\"/>\n",
          x, y, x + 20, legend[i].colour);
    s += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"{}\"/>\n", x + 10, y,
                     legend[i].colour);
    s += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n", x + 26, y + 4,
                     html_escape(legend[i].name));
  }
  return s;
}

std::string no_data(const Frame& f) {
  return fmt::format(
      "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" fill=\"#999\">no data</text>\n",
      (f.left + f.right) / 2, (f.top + f.bottom) / 2);
}

// The plottable points of a series (finite, and y > 0 on a log axis).
std::vector<Point> points_of(const Series& series, bool log_y) {
  if (!series.x.empty() && series.x.size() != series.y.size())
    throw Error(
        fmt::format("line chart: series '{}' has {} x values and {} y values; expected "
                    "the same number (or no x values for 1, 2, 3, ...)",
                    series.name, series.x.size(), series.y.size()));
  std::vector<Point> points;
  for (std::size_t i = 0; i < series.y.size(); ++i) {
    const double x = series.x.empty() ? static_cast<double>(i + 1) : series.x[i], y = series.y[i];
    if (std::isfinite(x) && std::isfinite(y) && (!log_y || y > 0)) points.push_back({x, y});
  }
  return points;
}

}  // namespace

std::string line_chart_svg(const LineChart& chart) {
  std::vector<std::vector<Point>> curves;
  std::vector<LegendEntry> legend;
  Range xs, ys;
  for (std::size_t i = 0; i < chart.series.size(); ++i) {
    curves.push_back(points_of(chart.series[i], chart.log_y));
    for (const Point& p : curves.back()) {
      xs.add(p.x);
      ys.add(p.y);
    }
    if (chart.series.size() > 1 || !chart.series[i].name.empty())
      legend.push_back({chart.series[i].name, colour(i)});
  }
  const Frame f = make_frame(chart.width, chart.height, !chart.title.empty(), xs.axis(false),
                             ys.axis(chart.log_y), legend);
  std::string s = svg_head(chart.width, chart.height, chart.title, chart.x_label, chart.y_label, f);
  if (xs.lo > xs.hi) s += no_data(f);
  for (std::size_t i = 0; i < curves.size(); ++i) {
    std::string points;
    for (const Point& p : curves[i])
      points += fmt::format("{}{:.1f},{:.1f}", points.empty() ? "" : " ", f.px(p.x), f.py(p.y));
    s += fmt::format("<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"1.5\" points=\"{}\"/>\n",
                     colour(i), points);
    if (curves[i].size() > kMaxMarkers) continue;
    s += fmt::format("<g fill=\"{}\">\n", colour(i));
    for (const Point& p : curves[i])
      s += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2.5\"/>\n", f.px(p.x), f.py(p.y));
    s += "</g>\n";
  }
  return s + svg_legend(legend, f, true) + "</svg>\n";
}

std::string scatter_svg(const ScatterChart& chart) {
  if (chart.x.size() != chart.y.size() ||
      (!chart.labels.empty() && chart.labels.size() != chart.x.size()))
    throw Error(
        fmt::format("scatter plot: expected as many x, y (and labels, if any) as points, "
                    "found {} x, {} y and {} labels",
                    chart.x.size(), chart.y.size(), chart.labels.size()));
  std::size_t classes = std::max<std::size_t>(chart.class_names.size(), 1);
  for (const int label : chart.labels) {
    if (label < 0)
      throw Error(fmt::format("scatter plot: class labels must be >= 0, found {}", label));
    classes = std::max(classes, static_cast<std::size_t>(label) + 1);
  }
  // Per class, the finite points, in input order.
  std::vector<std::vector<Point>> by_class(classes);
  Range xs, ys;
  for (std::size_t i = 0; i < chart.x.size(); ++i) {
    if (!std::isfinite(chart.x[i]) || !std::isfinite(chart.y[i])) continue;
    by_class[chart.labels.empty() ? 0 : chart.labels[i]].push_back({chart.x[i], chart.y[i]});
    xs.add(chart.x[i]);
    ys.add(chart.y[i]);
  }
  std::vector<LegendEntry> legend;
  for (std::size_t k = 0; k < classes; ++k)
    if (!by_class[k].empty() && (!chart.labels.empty() || !chart.class_names.empty()))
      legend.push_back(
          {k < chart.class_names.size() ? chart.class_names[k] : fmt::format("class {}", k),
           colour(k)});
  const Frame f = make_frame(chart.width, chart.height, !chart.title.empty(), xs.axis(false),
                             ys.axis(false), legend);
  std::string s = svg_head(chart.width, chart.height, chart.title, chart.x_label, chart.y_label, f);
  if (xs.lo > xs.hi) s += no_data(f);
  for (std::size_t k = 0; k < classes; ++k) {
    if (by_class[k].empty()) continue;
    s += fmt::format("<g fill=\"{}\" fill-opacity=\"0.7\">\n", colour(k));
    for (const Point& p : by_class[k])
      s += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2\"/>\n", f.px(p.x), f.py(p.y));
    s += "</g>\n";
  }
  return s + svg_legend(legend, f, false) + "</svg>\n";
}

}  // namespace aekit::report
