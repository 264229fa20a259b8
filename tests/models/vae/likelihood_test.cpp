// The importance-sampling estimate of log p(x) (models/vae/likelihood.hpp) against the exact
// marginal of a VAE whose decoder is linear and Gaussian: with identity activations the decoder
// is out = A z + c, so p(x) = N(x; c, A A^T + s I) in closed form, whatever the encoder. Also
// the ELBO below it and the closed-form KL.
#include "aekit/models/vae/likelihood.hpp"

#include <gtest/gtest.h>

#include <Eigen/Cholesky>

#include <cmath>
#include <numbers>

#include "aekit/loss/gaussian_kl.hpp"

namespace aekit::models {
namespace {

TEST(VaeLikelihood, ImportanceSamplingReachesTheExactMarginalOfALinearGaussianDecoder) {
  VaeConfig config;
  config.dims = {3, 4, 2};
  config.hidden = Activation::identity;
  config.likelihood = VaeLikelihood::gaussian;
  config.variance = 0.3;
  Vae model(config);
  Rng init(5);
  model.initialize(init);
  // out = A z + c, read off the decoder.
  const Matrix codes = (Matrix(3, 2) << 0, 0, 1, 0, 0, 1).finished();
  const Matrix out = model.decoder_output(codes);
  const Eigen::VectorXd c = out.row(0).transpose().cast<double>();
  Eigen::MatrixXd a(3, 2);
  a.col(0) = out.row(1).transpose().cast<double>() - c;
  a.col(1) = out.row(2).transpose().cast<double>() - c;
  const Eigen::MatrixXd covariance = a * a.transpose() + config.variance * Eigen::MatrixXd::Identity(3, 3);
  const Eigen::LDLT<Eigen::MatrixXd> ldlt(covariance);
  Matrix x(4, 3);
  Rng data(6);
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = data.uniform(-1, 1);
  double exact = 0;
  for (Index n = 0; n < x.rows(); ++n) {
    const Eigen::VectorXd r = x.row(n).transpose().cast<double>() - c;
    exact += 0.5 * (r.dot(ldlt.solve(r)) + std::log(ldlt.vectorD().prod()) + 3 * std::log(2 * std::numbers::pi));
  }
  exact /= double(x.rows());

  Rng rng(7);
  const auto e = estimate_likelihood(model, x, 20000, rng, 3000);
  EXPECT_EQ(e.rows, 4);
  EXPECT_NEAR(e.nll, exact, 0.02) << "exact -log p(x) " << exact;
  EXPECT_GT(-e.elbo, e.nll) << "the ELBO bounds log p(x) from below";
  model.encode_distribution(x);
  EXPECT_NEAR(e.kl, loss::gaussian_kl(model.mu(), model.log_variance()), 1e-6);
}

}  // namespace
}  // namespace aekit::models
