#include "aekit/eval/image_quality.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "aekit/error.hpp"

namespace aekit::eval {
namespace {

constexpr Index kRadius = 5;  // int(3.5 * 1.5 + 0.5): an 11-tap window
constexpr double kSigma = 1.5;

using Plane = std::vector<double>;  // [H*W], row-major

void check_range(double data_range) {
  if (!(data_range > 0))
    throw Error(fmt::format("image quality: expected a data range > 0 (1 for [0,1] images), "
                            "found {}",
                            data_range));
}

// The 1-D Gaussian taps w[k + kRadius], k = -kRadius..kRadius, summing to 1.
std::vector<double> gaussian_taps() {
  std::vector<double> taps(2 * kRadius + 1);
  double sum = 0;
  for (Index k = -kRadius; k <= kRadius; ++k)
    sum += taps[k + kRadius] = std::exp(-0.5 * double(k * k) / (kSigma * kSigma));
  for (double& t : taps) t /= sum;
  return taps;
}

// scipy's "reflect" border: -1 -> 0, -2 -> 1, n -> n-1 (n >= kRadius, so one bounce).
Index reflect(Index i, Index n) { return i < 0 ? -i - 1 : i >= n ? 2 * n - i - 1 : i; }

// G * p: the Gaussian along y, then along x.
Plane blur(const Plane& p, Index h, Index w, const std::vector<double>& taps) {
  Plane along_y(p.size()), out(p.size());
  for (Index y = 0; y < h; ++y)
    for (Index x = 0; x < w; ++x) {
      double s = 0;
      for (Index k = -kRadius; k <= kRadius; ++k)
        s += taps[k + kRadius] * p[reflect(y + k, h) * w + x];
      along_y[y * w + x] = s;
    }
  for (Index y = 0; y < h; ++y)
    for (Index x = 0; x < w; ++x) {
      double s = 0;
      for (Index k = -kRadius; k <= kRadius; ++k)
        s += taps[k + kRadius] * along_y[y * w + reflect(x + k, w)];
      out[y * w + x] = s;
    }
  return out;
}

// The means of SSIM's terms over one channel's valid pixels (those at least kRadius from
// every border), planes a and b of h x w: `ssim` of l * cs, `contrast_structure` of cs, with
// l = (2 mu_a mu_b + C1) / (mu_a^2 + mu_b^2 + C1), cs = (2 cov + C2) / (var_a + var_b + C2).
struct SsimMeans {
  double ssim, contrast_structure;
};
SsimMeans channel_ssim_means(const Plane& a, const Plane& b, Index h, Index w,
                             double data_range) {
  const auto taps = gaussian_taps();
  const auto product = [](const Plane& u, const Plane& v) {
    Plane uv(u.size());
    for (std::size_t i = 0; i < u.size(); ++i) uv[i] = u[i] * v[i];
    return uv;
  };
  const Plane mu_a = blur(a, h, w, taps), mu_b = blur(b, h, w, taps);
  const Plane aa = blur(product(a, a), h, w, taps), bb = blur(product(b, b), h, w, taps),
              ab = blur(product(a, b), h, w, taps);
  const double c1 = std::pow(0.01 * data_range, 2), c2 = std::pow(0.03 * data_range, 2);
  double ssim_sum = 0, cs_sum = 0;
  for (Index y = kRadius; y < h - kRadius; ++y)
    for (Index x = kRadius; x < w - kRadius; ++x) {
      const Index i = y * w + x;
      const double ma = mu_a[i], mb = mu_b[i];
      const double va = aa[i] - ma * ma, vb = bb[i] - mb * mb, cov = ab[i] - ma * mb;
      const double cs = (2 * cov + c2) / (va + vb + c2);
      cs_sum += cs;
      ssim_sum += (2 * ma * mb + c1) / (ma * ma + mb * mb + c1) * cs;
    }
  const double count = double((h - 2 * kRadius) * (w - 2 * kRadius));
  return {ssim_sum / count, cs_sum / count};
}

// The 2x2 means of an h x w plane: floor(h/2) x floor(w/2), an odd last row/column dropped.
Plane average_pool_2x2(const Plane& p, Index h, Index w) {
  const Index h2 = h / 2, w2 = w / 2;
  Plane out(h2 * w2);
  for (Index y = 0; y < h2; ++y)
    for (Index x = 0; x < w2; ++x)
      out[y * w2 + x] = 0.25 * (p[2 * y * w + 2 * x] + p[2 * y * w + 2 * x + 1] +
                                p[(2 * y + 1) * w + 2 * x] + p[(2 * y + 1) * w + 2 * x + 1]);
  return out;
}

// MS-SSIM of one channel over `scales` scales (1..5), weights renormalized to sum 1.
double channel_ms_ssim(Plane a, Plane b, Index h, Index w, double data_range, int scales) {
  constexpr double kMsSsimWeights[] = {0.0448, 0.2856, 0.3001, 0.2363, 0.1333};
  double weight_sum = 0;
  for (int j = 0; j < scales; ++j) weight_sum += kMsSsimWeights[j];
  double log_result = 0;
  for (int j = 0; j < scales; ++j) {
    if (j > 0) {
      a = average_pool_2x2(a, h, w);
      b = average_pool_2x2(b, h, w);
      h /= 2;
      w /= 2;
    }
    const SsimMeans means = channel_ssim_means(a, b, h, w, data_range);
    const double term = std::max(0.0, j + 1 < scales ? means.contrast_structure : means.ssim);
    log_result += kMsSsimWeights[j] / weight_sum * std::log(term);
  }
  return std::exp(log_result);
}

// Channel c of a channel-major row as a plane of `plane` values.
Plane channel_plane(const Eigen::Ref<const RowVector>& row, Index c, Index plane) {
  Plane p(plane);
  for (Index i = 0; i < plane; ++i) p[i] = row[c * plane + i];
  return p;
}

// Throws unless rows a and b both hold an image of `shape`; `metric` names the caller.
void check_rows(const char* metric, const Eigen::Ref<const RowVector>& a,
                const Eigen::Ref<const RowVector>& b, Shape shape) {
  if (a.size() != shape.size() || b.size() != shape.size())
    throw Error(fmt::format("{}: a {}x{}x{} image has {} values, found rows of {} and {}", metric,
                            shape.c, shape.h, shape.w, shape.size(), a.size(), b.size()));
}

}  // namespace

double psnr(const Eigen::Ref<const RowVector>& clean, const Eigen::Ref<const RowVector>& restored,
            double data_range) {
  check_range(data_range);
  if (clean.size() != restored.size() || clean.size() == 0)
    throw Error(fmt::format("PSNR: expected two images of the same non-zero size, found {} and "
                            "{} values",
                            clean.size(), restored.size()));
  const double mse = (clean.cast<double>() - restored.cast<double>()).squaredNorm() /
                     double(clean.size());
  if (mse == 0) return std::numeric_limits<double>::infinity();
  return 10 * std::log10(data_range * data_range / mse);
}

double ssim(const Eigen::Ref<const RowVector>& a, const Eigen::Ref<const RowVector>& b,
            Shape shape, double data_range) {
  check_range(data_range);
  check_rows("SSIM", a, b, shape);
  if (shape.h < 2 * kRadius + 1 || shape.w < 2 * kRadius + 1)
    throw Error(fmt::format("SSIM: expected images at least 11x11 (its Gaussian window), "
                            "found {}x{}",
                            shape.h, shape.w));
  const Index plane = shape.h * shape.w;
  double total = 0;
  for (Index c = 0; c < shape.c; ++c)
    total += channel_ssim_means(channel_plane(a, c, plane), channel_plane(b, c, plane), shape.h,
                                shape.w, data_range)
                 .ssim;
  return total / double(shape.c);
}

int ms_ssim_scales(Index height, Index width) {
  int scales = 0;
  for (Index h = height, w = width; scales < 5 && std::min(h, w) >= 2 * kRadius + 1;
       h /= 2, w /= 2)
    ++scales;
  return scales;
}

double ms_ssim(const Eigen::Ref<const RowVector>& a, const Eigen::Ref<const RowVector>& b,
               Shape shape, double data_range) {
  check_range(data_range);
  check_rows("MS-SSIM", a, b, shape);
  const int scales = ms_ssim_scales(shape.h, shape.w);
  if (scales == 0)
    throw Error(fmt::format("MS-SSIM: expected images at least 11x11 (SSIM's Gaussian window), "
                            "found {}x{}",
                            shape.h, shape.w));
  const Index plane = shape.h * shape.w;
  double total = 0;
  for (Index c = 0; c < shape.c; ++c)
    total += channel_ms_ssim(channel_plane(a, c, plane), channel_plane(b, c, plane), shape.h,
                             shape.w, data_range, scales);
  return total / double(shape.c);
}

}  // namespace aekit::eval
