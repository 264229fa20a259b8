// Predictive sparse decomposition (models/psd.hpp): code inference solves the augmented
// LASSO (KKT conditions), training lowers the loss and teaches the encoder to predict the
// codes, and bad hyper-parameters or widths are refused with clear messages.
#include "aekit/models/sparse/psd.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "aekit/error.hpp"
#include "support/expect_error.hpp"
#include "support/sparse_data.hpp"

namespace aekit::models {
namespace {

Matrix planted(Index rows) {
  Rng rng(31);
  return test::sparse_data(test::unit_atoms(12, 16, rng), rows, 1, 0.05, rng);
}

PsdConfig config(int epochs) {
  PsdConfig c;
  c.atoms = 12;
  c.lambda = 0.1;
  c.gamma = 1;
  c.lr = 0.05;
  c.epochs = epochs;
  c.batch_size = 32;
  c.seed = 3;
  c.lasso.tolerance = 1e-6;
  return c;
}

double prediction_error(const Psd& model, const Matrix& x) {
  const Matrix codes = model.infer(x);
  return (model.encode(x) - codes).norm() / codes.norm();
}

TEST(Psd, InferenceMeetsTheKktConditionsOfTheAugmentedLasso) {
  // For min_h 1/2||x - hD||^2 + gamma/2 ||h - f||^2 + lambda ||h||_1 the smooth part's
  // negative gradient g = D (x - hD)^T - gamma (h - f) has |g_j| <= lambda, = lambda sign(h_j)
  // where h_j != 0.
  const Matrix x = planted(200);
  const Psd model = Psd::fit(x, config(2));
  const Matrix f = model.encode(x), h = model.infer(x);
  const Eigen::MatrixXd d = model.parameters().dictionary.cast<double>();
  const Eigen::MatrixXd g = (x.cast<double>() - h.cast<double>() * d) * d.transpose() -
                            (h.cast<double>() - f.cast<double>());
  double worst = 0;
  for (Index i = 0; i < g.rows(); ++i)
    for (Index j = 0; j < g.cols(); ++j) {
      const double hij = h(i, j), gij = g(i, j);
      worst = std::max(worst, hij != 0 ? std::abs(gij - 0.1 * (hij > 0 ? 1 : -1))
                                       : std::abs(gij) - 0.1);
    }
  EXPECT_LT(worst, 1e-3);
}

TEST(Psd, TrainingLowersTheLossAndTeachesTheEncoder) {
  const Matrix x = planted(500);
  std::vector<double> objective;
  const Psd trained = Psd::fit(x, config(12), &objective);
  ASSERT_EQ(objective.size(), 12u);
  EXPECT_LT(objective.back(), 0.7 * objective.front());
  const Psd early = Psd::fit(x, config(1));
  EXPECT_LT(prediction_error(trained, x), 0.7 * prediction_error(early, x));
  EXPECT_LT(prediction_error(trained, x), 0.5);
  std::printf("[ psd      ] loss %.4f -> %.4f, prediction error %.3f (after 1 epoch %.3f)\n",
              objective.front(), objective.back(), prediction_error(trained, x),
              prediction_error(early, x));
  EXPECT_LE(trained.parameters().dictionary.rowwise().norm().maxCoeff(), 1 + 1e-5);
  // The fast encoder reconstructs the data well.
  EXPECT_LT((trained.reconstruct(x) - x).squaredNorm(), 0.5 * x.squaredNorm());
}

TEST(Psd, RejectsBadHyperParametersAndWidths) {
  const Matrix x = planted(20);
  const auto fails = [&](auto change, std::initializer_list<std::string_view> phrases) {
    PsdConfig c = config(1);
    change(c);
    test::expect_error<UsageError>([&] { Psd::fit(x, c); }, phrases);
  };
  fails([](auto& c) { c.lambda = -1; }, {"lambda must be >= 0, found -1"});
  fails([](auto& c) { c.gamma = 0; }, {"gamma must be > 0, found 0"});
  fails([](auto& c) { c.lr = -0.5; }, {"learning rate must be > 0, found -0.5"});
  fails([](auto& c) { c.epochs = 0; }, {"epochs must be >= 1, found 0"});
  fails([](auto& c) { c.batch_size = 0; }, {"batch size must be >= 1, found 0"});
  fails([](auto& c) { c.atoms = 0; }, {"atoms must be between 1 and 16384, found 0"});
  fails([](auto& c) { c.atoms = 21; }, {"starts its 21 atoms from distinct data rows",
                                        "found only 20 rows"});
  const Psd model = Psd::fit(x, config(1));
  test::expect_error([&] { model.encode(Matrix::Zero(2, 15)); },
                     {"PSD model expects 16 inputs, found 15 columns"});
  test::expect_error([&] { model.decode(Matrix::Zero(2, 5)); },
                     {"PSD model expects 12 code units, found 5 columns"});
}

}  // namespace
}  // namespace aekit::models
