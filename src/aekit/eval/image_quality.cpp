#include "aekit/eval/image_quality.hpp"

#include <fmt/format.h>

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

// Mean SSIM of one channel, planes a and b of h x w.
double channel_ssim(const Plane& a, const Plane& b, Index h, Index w, double data_range) {
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
  double sum = 0;
  for (Index y = kRadius; y < h - kRadius; ++y)
    for (Index x = kRadius; x < w - kRadius; ++x) {
      const Index i = y * w + x;
      const double ma = mu_a[i], mb = mu_b[i];
      const double va = aa[i] - ma * ma, vb = bb[i] - mb * mb, cov = ab[i] - ma * mb;
      sum += (2 * ma * mb + c1) * (2 * cov + c2) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
    }
  return sum / double((h - 2 * kRadius) * (w - 2 * kRadius));
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
  if (a.size() != shape.size() || b.size() != shape.size())
    throw Error(fmt::format("SSIM: a {}x{}x{} image has {} values, found rows of {} and {}",
                            shape.c, shape.h, shape.w, shape.size(), a.size(), b.size()));
  if (shape.h < 2 * kRadius + 1 || shape.w < 2 * kRadius + 1)
    throw Error(fmt::format("SSIM: expected images at least 11x11 (its Gaussian window), "
                            "found {}x{}",
                            shape.h, shape.w));
  const Index plane = shape.h * shape.w;
  double total = 0;
  for (Index c = 0; c < shape.c; ++c) {
    const auto channel = [&](const Eigen::Ref<const RowVector>& row) {
      Plane p(plane);
      for (Index i = 0; i < plane; ++i) p[i] = row[c * plane + i];
      return p;
    };
    total += channel_ssim(channel(a), channel(b), shape.h, shape.w, data_range);
  }
  return total / double(shape.c);
}

}  // namespace aekit::eval
