#include "aekit/tensor/logistic_rate_kernels.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "aekit/error.hpp"

namespace aekit {
namespace {

double logistic_sigmoid(double t) { return 1 / (1 + std::exp(-t)); }
double logistic_slope(double t) { return logistic_sigmoid(t) * logistic_sigmoid(-t); }

struct LogisticBin {
  double a, b, scale, probability;
};

LogisticBin logistic_bin(double y, double delta, double mu, double log_scale) {
  const double scale = std::exp(log_scale);
  const double a = (y + delta / 2 - mu) / scale, b = (y - delta / 2 - mu) / scale;
  const double p = a + b > 0 ? logistic_sigmoid(-b) - logistic_sigmoid(-a) : logistic_sigmoid(a) - logistic_sigmoid(b);
  return {a, b, scale, p};
}

Index positions_per_channel(ConstMatrixRef y, std::size_t channels) {
  AEKIT_ASSERT(channels > 0 && y.cols() % Index(channels) == 0);
  return y.cols() / Index(channels);
}

}  // namespace

double logistic_bin_probability(double y, double delta, double mu, double log_scale) {
  return logistic_bin(y, delta, mu, log_scale).probability;
}

double logistic_rate_forward(ConstMatrixRef y, std::span<const Scalar> mu, std::span<const Scalar> log_scale,
                             double delta, MatrixRef bits) {
  AEKIT_ASSERT(mu.size() == log_scale.size() && bits.rows() == y.rows() && bits.cols() == 1);
  const Index positions = positions_per_channel(y, mu.size());
  double total = 0;
  for (Index n = 0; n < y.rows(); ++n) {
    double row_bits = 0;
    for (Index c = 0; c < Index(mu.size()); ++c)
      for (Index p = 0; p < positions; ++p) {
        const double probability = logistic_bin_probability(y(n, c * positions + p), delta, mu[c], log_scale[c]);
        row_bits -= std::log2(std::max(probability, kMinBinProbability));
      }
    bits(n, 0) = Scalar(row_bits);
    total += row_bits;
  }
  return total;
}

void logistic_rate_backward(ConstMatrixRef y, std::span<const Scalar> mu, std::span<const Scalar> log_scale,
                            double delta, ConstMatrixRef dbits, MatrixRef dy, std::span<Scalar> dmu,
                            std::span<Scalar> dlog_scale) {
  AEKIT_ASSERT(mu.size() == log_scale.size() && dmu.size() == mu.size() && dlog_scale.size() == mu.size());
  AEKIT_ASSERT(dy.rows() == y.rows() && dy.cols() == y.cols() && dbits.rows() == y.rows());
  const Index positions = positions_per_channel(y, mu.size());
  for (Index c = 0; c < Index(mu.size()); ++c) {
    double mu_sum = 0, log_scale_sum = 0;
    for (Index n = 0; n < y.rows(); ++n)
      for (Index p = 0; p < positions; ++p) {
        const LogisticBin bin = logistic_bin(y(n, c * positions + p), delta, mu[c], log_scale[c]);
        const double g = -double(dbits(n, 0)) / (std::max(bin.probability, kMinBinProbability) * std::numbers::ln2);
        const double slope_a = logistic_slope(bin.a), slope_b = logistic_slope(bin.b);
        const double d_value = g * (slope_a - slope_b) / bin.scale;
        dy(n, c * positions + p) += Scalar(d_value);
        mu_sum -= d_value;
        log_scale_sum -= g * (bin.a * slope_a - bin.b * slope_b);
      }
    dmu[c] += Scalar(mu_sum);
    dlog_scale[c] += Scalar(log_scale_sum);
  }
}

}  // namespace aekit
