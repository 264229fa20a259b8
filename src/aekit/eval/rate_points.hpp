#pragma once
// Rate-distortion points of an image codec on one image, and reading a sweep of them at
// given rates. Any codec's points (aekit's, JPEG's, WebP's) are measured the same way:
//   bpp     = 8 * bytes / (width * height)        (bits per pixel, whatever the channels)
//   psnr    = eval::psnr over every sample of every channel (RGB: one MSE over R, G and B)
//   ssim    = eval::ssim, ms_ssim = eval::ms_ssim  (per channel, averaged over the channels)
// on the pixels as [0,1] rows (image_row.hpp) with data range 1, so PSNR is the 8-bit
// 10 log10(255^2 / MSE). No colour transform: an RGB image is scored in RGB, not in Y'CbCr.
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "aekit/eval/bd_rate.hpp"
#include "aekit/image/image.hpp"

namespace aekit::eval {

struct RatePoint {
  std::string codec;  // "aekit", "JPEG", "WebP"
  double quality;     // the codec's own quality setting
  std::size_t bytes;  // the compressed size
  double bpp, psnr, ssim, ms_ssim;
};

// The point of `decoded`, compressed to `bytes`, against `original`. Throws aekit::Error if
// their sizes or channels differ, or the image is smaller than 11x11 (SSIM's window).
RatePoint measure_rate_point(std::string codec, double quality, std::size_t bytes,
                             const image::Image& original, const image::Image& decoded);

// `metric` (psnr by default) at each of `bpps`, read off `sweep` (one codec's points, any
// order) by linear interpolation in (bpp, metric) between the two points of the nearest bpp
// below and above; a bpp equal to a point's gives that point's value. NaN for a bpp outside
// the sweep's [lowest bpp, highest bpp]: that codec was not measured there.
std::vector<double> metric_at_bpps(std::span<const RatePoint> sweep, std::span<const double> bpps,
                                   double RatePoint::*metric = &RatePoint::psnr);

// The sweep as a (bpp, PSNR) curve for the Bjøntegaard deltas (bd_rate.hpp).
RateDistortionCurve bpp_psnr_curve(std::span<const RatePoint> sweep);

}  // namespace aekit::eval
