#include "aekit/eval/softmax_probe.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "aekit/data/dataset.hpp"
#include "aekit/error.hpp"
#include "aekit/models/linear/softmax_regression.hpp"

namespace aekit::eval {
namespace {

void check_labels(std::span<const int> labels, Index rows, int classes) {
  if (labels.empty())
    throw Error(fmt::format("the probe needs a class label for each of the {} rows, found no labels",
                            rows));
  if (Index(labels.size()) != rows)
    throw Error(fmt::format("the probe needs one label per row: found {} labels for {} rows",
                            labels.size(), rows));
  for (std::size_t n = 0; n < labels.size(); ++n)
    if (labels[n] < 0 || labels[n] >= classes)
      throw Error(fmt::format("label {} at row {} (counting from 0) is not a class index in [0, {})",
                              labels[n], n, classes));
}

}  // namespace

SoftmaxProbe SoftmaxProbe::fit(const FloatMatrix& x, std::span<const int> labels, int classes,
                               const ProbeOptions& options) {
  if (!(options.penalty >= 0 && std::isfinite(options.penalty)))
    throw UsageError(fmt::format("the probe's penalty must be a number >= 0 (scikit-learn's 1/C), "
                                 "found {}", options.penalty));
  if (classes < 2)
    throw UsageError(fmt::format("the probe needs at least 2 classes, found {}", classes));
  check_labels(labels, x.rows(), classes);
  if (std::all_of(labels.begin(), labels.end(), [&](int y) { return y == labels[0]; }))
    throw Error(fmt::format("every label is {}: the probe needs examples of at least 2 classes",
                            labels[0]));
  data::check_finite(x, "probe features");

  SoftmaxProbe probe;
  probe.standardization_ = data::Scaling::fit(data::ScalingKind::standardize, x);
  FloatMatrix standardized = x;
  probe.standardization_.apply(standardized);
  models::SoftmaxRegressionObjective objective(standardized, labels, classes, options.penalty);
  Eigen::VectorXd theta = Eigen::VectorXd::Zero(objective.parameter_count());
  probe.training_ = optim::minimize_lbfgs(
      [&](const Eigen::VectorXd& t, Eigen::VectorXd& g) { return objective(t, g); }, theta,
      options.lbfgs);
  probe.weights_ = models::softmax_weights(theta, classes, x.cols());
  probe.bias_ = models::softmax_bias(theta, classes);
  return probe;
}

std::vector<int> SoftmaxProbe::predict(const FloatMatrix& x) const {
  if (x.cols() != weights_.cols())
    throw Error(fmt::format("the probe was fitted on {} features, the data has {} columns",
                            weights_.cols(), x.cols()));
  constexpr Index kChunk = 4096;  // standardized a chunk at a time: no copy of all of x
  std::vector<int> predicted(x.rows());
  Matrix scores;
  for (Index begin = 0; begin < x.rows(); begin += kChunk) {
    FloatMatrix chunk = x.middleRows(begin, std::min(kChunk, x.rows() - begin));
    standardization_.apply(chunk);
    scores.resize(chunk.rows(), weights_.rows());
    models::softmax_scores(chunk, weights_, bias_, scores);
    for (Index n = 0; n < chunk.rows(); ++n) scores.row(n).maxCoeff(&predicted[begin + n]);
  }
  return predicted;
}

double SoftmaxProbe::accuracy(const FloatMatrix& x, std::span<const int> labels) const {
  if (labels.empty() || Index(labels.size()) != x.rows())
    throw Error(fmt::format("accuracy needs one label per row: found {} labels for {} rows",
                            labels.size(), x.rows()));
  const std::vector<int> predicted = predict(x);
  Index correct = 0;
  for (std::size_t n = 0; n < labels.size(); ++n) correct += predicted[n] == labels[n];
  return double(correct) / double(labels.size());
}

}  // namespace aekit::eval
