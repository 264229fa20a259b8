#include "aekit/models/rbm/rbm.hpp"

#include <fmt/format.h>

#include <cmath>

#include "aekit/error.hpp"
#include "aekit/tensor/gemm.hpp"

namespace aekit::models {
double softplus(double x) { return x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x)); }

Rbm::Rbm(RbmShape shape) : shape_(shape) {
  if (shape.visible < 1 || shape.hidden < 1)
    throw UsageError(fmt::format("an RBM needs >= 1 visible and >= 1 hidden unit, found {} and {}",
                                 shape.visible, shape.hidden));
  values_ = Vector::Zero((shape.hidden + 1) * shape.visible + shape.hidden);
}

void Rbm::initialize(Rng& rng) {
  auto w = weight();
  for (Index i = 0; i < w.size(); ++i) w.data()[i] = Scalar(0.01 * rng.normal());
  visible_bias().setZero();
  hidden_bias().setZero();
}

void Rbm::hidden_means(ConstMatrixRef v, MatrixRef out) const {
  gemm_nt(v, weight(), out);
  out.rowwise() += hidden_bias().row(0);
  unit_means(shape_.hidden_units, out);
}

void Rbm::visible_input(ConstMatrixRef h, MatrixRef out) const {
  gemm_nn(h, weight(), out);
  out.rowwise() += visible_bias().row(0);
}

void Rbm::visible_means(ConstMatrixRef h, MatrixRef out) const {
  visible_input(h, out);
  unit_means(shape_.visible_units, out);
}

void Rbm::free_energy(ConstMatrixRef v, MatrixRef x, std::span<double> free) const {
  AEKIT_ASSERT(Index(free.size()) == v.rows() && x.rows() == v.rows() && x.cols() == hidden());
  gemm_nt(v, weight(), x);
  x.rowwise() += hidden_bias().row(0);
  const auto b = visible_bias().row(0);
  for (Index n = 0; n < v.rows(); ++n) {
    double visible_term = 0, hidden_term = 0;
    for (Index i = 0; i < v.cols(); ++i)
      visible_term += shape_.visible_units == RbmUnits::bernoulli
                          ? -double(v(n, i)) * double(b(i))
                          : 0.5 * std::pow(double(v(n, i)) - double(b(i)), 2);
    for (Index j = 0; j < x.cols(); ++j)
      hidden_term += shape_.hidden_units == RbmUnits::bernoulli ? softplus(double(x(n, j)))
                                                                : 0.5 * std::pow(double(x(n, j)), 2);
    free[n] = visible_term - hidden_term;
  }
}

}  // namespace aekit::models
