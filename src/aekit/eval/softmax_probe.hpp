#pragma once
// A linear probe: how well a linear classifier tells the classes apart from given features
// (an autoencoder's codes, or its scaled inputs as the baseline), the "softmax probe trained
// on the codes with all labels" whose accuracy the lectures' experiments report.
//
// fit() standardizes each feature with the training mean and population std (constant
// features only centred; data/scaling.hpp), keeps that transform for predict(), and fits
// multinomial logistic regression on the standardized features x~ by full-batch L-BFGS
// (optim/lbfgs.hpp), minimizing
//   f(W, b) = 1/N sum_n CE(W x~_n + b, y_n) + λ/(2N) ||W||_F^2       W[C,K], b[C], λ = penalty
// (models/softmax_regression.hpp). N f is scikit-learn's objective for
// LogisticRegression(C = 1/λ, multinomial, lbfgs) on the same standardized features, so the
// default λ = 1 is its default C = 1. L-BFGS stops, by default, after 100 iterations (its
// default max_iter), when max |∇f| <= 1e-6, or when f stops falling. On weakly penalized
// problems such as raw Fashion-MNIST pixels, 100 iterations stop short of the optimum, as
// scikit-learn's do: f still falls, the test accuracy has settled (84.3% after 100, 83.6%
// after 500 iterations).
#include <span>
#include <vector>

#include "aekit/data/scaling.hpp"
#include "aekit/optim/lbfgs.hpp"
#include "aekit/tensor/matrix.hpp"

namespace aekit::eval {

struct ProbeOptions {
  double penalty = 1;  // λ >= 0 (scikit-learn's 1/C)
  optim::LbfgsOptions lbfgs{.max_iterations = 100, .gradient_tolerance = 1e-6};
};

class SoftmaxProbe {
 public:
  // Fits on x[N,K] with N labels in [0, classes). Throws aekit::UsageError for classes < 2 or
  // a negative penalty, aekit::Error for missing labels, a label count that is not N, a label
  // outside [0, classes), labels of a single class, or a NaN or Inf feature.
  static SoftmaxProbe fit(const FloatMatrix& x, std::span<const int> labels, int classes,
                          const ProbeOptions& options = {});

  // The class with the highest score for each row of x[M,K] (the lowest index on a tie).
  std::vector<int> predict(const FloatMatrix& x) const;
  // The share of rows of x[M,K] whose predicted class is their label, in [0, 1].
  double accuracy(const FloatMatrix& x, std::span<const int> labels) const;

  const Matrix& weights() const { return weights_; }  // W [C,K], on standardized features
  const Matrix& bias() const { return bias_; }        // b [1,C]
  const data::Scaling& standardization() const { return standardization_; }
  // f at the fitted W, b; iterations; why L-BFGS stopped.
  const optim::LbfgsResult& training() const { return training_; }

 private:
  data::Scaling standardization_;
  Matrix weights_, bias_;
  optim::LbfgsResult training_;
};

}  // namespace aekit::eval
