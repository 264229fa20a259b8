#include "aekit/report/svg_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "aekit/error.hpp"
#include "aekit/report/svg_frame.hpp"

namespace aekit::report {
namespace {

constexpr std::size_t kMaxMarkers = 200;  // more points than this: line only

// The plottable points of a series (finite, and y > 0 on a log axis).
std::vector<ChartPoint> points_of(const Series& series, bool log_y) {
  if (!series.x.empty() && series.x.size() != series.y.size())
    throw Error(
        fmt::format("line chart: series '{}' has {} x values and {} y values; expected "
                    "the same number (or no x values for 1, 2, 3, ...)",
                    series.name, series.x.size(), series.y.size()));
  std::vector<ChartPoint> points;
  for (std::size_t i = 0; i < series.y.size(); ++i) {
    const double x = series.x.empty() ? static_cast<double>(i + 1) : series.x[i], y = series.y[i];
    if (std::isfinite(x) && std::isfinite(y) && (!log_y || y > 0)) points.push_back({x, y});
  }
  return points;
}

}  // namespace

std::string line_chart_svg(const LineChart& chart) {
  std::vector<std::vector<ChartPoint>> curves;
  std::vector<LegendEntry> legend;
  Range xs, ys;
  for (std::size_t i = 0; i < chart.series.size(); ++i) {
    curves.push_back(points_of(chart.series[i], chart.log_y));
    for (const ChartPoint& p : curves.back()) {
      xs.add(p.x);
      ys.add(p.y);
    }
    if (chart.series.size() > 1 || !chart.series[i].name.empty())
      legend.push_back({chart.series[i].name, chart_colour(i)});
  }
  const Frame f = make_frame(chart.width, chart.height, !chart.title.empty(), xs.axis(false),
                             ys.axis(chart.log_y), legend);
  std::string s = svg_head(chart.width, chart.height, chart.title, chart.x_label, chart.y_label, f);
  if (xs.empty()) s += svg_no_data(f);
  for (std::size_t i = 0; i < curves.size(); ++i) {
    std::string points;
    for (const ChartPoint& p : curves[i])
      points += fmt::format("{}{:.1f},{:.1f}", points.empty() ? "" : " ", f.px(p.x), f.py(p.y));
    s += fmt::format("<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"1.5\" points=\"{}\"/>\n",
                     chart_colour(i), points);
    if (curves[i].size() > kMaxMarkers) continue;
    s += fmt::format("<g fill=\"{}\">\n", chart_colour(i));
    for (const ChartPoint& p : curves[i])
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
  std::vector<std::vector<ChartPoint>> by_class(classes);
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
           chart_colour(k)});
  const Frame f = make_frame(chart.width, chart.height, !chart.title.empty(), xs.axis(false),
                             ys.axis(false), legend);
  std::string s = svg_head(chart.width, chart.height, chart.title, chart.x_label, chart.y_label, f);
  if (xs.empty()) s += svg_no_data(f);
  for (std::size_t k = 0; k < classes; ++k) {
    if (by_class[k].empty()) continue;
    s += fmt::format("<g fill=\"{}\" fill-opacity=\"0.7\">\n", chart_colour(k));
    for (const ChartPoint& p : by_class[k])
      s += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2\"/>\n", f.px(p.x), f.py(p.y));
    s += "</g>\n";
  }
  return s + svg_legend(legend, f, false) + "</svg>\n";
}

}  // namespace aekit::report
