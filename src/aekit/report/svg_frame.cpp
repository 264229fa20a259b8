#include "aekit/report/svg_frame.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "aekit/error.hpp"
#include "aekit/report/escape.hpp"

namespace aekit::report {
namespace {

constexpr const char* kPalette[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
constexpr double kCharWidth = 6.5;  // rough width of one 11-12px sans-serif character

std::size_t longest(const std::vector<std::string>& texts) {
  std::size_t n = 0;
  for (const auto& t : texts) n = std::max(n, t.size());
  return n;
}

}  // namespace

const char* chart_colour(std::size_t i) { return kPalette[i % std::size(kPalette)]; }

void Range::add(double v) {
  lo = std::min(lo, v);
  hi = std::max(hi, v);
}

Axis Range::axis(bool log) const {
  if (empty()) return make_axis(log ? 1 : 0, log ? 10 : 1, log);
  return make_axis(lo, hi, log);
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

std::string svg_no_data(const Frame& f) {
  return fmt::format(
      "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" fill=\"#999\">no data</text>\n",
      (f.left + f.right) / 2, (f.top + f.bottom) / 2);
}

}  // namespace aekit::report
