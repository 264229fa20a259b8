// The importance-sampling estimate of log p(x) (models/vae/likelihood.hpp) against the exact
// marginal of a VAE whose decoder is linear and Gaussian: with identity activations the decoder
// is out = A z + c, so p(x) = N(x; c, A A^T + s I) in closed form, whatever the encoder. Also
// the ELBO below it and the closed-form KL; and the same for a conditional VAE, whose marginal
// given the label y is N(x; c_y, A A^T + s I).
#include "aekit/models/vae/likelihood.hpp"

#include <gtest/gtest.h>

#include <Eigen/Cholesky>

#include <cmath>
#include <numbers>

#include "aekit/error.hpp"
#include "aekit/loss/gaussian_kl.hpp"
#include "support/expect_error.hpp"

namespace aekit::models {
namespace {

// -1/N sum_n log N(x_n; c_n, A A^T + s I), with A and c_n = out(0, y_n) read off the decoder of
// a model whose activations are all the identity: out(z, y) = A z + c_y.
double exact_linear_gaussian_nll(Vae& model, const Matrix& x, std::span<const std::int32_t> labels) {
  const Index d = x.cols();
  double total = 0;
  for (Index n = 0; n < x.rows(); ++n) {
    const std::vector<std::int32_t> y(3, labels.empty() ? 0 : labels[std::size_t(n)]);
    const Matrix codes = (Matrix(3, 2) << 0, 0, 1, 0, 0, 1).finished();
    const Matrix out = model.decoder_output(codes, labels.empty() ? std::span<const std::int32_t>{} : y);
    const Eigen::VectorXd c = out.row(0).transpose().cast<double>();
    Eigen::MatrixXd a(d, 2);
    a.col(0) = out.row(1).transpose().cast<double>() - c;
    a.col(1) = out.row(2).transpose().cast<double>() - c;
    const Eigen::MatrixXd covariance = a * a.transpose() + model.config().variance * Eigen::MatrixXd::Identity(d, d);
    const Eigen::LDLT<Eigen::MatrixXd> ldlt(covariance);
    const Eigen::VectorXd r = x.row(n).transpose().cast<double>() - c;
    total += 0.5 * (r.dot(ldlt.solve(r)) + std::log(ldlt.vectorD().prod()) + double(d) * std::log(2 * std::numbers::pi));
  }
  return total / double(x.rows());
}

void expect_exact_marginal(Index classes, std::span<const std::int32_t> labels) {
  VaeConfig config;
  config.dims = {3, 4, 2};
  config.hidden = Activation::identity;
  config.likelihood = VaeLikelihood::gaussian;
  config.variance = 0.3;
  config.classes = classes;
  Vae model(config);
  Rng init(5);
  model.initialize(init);
  Matrix x(4, 3);
  Rng data(6);
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = data.uniform(-1, 1);
  const double exact = exact_linear_gaussian_nll(model, x, labels);

  Rng rng(7);
  const auto e = estimate_likelihood(model, x, labels, 100000, rng, 4000);
  EXPECT_EQ(e.rows, 4);
  EXPECT_NEAR(e.nll, exact, 0.02) << "exact -log p(x) " << exact;
  EXPECT_GT(-e.elbo, e.nll) << "the ELBO bounds log p(x) from below";
  model.encode_distribution(x, labels);
  EXPECT_NEAR(e.kl, loss::gaussian_kl(model.mu(), model.log_variance()), 1e-6);
}

TEST(VaeLikelihood, ImportanceSamplingReachesTheExactMarginalOfALinearGaussianDecoder) { expect_exact_marginal(0, {}); }

TEST(VaeLikelihood, AConditionalVaeReachesTheExactConditionalMarginal) {
  const std::vector<std::int32_t> labels{0, 2, 1, 2};
  expect_exact_marginal(3, labels);
}

TEST(VaeLikelihood, AConditionalVaeRefusesMissingOrUnknownLabels) {
  VaeConfig config;
  config.dims = {3, 4, 2};
  config.classes = 2;
  Vae model(config);
  Rng rng(1);
  model.initialize(rng);
  const Matrix x = Matrix::Constant(2, 3, 0.5);
  EXPECT_THROW(estimate_likelihood(model, x, {}, 10, rng), Error);
  const std::vector<std::int32_t> unknown{0, 2};
  test::expect_error([&] { estimate_likelihood(model, x, unknown, 10, rng); }, {"label 2 of row 1", "classes 0 to 1"});
}

}  // namespace
}  // namespace aekit::models
