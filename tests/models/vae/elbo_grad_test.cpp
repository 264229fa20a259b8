// The pieces of the ELBO (models/vae/elbo.hpp): -log p(x|z) and its gradient by finite
// differences for both decoders (the gaussian with a fixed and a learned variance), the rows'
// log-likelihoods summing to the mean, and the
// reparameterization's gradient by finite differences.
#include "aekit/models/vae/elbo.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "support/gradient_check.hpp"

namespace aekit::models {
namespace {

Matrix random_matrix(Index rows, Index cols, double low, double high, std::uint64_t seed) {
  Rng rng(seed);
  Matrix m(rows, cols);
  for (Index i = 0; i < m.size(); ++i) m.data()[i] = rng.uniform(low, high);
  return m;
}

TEST(Elbo, ReconstructionGradientMatchesFiniteDifferences) {
  for (const auto likelihood : {VaeLikelihood::bernoulli, VaeLikelihood::gaussian}) {
    VaeConfig config;
    config.likelihood = likelihood;
    config.variance = 0.7;
    Matrix out = random_matrix(4, 5, -2, 2, 1);
    const Matrix x = random_matrix(4, 5, 0, 1, 2);
    Matrix d_out(4, 5);
    reconstruction_nll_gradient(config, out, x, d_out);
    const auto result = test::check_gradient(
        vae_likelihood_name(likelihood), {out.data(), std::size_t(out.size())},
        [&] { return reconstruction_nll(config, out, x); }, {d_out.data(), std::size_t(d_out.size())});
    EXPECT_TRUE(result.ok) << result.report;
    std::vector<double> rows(4);
    log_likelihood_rows(config, out, x, rows);
    double sum = 0;
    for (const double r : rows) sum += r;
    EXPECT_NEAR(-sum / 4, reconstruction_nll(config, out, x), 1e-12);
  }
  VaeConfig learned;  // out = [o | r], variance e^r per value
  learned.likelihood = VaeLikelihood::gaussian;
  learned.learn_variance = true;
  Matrix both = random_matrix(4, 10, -1, 1, 7);
  const Matrix x = random_matrix(4, 5, 0, 1, 8);
  Matrix d_both(4, 10);
  reconstruction_nll_gradient(learned, both, x, d_both);
  const auto result = test::check_gradient("learned variance", {both.data(), std::size_t(both.size())},
                                           [&] { return reconstruction_nll(learned, both, x); },
                                           {d_both.data(), std::size_t(d_both.size())});
  EXPECT_TRUE(result.ok) << result.report;
  Matrix fixed_as_learned(1, 6);  // r = log 2 everywhere is the fixed variance 2
  fixed_as_learned << 0.1, -0.2, 0.3, std::log(2.0), std::log(2.0), std::log(2.0);
  VaeConfig gaussian;
  gaussian.likelihood = VaeLikelihood::gaussian;
  gaussian.variance = 2;
  const Matrix zero = Matrix::Zero(1, 3);  // a perfect mean: only the normalizer is left
  EXPECT_NEAR(reconstruction_nll(gaussian, zero, zero), 1.5 * std::log(2 * std::numbers::pi * 2), 1e-12);
  EXPECT_NEAR(reconstruction_nll(learned, fixed_as_learned, zero),
              reconstruction_nll(gaussian, fixed_as_learned.leftCols(3), zero), 1e-6);
}

TEST(Elbo, ReparameterizationGradientMatchesFiniteDifferences) {
  Matrix mu = random_matrix(3, 2, -1, 1, 3), v = random_matrix(3, 2, -2, 1, 4);
  const Matrix eps = random_matrix(3, 2, -2, 2, 5), weights = random_matrix(3, 2, -1, 1, 6);
  Matrix z(3, 2), d_mu(3, 2), d_v(3, 2);
  // L = sum(weights * z): dL/dz = weights.
  const auto loss = [&] {
    reparameterize(mu, v, eps, z);
    return double((weights.array() * z.array()).sum());
  };
  reparameterization_gradient(weights, v, eps, d_mu, d_v);
  const auto a = test::check_gradient("mu", {mu.data(), std::size_t(mu.size())}, loss, {d_mu.data(), std::size_t(d_mu.size())});
  EXPECT_TRUE(a.ok) << a.report;
  const auto b = test::check_gradient("v", {v.data(), std::size_t(v.size())}, loss, {d_v.data(), std::size_t(d_v.size())});
  EXPECT_TRUE(b.ok) << b.report;
}

}  // namespace
}  // namespace aekit::models
