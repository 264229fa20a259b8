#include "aekit/models/vae/elbo.hpp"

#include <cmath>
#include <numbers>

#include "aekit/error.hpp"
#include "aekit/loss/bce.hpp"

namespace aekit::models {
namespace {

void check(const VaeConfig& config, ConstMatrixRef out, ConstMatrixRef x) {
  AEKIT_ASSERT(out.rows() == x.rows() && out.cols() == config.decoder_outputs(x.cols()));
}

// -log p(x_n|z_n) of row n, in double.
double row_nll(const VaeConfig& config, ConstMatrixRef out, ConstMatrixRef x, Index n) {
  const Index d = x.cols();
  const auto o = out.row(n).head(d).array().cast<double>();
  const auto t = x.row(n).array().cast<double>();
  const double log_2pi = std::log(2 * std::numbers::pi);
  if (config.likelihood == VaeLikelihood::bernoulli)
    return (o.max(0.0) - o * t + (1 + (-o.abs()).exp()).log()).sum();
  if (config.learn_variance) {
    const auto r = out.row(n).tail(d).array().cast<double>();
    return ((t - o).square() * (-r).exp() + r + log_2pi).sum() / 2;
  }
  return (t - o).square().sum() / (2 * config.variance) +
         0.5 * double(d) * (log_2pi + std::log(config.variance));
}

}  // namespace

double reconstruction_nll(const VaeConfig& config, ConstMatrixRef out, ConstMatrixRef x) {
  check(config, out, x);
  if (out.rows() == 0) return 0;
  double total = 0;
  for (Index n = 0; n < out.rows(); ++n) total += row_nll(config, out, x, n);
  return total / double(out.rows());
}

void reconstruction_nll_gradient(const VaeConfig& config, ConstMatrixRef out, ConstMatrixRef x, MatrixRef d_out) {
  check(config, out, x);
  if (out.rows() == 0) return;
  const Index d = x.cols();
  const Scalar per_row = Scalar(1 / double(out.rows()));
  if (config.likelihood == VaeLikelihood::bernoulli) {
    loss::bce_with_logits_gradient(out, x, d_out);  // (sigmoid(o) - x) / (N D)
    d_out *= Scalar(out.cols());
  } else if (config.learn_variance) {
    const auto precision = (-out.rightCols(d).array()).exp();  // 1 / s
    const auto residual = out.leftCols(d).array() - x.array();  // o - x
    d_out.leftCols(d) = residual * precision * per_row;
    d_out.rightCols(d) = (Scalar(0.5) - Scalar(0.5) * residual.square() * precision) * per_row;
  } else {
    d_out = (out - x) * Scalar(1 / (config.variance * double(out.rows())));
  }
}

void log_likelihood_rows(const VaeConfig& config, ConstMatrixRef out, ConstMatrixRef x,
                         std::span<double> log_likelihood) {
  check(config, out, x);
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
