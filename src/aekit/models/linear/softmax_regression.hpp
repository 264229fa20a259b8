#pragma once
// Multinomial logistic (softmax) regression with an L2 penalty on the weights, the linear
// classifier of the probe (eval/softmax_probe.hpp). On features x[N,K], labels y_n in [0, C):
//   scores     z[N,C] = x W^T + b                                        W[C,K], b[1,C]
//   objective  f(W, b) = 1/N sum_n CE(z_n, y_n) + λ/(2N) ||W||_F^2       (CE: softmax
//              cross-entropy, loss/softmax_cross_entropy.hpp; λ >= 0, the bias is not penalized)
//   gradient   dz = (softmax(z) - onehot(y)) / N,   dW = dz^T x + (λ/N) W,   db = sum_n dz_n
// N f is scikit-learn's LogisticRegression(multinomial) objective with C = 1/λ.
//
// A minimizer sees the parameters as one vector θ = [W row by row, b] in double; the products
// run in Scalar (the threaded GEMMs of tensor/gemm.hpp).
#include <Eigen/Core>
#include <span>

#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

// The weights W[C,K] and the bias b[1,C] held in θ = [W row by row, b].
Matrix softmax_weights(const Eigen::VectorXd& theta, Index classes, Index features);
Matrix softmax_bias(const Eigen::VectorXd& theta, Index classes);

// z[N,C] = x[N,K] W[C,K]^T + b[1,C]
void softmax_scores(ConstMatrixRef x, ConstMatrixRef w, ConstMatrixRef b, MatrixRef z);

class SoftmaxRegressionObjective {
 public:
  // Views x and labels (they must outlive the objective); labels in [0, classes), one per row.
  SoftmaxRegressionObjective(ConstMatrixRef x, std::span<const int> labels, Index classes,
                             double penalty);
  SoftmaxRegressionObjective(const SoftmaxRegressionObjective&) = delete;
  SoftmaxRegressionObjective& operator=(const SoftmaxRegressionObjective&) = delete;

  Index parameter_count() const { return classes_ * (x_.cols() + 1); }  // C K + C

  // f(θ), with ∇f(θ) written into gradient (parameter_count() entries each).
  double operator()(const Eigen::VectorXd& theta, Eigen::VectorXd& gradient);

 private:
  ConstMatrixRef x_;
  std::span<const int> labels_;
  Index classes_;
  double penalty_;
  Matrix z_, dz_, dw_transposed_;  // [N,C], [N,C], [K,C]
  Matrix column_sums_;             // [1,C]
};

}  // namespace aekit::models
