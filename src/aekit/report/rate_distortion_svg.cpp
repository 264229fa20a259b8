#include "aekit/report/rate_distortion_svg.hpp"

#include <algorithm>
#include <vector>

#include "aekit/report/svg_chart.hpp"

namespace aekit::report {

std::string rate_distortion_svg(std::span<const eval::RatePoint> points, const std::string& title) {
  std::vector<const eval::RatePoint*> by_bpp;
  for (const eval::RatePoint& p : points) by_bpp.push_back(&p);
  std::stable_sort(by_bpp.begin(), by_bpp.end(),
                   [](const eval::RatePoint* a, const eval::RatePoint* b) { return a->bpp < b->bpp; });
  LineChart chart{title, "bits per pixel", "PSNR (dB)", {}};
  for (const eval::RatePoint& first : points) {
    if (std::any_of(chart.series.begin(), chart.series.end(),
                    [&](const Series& s) { return s.name == first.codec; }))
      continue;
    Series& curve = chart.series.emplace_back(Series{first.codec, {}, {}});
    for (const eval::RatePoint* p : by_bpp)
      if (p->codec == first.codec) {
        curve.x.push_back(p->bpp);
        curve.y.push_back(p->psnr);
      }
  }
  return line_chart_svg(chart);
}

}  // namespace aekit::report
