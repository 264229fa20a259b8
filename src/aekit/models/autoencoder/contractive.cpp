#include "aekit/models/autoencoder/contractive.hpp"

#include <fmt/format.h>

#include <cmath>

#include "aekit/error.hpp"
#include "aekit/number_text.hpp"
#include "aekit/tensor/activation.hpp"

namespace aekit::models {

void squared_jacobian_norms(Activation f, ConstMatrixRef h1, ConstMatrixRef weight,
                            Eigen::Ref<Vector> out) {
  AEKIT_ASSERT(h1.cols() == weight.rows() && out.size() == h1.rows());
  const Vector w = weight.rowwise().squaredNorm();  // [H]
  Matrix g(h1.rows(), h1.cols());
  derivative_from_output(f, h1, g);
  out.noalias() = g.array().square().matrix() * w;
}

ContractivePenalty ContractivePenalty::parse(std::string_view text) {
  const auto lambda = parse_double(text);
  if (!lambda)
    throw UsageError(fmt::format("contractive: expected a number lambda >= 0, found '{}'", text));
  ContractivePenalty p;
  p.weight = *lambda;
  p.validate();
  return p;
}

void ContractivePenalty::validate() const {
  if (!(weight >= 0) || !std::isfinite(weight))
    throw UsageError(fmt::format("contractive lambda must be a finite number >= 0, found {}",
                                 weight));
}

double ContractivePenalty::value(const nn::Dense& layer, ConstMatrixRef h1) {
  const Index n = h1.rows();
  row_norms_ = layer.weight().rowwise().squaredNorm().transpose();
  MatrixMap g = slope_.view(n, h1.cols());
  derivative_from_output(layer.activation(), h1, g);
  slope_norms_.setZero(h1.cols());
  for (Index i = 0; i < n; ++i) slope_norms_.array() += g.row(i).array().square();
  return weight / double(n) * double(slope_norms_.dot(row_norms_));
}

double ContractivePenalty::accumulate(nn::Dense& layer, ConstMatrixRef h1, MatrixRef dh1) {
  AEKIT_ASSERT(dh1.rows() == h1.rows() && dh1.cols() == h1.cols());
  const double penalty = value(layer, h1);  // fills row_norms_ (w) and slope_norms_ (sum g^2)
  const Scalar scale = Scalar(2 * weight / double(h1.rows()));
  // dP/dW_ji = 2 lambda/N * (sum_n g_nj^2) W_ji
  slope_norms_ *= scale;
  for (Index j = 0; j < slope_norms_.size(); ++j)
    layer.weight_grad().row(j) += slope_norms_[j] * layer.weight().row(j);
  // e_nj = 2 lambda/N * g'_nj w_j
  MatrixMap curvature = curvature_.view(h1.rows(), h1.cols());
  second_derivative_from_output(layer.activation(), h1, curvature);
  row_norms_ *= scale;
  for (Index i = 0; i < dh1.rows(); ++i)
    dh1.row(i).array() += curvature.row(i).array() * row_norms_.array();
  return penalty;
}

}  // namespace aekit::models
