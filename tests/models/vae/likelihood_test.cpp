// The importance-sampling estimate of log p(x) (models/vae/likelihood.hpp) against the exact
// marginal of a VAE whose decoder is linear and Gaussian: with identity activations the decoder
// is out = A z + c, so p(x) = N(x; c, A A^T + s I) in closed form, whatever the encoder. Also
// the ELBO below it and the closed-form KL; and the same for a conditional VAE, whose marginal
// given the label y is N(x; c_y, A A^T + s I).
#include "aekit/models/vae/likelihood.hpp"

#include <gtest/gtest.h>

#include <Eigen/Cholesky>

#include <cmath>
#include <memory>
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

// A VAE with identity activations and a Gaussian decoder (variance 0.3) on 3 values, latent 2.
std::unique_ptr<Vae> linear_gaussian_vae(Index classes) {
  VaeConfig config;
  config.dims = {3, 4, 2};
  config.hidden = Activation::identity;
  config.likelihood = VaeLikelihood::gaussian;
  config.variance = 0.3;
  config.classes = classes;
  auto model = std::make_unique<Vae>(config);
  Rng init(5);
  model->initialize(init);
  return model;
}

Matrix linear_gaussian_rows() {
  Matrix x(4, 3);
  Rng data(6);
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = data.uniform(-1, 1);
  return x;
}

void expect_exact_marginal(Index classes, std::span<const std::int32_t> labels) {
  auto vae = linear_gaussian_vae(classes);
  Vae& model = *vae;
  const Matrix x = linear_gaussian_rows();
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

// Row by row (anomaly scores): each row's estimate reaches its own exact marginal, its KL is
// the closed form of its q(z|x), and the means of the rows are the mean estimate, draw for draw.
TEST(VaeLikelihood, EachRowsEstimateReachesItsExactMarginalAndTheirMeanIsTheMeanEstimate) {
  auto model = linear_gaussian_vae(0);
  const Matrix x = linear_gaussian_rows();
  Rng rng(7);
  const LikelihoodRows rows = estimate_likelihood_rows(*model, x, {}, 50000, rng, 4000);
  ASSERT_EQ(rows.nll.size(), 4u);
  ASSERT_EQ(rows.elbo.size(), 4u);
  ASSERT_EQ(rows.kl.size(), 4u);
  EXPECT_EQ(rows.samples, 50000);
  for (Index n = 0; n < 4; ++n) {
    const Matrix row = x.middleRows(n, 1);
    EXPECT_NEAR(rows.nll[std::size_t(n)], exact_linear_gaussian_nll(*model, row, {}), 0.03) << "row " << n;
    EXPECT_GT(-rows.elbo[std::size_t(n)], rows.nll[std::size_t(n)]) << "row " << n;
    model->encode_distribution(row);
    EXPECT_NEAR(rows.kl[std::size_t(n)], loss::gaussian_kl(model->mu(), model->log_variance()), 1e-9) << "row " << n;
  }
  Rng again(7);
  const LikelihoodEstimate mean = estimate_likelihood(*model, x, {}, 50000, again, 4000);
  double nll = 0, elbo = 0, kl = 0;
  for (std::size_t n = 0; n < 4; ++n) {
    nll += rows.nll[n];
    elbo += rows.elbo[n];
    kl += rows.kl[n];
  }
  EXPECT_EQ(mean.rows, 4);
  EXPECT_DOUBLE_EQ(mean.nll, nll / 4);
  EXPECT_DOUBLE_EQ(mean.elbo, elbo / 4);
  EXPECT_DOUBLE_EQ(mean.kl, kl / 4);
  // The capability (models/capabilities/likelihood.hpp) gives the same rows and means.
  Rng through(7);
  Likelihood& capability = *model;
  EXPECT_EQ(capability.estimate_likelihood_rows(x, {}, 300, through).nll,
            [&] { Rng r(7); return estimate_likelihood_rows(*model, x, {}, 300, r).nll; }());
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
