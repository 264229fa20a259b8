#include "aekit/eval/bd_rate.hpp"

#include <fmt/format.h>

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <set>

#include "aekit/error.hpp"

namespace aekit::eval {
namespace {

// One curve as y = f(x) samples, with what x and y are called in messages.
struct BdSamples {
  std::vector<double> x, y;
};

// The curve's points as (x, y) = (psnr, ln rate), or (ln rate, psnr) if `psnr_of_rate`.
// Throws for the curves bd_rate.hpp refuses; `role` ("anchor", "test") names the curve.
BdSamples bd_samples(const RateDistortionCurve& curve, bool psnr_of_rate, const char* role) {
  if (curve.rate.size() != curve.psnr.size())
    throw Error(fmt::format("Bjøntegaard delta: the {} curve needs as many rates as PSNRs, "
                            "found {} rates and {} PSNRs",
                            role, curve.rate.size(), curve.psnr.size()));
  BdSamples samples;
  for (std::size_t i = 0; i < curve.rate.size(); ++i) {
    const double rate = curve.rate[i], psnr = curve.psnr[i];
    if (!(rate > 0 && std::isfinite(rate)) || !std::isfinite(psnr))
      throw Error(fmt::format("Bjøntegaard delta: the {} curve needs finite rates > 0 and "
                              "finite PSNRs, found rate {} at PSNR {} dB",
                              role, rate, psnr));
    samples.x.push_back(psnr_of_rate ? std::log(rate) : psnr);
    samples.y.push_back(psnr_of_rate ? psnr : std::log(rate));
  }
  const std::size_t distinct = std::set<double>(samples.x.begin(), samples.x.end()).size();
  if (distinct < 4)
    throw Error(fmt::format("Bjøntegaard delta: the {} curve needs at least 4 points of distinct "
                            "{} for its cubic fit, found {}",
                            role, psnr_of_rate ? "rate" : "PSNR", distinct));
  return samples;
}

// The mean over [lo, hi] of the least-squares cubic through the samples. The fit is in
// t = (x - centre) / half_width, which keeps its normal equations well conditioned.
double mean_of_cubic_fit(const BdSamples& s, double lo, double hi) {
  const auto [min_x, max_x] = std::minmax_element(s.x.begin(), s.x.end());
  const double centre = 0.5 * (*min_x + *max_x), half_width = 0.5 * (*max_x - *min_x);
  const Eigen::Index n = static_cast<Eigen::Index>(s.x.size());
  Eigen::MatrixXd powers(n, 4);
  Eigen::VectorXd y(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const double t = (s.x[i] - centre) / half_width;
    powers.row(i) << 1, t, t * t, t * t * t;
    y[i] = s.y[i];
  }
  const Eigen::Vector4d c = powers.colPivHouseholderQr().solve(y);
  // P(t) = sum_k c_k t^(k+1) / (k+1), the antiderivative; the mean is its rise over t's span.
  const auto antiderivative = [&](double x) {
    const double t = (x - centre) / half_width;
    return t * (c[0] + t * (c[1] / 2 + t * (c[2] / 3 + t * c[3] / 4)));
  };
  return (antiderivative(hi) - antiderivative(lo)) / ((hi - lo) / half_width);
}

// The mean of (test fit - anchor fit) over the x both curves cover.
double mean_fit_difference(const RateDistortionCurve& anchor, const RateDistortionCurve& test,
                           bool psnr_of_rate) {
  const BdSamples a = bd_samples(anchor, psnr_of_rate, "anchor");
  const BdSamples t = bd_samples(test, psnr_of_rate, "test");
  const double lo = std::max(*std::min_element(a.x.begin(), a.x.end()),
                             *std::min_element(t.x.begin(), t.x.end()));
  const double hi = std::min(*std::max_element(a.x.begin(), a.x.end()),
                             *std::max_element(t.x.begin(), t.x.end()));
  if (!(hi > lo)) {
    // Ranges in the curves' own units: PSNR in dB, or the rates themselves.
    const auto range = [&](const BdSamples& s) {
      const auto [low, high] = std::minmax_element(s.x.begin(), s.x.end());
      return psnr_of_rate ? fmt::format("{:.4g}..{:.4g}", std::exp(*low), std::exp(*high))
                          : fmt::format("{:.4g}..{:.4g} dB", *low, *high);
    };
    throw Error(fmt::format("Bjøntegaard delta: expected overlapping {} ranges, found anchor {} "
                            "and test {}",
                            psnr_of_rate ? "rate" : "PSNR", range(a), range(t)));
  }
  return mean_of_cubic_fit(t, lo, hi) - mean_of_cubic_fit(a, lo, hi);
}

}  // namespace

double bd_rate_percent(const RateDistortionCurve& anchor, const RateDistortionCurve& test) {
  return 100 * std::expm1(mean_fit_difference(anchor, test, false));
}

double bd_psnr_db(const RateDistortionCurve& anchor, const RateDistortionCurve& test) {
  return mean_fit_difference(anchor, test, true);
}

}  // namespace aekit::eval
