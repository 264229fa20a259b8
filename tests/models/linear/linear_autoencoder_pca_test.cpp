// Lecture 004's proof, checked numerically: a linear autoencoder (one identity layer each
// way, MSE) trained on centred data learns PCA's subspace. Its decoder's columns (and its
// encoder's rows) span the top-k principal subspace, up to an invertible mixing, and its
// reconstruction error is PCA's.
//
// Data: 2000 rows in D = 20 whose sample covariance has eigenvalues 9, 6, 4 and then 0.1
// (17 times), so the top-3 subspace is separated by a wide gap and full-batch Adam reaches
// it in 2000 cheap steps (under a second).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <numbers>
#include <string>

#include "aekit/eval/principal_angles.hpp"
#include "aekit/models/autoencoder/autoencoder.hpp"
#include "aekit/models/autoencoder/objective.hpp"
#include "aekit/models/linear/pca.hpp"
#include "aekit/optim/optimizer.hpp"
#include "support/known_spectrum.hpp"

namespace aekit::models {
namespace {

constexpr double kDegree = std::numbers::pi / 180;

Matrix centred_gapped_data(Index n, Index d, Rng& rng) {
  std::vector<double> s{3, std::sqrt(6.0), 2};
  while (Index(s.size()) < d) s.push_back(std::sqrt(0.1));
  Matrix x = test::known_spectrum(n, d, s, rng, /*centred=*/true).a;
  return x * Scalar(std::sqrt(double(n - 1)));  // covariance eigenvalues s^2
}

Matrix parameter(const Autoencoder& model, const std::string& name) {
  for (const auto& s : model.parameters().slices())
    if (s.name == name)
      return ConstMatrixMap(model.parameters().values().data() + s.offset, s.rows, s.cols);
  ADD_FAILURE() << "no parameter named " << name;
  return Matrix();
}

double mse(const Matrix& reconstruction, const Matrix& x) {
  return double((reconstruction - x).squaredNorm()) / double(x.size());
}

TEST(LinearAutoencoder, LearnsThePrincipalSubspaceAndPcasError) {
  const Index n = 2000, d = 20, k = 3;
  Rng rng(1);
  const Matrix x = centred_gapped_data(n, d, rng);

  AutoencoderConfig config;
  config.dims = {d, k};
  config.hidden = config.code = config.output = Activation::identity;
  Autoencoder model(config);
  Rng init(2);
  model.initialize(init);
  Objective objective(LossKind::mse, Activation::identity);
  auto adam = optim::make_optimizer(optim::OptimizerConfig{});  // Adam, betas 0.9 / 0.999
  // Full-batch Adam at lr 1e-2. The decoder reaches the subspace first (within 0.1 degree
  // after ~1000 steps); the encoder's leftover in the discarded directions barely changes
  // the loss and takes ~2000 steps to fade (to ~0.005 degree here).
  for (int step = 0; step < 2000; ++step) {
    objective.compute_gradients(model, x);
    adam->step(model.parameters().values(), model.parameters().grads(), 1e-2);
  }

  const Pca pca = Pca::fit(x, k);
  const Matrix decoder = parameter(model, "decoder.0.weight");  // [D, k]
  const Matrix encoder = parameter(model, "encoder.0.weight");  // [k, D]
  const double decoder_angle = eval::largest_principal_angle(decoder.transpose(), pca.components());
  const double encoder_angle = eval::largest_principal_angle(encoder, pca.components());
  const double ours = mse(model.reconstruct(x), x), theirs = mse(pca.reconstruct(x), x);
  std::printf("[ linear   ] largest principal angle to PCA: decoder %.4f deg, encoder %.4f deg; "
              "MSE %.6f vs PCA %.6f (ratio %.5f)\n",
              decoder_angle / kDegree, encoder_angle / kDegree, ours, theirs, ours / theirs);
  EXPECT_LT(decoder_angle, 1 * kDegree);
  EXPECT_LT(encoder_angle, 1 * kDegree);
  EXPECT_LT(ours, 1.01 * theirs);
  EXPECT_GT(ours, 0.999 * theirs);  // PCA is the optimum: nothing linear does better
  // The expected PCA error: the 17 discarded variances of 0.1, per entry, over N - 1.
  EXPECT_NEAR(theirs, 17 * 0.1 / d * double(n - 1) / double(n), 1e-4);
}

}  // namespace
}  // namespace aekit::models
