#pragma once
// The rate-distortion chart of a codec comparison: PSNR (dB, y) against bits per pixel (x),
// one line per codec. A thin layer over line_chart_svg (svg_chart.hpp), which draws it.
#include <span>
#include <string>

#include "aekit/eval/rate_points.hpp"

namespace aekit::report {

// One curve per codec name in `points`, in the order the names first appear, its points
// joined in increasing bpp (a sweep's quality order need not be). Points of infinite PSNR
// (lossless) are left out, as line_chart_svg leaves out every point that is not finite.
std::string rate_distortion_svg(std::span<const eval::RatePoint> points, const std::string& title);

}  // namespace aekit::report
