// The RBM's math against exact enumeration (tests/support/rbm_exact.hpp), in double
// precision: its free energy, the exact log-likelihood gradient against finite differences,
// and contrastive divergence against the exact gradient.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "aekit/models/rbm/rbm_step.hpp"
#include "support/step_contexts.hpp"
#include "support/gradient_check.hpp"
#include "support/rbm_exact.hpp"

namespace aekit::models {
namespace {

// A tiny RBM with weights large enough for a non-trivial distribution.
Rbm tiny_rbm(Index visible, Index hidden, std::uint64_t seed, RbmUnits v = RbmUnits::bernoulli,
             RbmUnits h = RbmUnits::bernoulli) {
  Rbm rbm({visible, hidden, v, h});
  Rng rng(seed);
  for (Scalar& p : rbm.parameters()) p = Scalar(0.8 * rng.normal());
  return rbm;
}

Eigen::MatrixXd binary_data(Index rows, Index cols, std::uint64_t seed) {
  Rng rng(seed);
  Eigen::MatrixXd x(rows, cols);
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = double(rng.uniform() < 0.3 + 0.4 * double(i % cols) / double(cols));
  return x;
}

std::vector<double> free_energies(const Rbm& rbm, const Matrix& v) {
  std::vector<double> free(std::size_t(v.rows()));
  Matrix x(v.rows(), rbm.hidden());
  rbm.free_energy(v, x, free);
  return free;
}

TEST(RbmMath, FreeEnergyIsMinusLogSumOverHiddenStates) {
  const Rbm rbm = tiny_rbm(5, 4, 1);
  const Eigen::MatrixXd v = test::binary_states(5);
  const auto ours = free_energies(rbm, v);
  const Eigen::VectorXd exact = test::enumerated_free_energy(rbm, v);
  for (Index n = 0; n < v.rows(); ++n) EXPECT_NEAR(ours[std::size_t(n)], exact(n), 1e-12) << "state " << n;
}

// Gaussian units, by quadrature over one hidden unit and by enumeration of binary hidden units:
//   gaussian hidden: -log int exp(-E_v + h x - h^2 / 2) dh = E_v - x^2 / 2 - log sqrt(2 pi)
//   gaussian visible: E_v = ||v - b||^2 / 2 in place of -b v^T
TEST(RbmMath, FreeEnergyOfGaussianUnits) {
  const Rbm linear_code = tiny_rbm(4, 1, 2, RbmUnits::bernoulli, RbmUnits::gaussian);
  const Eigen::MatrixXd v = test::binary_states(4);
  const auto ours = free_energies(linear_code, v);
  for (Index n = 0; n < v.rows(); ++n) {
    const double x = (v.row(n) * linear_code.weight().row(0).transpose().cast<double>())(0) + linear_code.hidden_bias()(0);
    const double e_v = -(v.row(n) * linear_code.visible_bias().row(0).transpose().cast<double>())(0);
    double integral = 0;
    for (double h = -30; h <= 30; h += 1e-3) integral += std::exp(-e_v + h * x - h * h / 2) * 1e-3;
    EXPECT_NEAR(ours[std::size_t(n)], -std::log(integral) + 0.5 * std::log(2 * std::numbers::pi), 1e-9);
  }
  const Rbm real_visible = tiny_rbm(3, 4, 3, RbmUnits::gaussian, RbmUnits::bernoulli);
  Matrix rows(2, 3);
  rows << 0.5, -1.2, 2.0, -0.3, 0.0, 1.1;
  const auto gaussian = free_energies(real_visible, rows);
  for (Index n = 0; n < rows.rows(); ++n) {
    double log_sum = -INFINITY;
    const Eigen::MatrixXd hs = test::binary_states(4);
    for (Index k = 0; k < hs.rows(); ++k) {
      const double minus_e = -0.5 * (rows.row(n) - real_visible.visible_bias().row(0)).squaredNorm() +
                             (hs.row(k) * real_visible.hidden_bias().row(0).transpose())(0) +
                             (hs.row(k) * real_visible.weight() * rows.row(n).transpose())(0);
      log_sum = std::max(log_sum, minus_e) + std::log1p(std::exp(-std::abs(log_sum - minus_e)));
    }
    EXPECT_NEAR(gaussian[std::size_t(n)], -log_sum, 1e-10);
  }
}

TEST(RbmMath, ExactGradientMatchesFiniteDifferencesOfTheExactLogLikelihood) {
  Rbm rbm = tiny_rbm(5, 3, 4);
  const Eigen::MatrixXd data = binary_data(12, 5, 5);
  const Eigen::VectorXd analytic = test::exact_negative_log_likelihood_gradient(rbm, data);
  const auto result = test::check_gradient(
      "rbm", rbm.parameters(), [&] { return -test::exact_mean_log_likelihood(rbm, data); },
      {analytic.data(), std::size_t(analytic.size())}, {.step = 1e-5, .rtol = 1e-6, .atol = 1e-9});
  EXPECT_TRUE(result.ok) << result.report;
}

// CD-k's gradient on a large batch (the data repeated, so the Monte Carlo noise averages out)
// against the exact one: CD-1 is biased but points the same way; CD-k approaches it as k grows.
double cd_cosine(int k) {
  const Rbm rbm = tiny_rbm(6, 4, 6);
  const Eigen::MatrixXd data = binary_data(10, 6, 7);
  const Eigen::VectorXd exact = test::exact_negative_log_likelihood_gradient(rbm, data);
  const Index copies = 4000;
  Matrix batch = data.replicate(copies, 1);
  RbmTraining training;
  training.cd_steps = k;
  training.batch = batch.rows();
  optim::OptimizerConfig sgd;
  sgd.kind = "sgd";
  RbmStep step(rbm, training, sgd, 0.1, batch.topRows(10));
  test::GradientsOnlyContext context(8);
  double loss;
  step.step({batch, {}}, context, {&loss, 1});
  Eigen::VectorXd cd(exact.size());
  Index offset = 0;
  for (const auto& group : step.groups())
    for (const Scalar g : group.grads) cd(offset++) = g;
  return cd.dot(exact) / (cd.norm() * exact.norm());
}

TEST(RbmMath, ContrastiveDivergenceAgreesInDirectionWithTheExactGradient) {
  const double cd1 = cd_cosine(1), cd25 = cd_cosine(25);
  std::printf("cosine(CD-k gradient, exact gradient): CD-1 %.4f, CD-25 %.4f\n", cd1, cd25);
  EXPECT_GT(cd1, 0.8);
  EXPECT_GT(cd25, 0.98);
  EXPECT_GT(cd25, cd1);
}

}  // namespace
}  // namespace aekit::models
