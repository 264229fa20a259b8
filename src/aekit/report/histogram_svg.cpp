#include "aekit/report/histogram_svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "aekit/error.hpp"
#include "aekit/report/svg_frame.hpp"

namespace aekit::report {
namespace {

constexpr const char* kMarkerColour = "#333333";

}  // namespace

std::vector<double> histogram_counts(const std::vector<double>& values, double low, double high, int bins) {
  if (bins < 1) throw Error(fmt::format("histogram: expected at least 1 bin, found {}", bins));
  std::vector<double> counts(std::size_t(bins), 0.0);
  const double width = (high - low) / bins;
  for (const double v : values) {
    if (!std::isfinite(v) || v < low || v > high) continue;
    const double bin = width > 0 ? std::floor((v - low) / width) : 0;
    counts[std::size_t(std::clamp(bin, 0.0, double(bins - 1)))] += 1;
  }
  return counts;
}

std::string histogram_svg(const HistogramChart& chart) {
  if (chart.bins < 1) throw Error(fmt::format("histogram: expected at least 1 bin, found {}", chart.bins));
  Range xs;
  for (const auto& set : chart.sets)
    for (const double v : set.values)
      if (std::isfinite(v)) xs.add(v);
  if (chart.marker && std::isfinite(*chart.marker)) xs.add(*chart.marker);
  const bool empty = xs.empty();
  double low = empty ? 0 : xs.lo, high = empty ? 1 : xs.hi;
  if (low == high) {
    low -= 0.5;
    high += 0.5;
  }
  std::vector<std::vector<double>> shares;
  Range ys;
  ys.add(0);
  for (const auto& set : chart.sets) {
    std::vector<double> counts = histogram_counts(set.values, low, high, chart.bins);
    double total = 0;
    for (const double c : counts) total += c;
    for (double& c : counts) {
      c = total > 0 ? c / total : 0;
      ys.add(c);
    }
    shares.push_back(std::move(counts));
  }
  std::vector<LegendEntry> legend;
  for (std::size_t i = 0; i < chart.sets.size(); ++i) legend.push_back({chart.sets[i].name, chart_colour(i)});
  const bool marker = chart.marker && std::isfinite(*chart.marker);
  if (marker && !chart.marker_name.empty()) legend.push_back({chart.marker_name, kMarkerColour});

  const Frame f = make_frame(chart.width, chart.height, !chart.title.empty(), make_axis(low, high, false),
                             ys.axis(false), legend);
  std::string s = svg_head(chart.width, chart.height, chart.title, chart.x_label, "share of the set's rows", f);
  if (empty) s += svg_no_data(f);
  const double width = (high - low) / chart.bins;
  for (std::size_t i = 0; i < shares.size(); ++i) {
    std::string d = fmt::format("M{:.1f},{:.1f}", f.px(low), f.py(0));
    for (int b = 0; b < chart.bins; ++b) {
      const double y = f.py(shares[i][std::size_t(b)]);
      d += fmt::format("L{:.1f},{:.1f}L{:.1f},{:.1f}", f.px(low + b * width), y, f.px(low + (b + 1) * width), y);
    }
    d += fmt::format("L{:.1f},{:.1f}Z", f.px(high), f.py(0));
    s += fmt::format("<path class=\"histogram\" d=\"{}\" fill=\"{}\" fill-opacity=\"0.3\" stroke=\"{}\" "
                     "stroke-width=\"1.2\"/>\n",
                     d, chart_colour(i), chart_colour(i));
  }
  if (marker)
    s += fmt::format("<line class=\"marker\" x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" "
                     "stroke=\"{3}\" stroke-width=\"1.5\" stroke-dasharray=\"5,3\"/>\n",
                     f.px(*chart.marker), f.top, f.bottom, kMarkerColour);
  return s + svg_legend(legend, f, false) + "</svg>\n";
}

}  // namespace aekit::report
