#include "aekit/models/vae/elbo.hpp"

#include <cmath>
#include <numbers>

#include "aekit/error.hpp"
#include "aekit/loss/bce.hpp"

namespace aekit::models {
namespace {

void check(ConstMatrixRef out, ConstMatrixRef x) { AEKIT_ASSERT(out.rows() == x.rows() && out.cols() == x.cols()); }

// -log p(x_n|z_n) of row n, in double.
double row_nll(const VaeConfig& config, ConstMatrixRef out, ConstMatrixRef x, Index n) {
  const auto o = out.row(n).array().cast<double>();
  const auto t = x.row(n).array().cast<double>();
  if (config.likelihood == VaeLikelihood::bernoulli)
    return (o.max(0.0) - o * t + (1 + (-o.abs()).exp()).log()).sum();
  return (t - o).square().sum() / (2 * config.variance) +
         0.5 * double(out.cols()) * std::log(2 * std::numbers::pi * config.variance);
}

}  // namespace

double reconstruction_nll(const VaeConfig& config, ConstMatrixRef out, ConstMatrixRef x) {
  check(out, x);
  if (out.rows() == 0) return 0;
  double total = 0;
  for (Index n = 0; n < out.rows(); ++n) total += row_nll(config, out, x, n);
  return total / double(out.rows());
}

void reconstruction_nll_gradient(const VaeConfig& config, ConstMatrixRef out, ConstMatrixRef x, MatrixRef d_out) {
  check(out, x);
  if (out.rows() == 0) return;
  if (config.likelihood == VaeLikelihood::bernoulli) {
    loss::bce_with_logits_gradient(out, x, d_out);  // (sigmoid(o) - x) / (N D)
    d_out *= Scalar(out.cols());
    return;
  }
  d_out = (out - x) * Scalar(1 / (config.variance * double(out.rows())));
}

void log_likelihood_rows(const VaeConfig& config, ConstMatrixRef out, ConstMatrixRef x,
                         std::span<double> log_likelihood) {
  check(out, x);
  AEKIT_ASSERT(Index(log_likelihood.size()) == out.rows());
  for (Index n = 0; n < out.rows(); ++n) log_likelihood[std::size_t(n)] = -row_nll(config, out, x, n);
}

void reparameterize(ConstMatrixRef mu, ConstMatrixRef log_variance, ConstMatrixRef eps, MatrixRef z) {
  z = mu.array() + (Scalar(0.5) * log_variance.array()).exp() * eps.array();
}

void reparameterization_gradient(ConstMatrixRef dz, ConstMatrixRef log_variance, ConstMatrixRef eps, MatrixRef d_mu,
                                 MatrixRef d_log_variance) {
  d_mu = dz;
  d_log_variance = dz.array() * eps.array() * (Scalar(0.5) * log_variance.array()).exp() * Scalar(0.5);
}

}  // namespace aekit::models
