#include "aekit/report/vector_field_svg.hpp"

#include <fmt/format.h>

#include <cmath>

#include "aekit/error.hpp"
#include "aekit/report/svg_frame.hpp"

namespace aekit::report {
namespace {

constexpr const char* kDataColour = "#555555";
constexpr double kHeadLength = 6;       // pixels, shortened on arrows shorter than 2.5x that
constexpr double kHeadHalfAngle = 0.45;  // radians

struct Arrow {
  ChartPoint from, to;  // data units
};

void check_lengths(const VectorField& f) {
  if (f.y.size() != f.x.size() || f.dx.size() != f.x.size() || f.dy.size() != f.x.size())
    throw Error(fmt::format("vector field: expected as many x, y, dx and dy as arrows, found "
                            "{} x, {} y, {} dx and {} dy",
                            f.x.size(), f.y.size(), f.dx.size(), f.dy.size()));
  if (f.data_y.size() != f.data_x.size())
    throw Error(fmt::format("vector field: expected as many data_x as data_y, found {} and {}",
                            f.data_x.size(), f.data_y.size()));
  if (!(f.arrow_scale > 0) || !std::isfinite(f.arrow_scale))
    throw Error(fmt::format("vector field: expected arrow_scale > 0, found {}", f.arrow_scale));
}

bool finite(ChartPoint p) { return std::isfinite(p.x) && std::isfinite(p.y); }

// Shaft from `a` to `b` (pixels) and a two-sided head at `b`.
std::string arrow_path(ChartPoint a, ChartPoint b) {
  const double length = std::hypot(b.x - a.x, b.y - a.y);
  std::string d = fmt::format("M{:.1f},{:.1f}L{:.1f},{:.1f}", a.x, a.y, b.x, b.y);
  if (length > 0) {
    const double head = std::min(kHeadLength, length / 2.5), angle = std::atan2(a.y - b.y, a.x - b.x);
    for (const double side : {-kHeadHalfAngle, kHeadHalfAngle})
      d += fmt::format("M{:.1f},{:.1f}L{:.1f},{:.1f}", b.x + head * std::cos(angle + side),
                       b.y + head * std::sin(angle + side), b.x, b.y);
  }
  return fmt::format("<path d=\"{}\"/>\n", d);
}

}  // namespace

std::string vector_field_svg(const VectorField& field) {
  check_lengths(field);
  Range xs, ys;
  std::vector<Arrow> arrows;
  for (std::size_t i = 0; i < field.x.size(); ++i) {
    const Arrow a{{field.x[i], field.y[i]},
                  {field.x[i] + field.arrow_scale * field.dx[i],
                   field.y[i] + field.arrow_scale * field.dy[i]}};
    if (!finite(a.from) || !finite(a.to)) continue;
    arrows.push_back(a);
    for (const ChartPoint p : {a.from, a.to}) {
      xs.add(p.x);
      ys.add(p.y);
    }
  }
  std::vector<ChartPoint> data;
  for (std::size_t i = 0; i < field.data_x.size(); ++i) {
    const ChartPoint p{field.data_x[i], field.data_y[i]};
    if (!finite(p)) continue;
    data.push_back(p);
    xs.add(p.x);
    ys.add(p.y);
  }
  std::vector<LegendEntry> legend;
  if (!data.empty() && !field.data_name.empty()) legend.push_back({field.data_name, kDataColour});
  if (!arrows.empty() && !field.arrows_name.empty())
    legend.push_back({field.arrows_name, chart_colour(0)});

  const Frame f = make_frame(field.width, field.height, !field.title.empty(), xs.axis(false),
                             ys.axis(false), legend);
  std::string s = svg_head(field.width, field.height, field.title, field.x_label, field.y_label, f);
  if (xs.empty()) s += svg_no_data(f);
  s += fmt::format(
      "<g class=\"arrows\" fill=\"none\" stroke=\"{}\" stroke-width=\"1\" "
      "stroke-linecap=\"round\">\n",
      chart_colour(0));
  for (const Arrow& a : arrows)
    s += arrow_path({f.px(a.from.x), f.py(a.from.y)}, {f.px(a.to.x), f.py(a.to.y)});
  s += fmt::format("</g>\n<g fill=\"{}\" fill-opacity=\"0.7\">\n", kDataColour);
  for (const ChartPoint& p : data)
    s += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"1.5\"/>\n", f.px(p.x), f.py(p.y));
  return s + "</g>\n" + svg_legend(legend, f, false) + "</svg>\n";
}

}  // namespace aekit::report
