#include "aekit/eval/rate_points.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <utility>

#include "aekit/error.hpp"
#include "aekit/eval/image_quality.hpp"
#include "aekit/image/image_row.hpp"

namespace aekit::eval {

RatePoint measure_rate_point(std::string codec, double quality, std::size_t bytes,
                             const image::Image& original, const image::Image& decoded) {
  if (original.width != decoded.width || original.height != decoded.height ||
      original.channels != decoded.channels)
    throw Error(fmt::format("{} at quality {}: expected a decoded {}x{}x{} image like the "
                            "original, found {}x{}x{}",
                            codec, quality, original.width, original.height, original.channels,
                            decoded.width, decoded.height, decoded.channels));
  const Shape shape = image::image_shape(original);
  const RowVector a = image::image_to_row(original), b = image::image_to_row(decoded);
  const double bpp = 8.0 * double(bytes) / (double(original.width) * original.height);
  return {std::move(codec), quality,           bytes,
          bpp,              psnr(a, b, 1.0),   ssim(a, b, shape, 1.0),
          ms_ssim(a, b, shape, 1.0)};
}

std::vector<double> metric_at_bpps(std::span<const RatePoint> sweep, std::span<const double> bpps,
                                   double RatePoint::*metric) {
  std::vector<const RatePoint*> by_bpp;
  for (const RatePoint& p : sweep) by_bpp.push_back(&p);
  std::stable_sort(by_bpp.begin(), by_bpp.end(),
                   [](const RatePoint* a, const RatePoint* b) { return a->bpp < b->bpp; });
  std::vector<double> values;
  for (const double bpp : bpps) {
    const auto above = std::lower_bound(by_bpp.begin(), by_bpp.end(), bpp,
                                        [](const RatePoint* p, double v) { return p->bpp < v; });
    if (above == by_bpp.end() || (above == by_bpp.begin() && (*above)->bpp != bpp)) {
      values.push_back(std::numeric_limits<double>::quiet_NaN());
    } else if ((*above)->bpp == bpp) {
      values.push_back((*above)->*metric);
    } else {
      const RatePoint& lo = **(above - 1);
      const RatePoint& hi = **above;
      const double t = (bpp - lo.bpp) / (hi.bpp - lo.bpp);
      values.push_back(lo.*metric + t * (hi.*metric - lo.*metric));
    }
  }
  return values;
}

RateDistortionCurve bpp_psnr_curve(std::span<const RatePoint> sweep) {
  RateDistortionCurve curve;
  for (const RatePoint& p : sweep) {
    curve.rate.push_back(p.bpp);
    curve.psnr.push_back(p.psnr);
  }
  return curve;
}

}  // namespace aekit::eval
