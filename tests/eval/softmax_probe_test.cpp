// The softmax probe: separable classes are told apart perfectly, the fit is the optimum of
// the documented objective, standardization makes it blind to feature units, bad input fails.
#include "aekit/eval/softmax_probe.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "aekit/tensor/rng.hpp"
#include "support/expect_error.hpp"

namespace aekit::eval {
namespace {

constexpr int kClasses = 3;
constexpr Index kFeatures = 4;

struct Labelled {
  FloatMatrix x;
  std::vector<int> labels;
};

// Class c is a Gaussian cloud (std `spread`) around 3 e_c (c < 3) in kFeatures dimensions;
// feature 3 is noise. Spread 0.3 separates the classes, spread 2 mixes them.
Labelled clouds(Index rows, double spread, std::uint64_t seed) {
  Rng rng(seed);
  Labelled d{FloatMatrix(rows, kFeatures), std::vector<int>(rows)};
  for (Index n = 0; n < rows; ++n) {
    d.labels[n] = int(n % kClasses);
    for (Index j = 0; j < kFeatures; ++j)
      d.x(n, j) = float((j == d.labels[n] ? 3 : 0) + spread * rng.normal());
  }
  return d;
}

TEST(SoftmaxProbe, SeparatesLinearlySeparableClassesPerfectly) {
  const Labelled train = clouds(300, 0.3, 1), test = clouds(300, 0.3, 2);
  const SoftmaxProbe probe = SoftmaxProbe::fit(train.x, train.labels, kClasses);
  EXPECT_EQ(probe.accuracy(train.x, train.labels), 1.0);
  EXPECT_EQ(probe.accuracy(test.x, test.labels), 1.0);
  EXPECT_EQ(probe.predict(test.x), test.labels);
  EXPECT_EQ(probe.weights().rows(), kClasses);
  EXPECT_EQ(probe.weights().cols(), kFeatures);
  EXPECT_EQ(probe.bias().cols(), kClasses);
}

TEST(SoftmaxProbe, FitIsTheOptimumOfThePenalizedCrossEntropy) {
  // Overlapping classes: a finite optimum, where the gradient of
  //   f = 1/N sum_n CE(W x~_n + b, y_n) + λ/(2N) ||W||^2
  // (computed here in double, independently of the library) vanishes.
  const Labelled d = clouds(600, 2, 3);
  const double penalty = 50;
  const SoftmaxProbe probe = SoftmaxProbe::fit(d.x, d.labels, kClasses, {.penalty = penalty});
  EXPECT_NE(probe.training().stop, optim::LbfgsStop::iterations);

  FloatMatrix standardized = d.x;
  probe.standardization().apply(standardized);
  const Eigen::MatrixXd x = standardized.cast<double>(), w = probe.weights().cast<double>();
  const Eigen::RowVectorXd b = probe.bias().cast<double>();
  const double n = double(x.rows());
  Eigen::MatrixXd dw = penalty / n * w;
  Eigen::RowVectorXd db = Eigen::RowVectorXd::Zero(kClasses);
  double f = penalty / (2 * n) * w.squaredNorm();
  for (Index i = 0; i < x.rows(); ++i) {
    const Eigen::RowVectorXd z = x.row(i) * w.transpose() + b;
    Eigen::RowVectorXd p = (z.array() - z.maxCoeff()).exp();
    f += (std::log(p.sum()) + z.maxCoeff() - z[d.labels[i]]) / n;
    p /= p.sum();
    p[d.labels[i]] -= 1;
    dw += p.transpose() * x.row(i) / n;
    db += p / n;
  }
  EXPECT_NEAR(probe.training().value, f, 1e-6 * f);
  EXPECT_LT(dw.cwiseAbs().maxCoeff(), 1e-5);
  EXPECT_LT(db.cwiseAbs().maxCoeff(), 1e-5);
  // The standardization is the training data's.
  EXPECT_LT(x.colwise().mean().cwiseAbs().maxCoeff(), 1e-5);
  EXPECT_NEAR(x.col(0).squaredNorm() / n, 1, 1e-4);
}

TEST(SoftmaxProbe, StandardizationMakesTheFitBlindToFeatureUnits) {
  const Labelled d = clouds(300, 1, 4), test = clouds(200, 1, 5);
  FloatMatrix rescaled = d.x, test_rescaled = test.x;
  for (FloatMatrix* m : {&rescaled, &test_rescaled})
    *m = ((m->array() * 1000).rowwise() + Eigen::Array<float, 1, Eigen::Dynamic>::LinSpaced(kFeatures, -50, 50)).matrix();
  const SoftmaxProbe plain = SoftmaxProbe::fit(d.x, d.labels, kClasses);
  const SoftmaxProbe scaled = SoftmaxProbe::fit(rescaled, d.labels, kClasses);
  EXPECT_NEAR(plain.training().value, scaled.training().value, 1e-5);
  EXPECT_EQ(plain.predict(test.x), scaled.predict(test_rescaled));
  EXPECT_GT(plain.accuracy(test.x, test.labels), 0.8);  // the clouds overlap a little
}

TEST(SoftmaxProbe, StopsAtTheIterationLimit) {
  const Labelled d = clouds(90, 1, 6);
  ProbeOptions options;
  options.lbfgs.max_iterations = 2;
  const SoftmaxProbe probe = SoftmaxProbe::fit(d.x, d.labels, kClasses, options);
  EXPECT_EQ(probe.training().iterations, 2);
  EXPECT_EQ(probe.training().stop, optim::LbfgsStop::iterations);
  EXPECT_LT(probe.training().value, std::log(3.0));  // below the start, all scores 0
}

TEST(SoftmaxProbe, BadInputFailsWithAMessageThatSaysWhy) {
  using test::expect_error;
  const Labelled d = clouds(30, 1, 7);
  const std::vector<int> none, short_labels(d.labels.begin(), d.labels.end() - 1);
  expect_error([&] { SoftmaxProbe::fit(d.x, none, kClasses); }, {"found no labels", "30 rows"});
  expect_error([&] { SoftmaxProbe::fit(d.x, short_labels, kClasses); },
               {"29 labels for 30 rows"});
  expect_error<UsageError>([&] { SoftmaxProbe::fit(d.x, d.labels, 1); },
                           {"at least 2 classes, found 1"});
  expect_error([&] { SoftmaxProbe::fit(d.x, d.labels, 2); },
               {"label 2 at row 2", "not a class index in [0, 2)"});
  expect_error([&] { SoftmaxProbe::fit(d.x, std::vector<int>(30, 1), kClasses); },
               {"every label is 1", "at least 2 classes"});
  expect_error<UsageError>([&] { SoftmaxProbe::fit(d.x, d.labels, kClasses, {.penalty = -1}); },
                           {"penalty", ">= 0", "-1"});
  FloatMatrix bad = d.x;
  bad(4, 2) = std::numeric_limits<float>::quiet_NaN();
  expect_error([&] { SoftmaxProbe::fit(bad, d.labels, kClasses); },
               {"probe features", "NaN at row 4, column 2"});

  const SoftmaxProbe probe = SoftmaxProbe::fit(d.x, d.labels, kClasses);
  expect_error([&] { probe.predict(FloatMatrix::Zero(3, 7)); },
               {"fitted on 4 features", "7 columns"});
  expect_error([&] { probe.accuracy(d.x, short_labels); }, {"29 labels for 30 rows"});
}

}  // namespace
}  // namespace aekit::eval
