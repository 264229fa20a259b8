#include "aekit/models/rbm/rbm_units.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"
#include "aekit/tensor/activation.hpp"

namespace aekit::models {

RbmUnits parse_rbm_units(std::string_view name) {
  if (name == "bernoulli") return RbmUnits::bernoulli;
  if (name == "gaussian") return RbmUnits::gaussian;
  throw UsageError(fmt::format("RBM units: expected bernoulli or gaussian, found '{}'", name));
}

std::string rbm_units_name(RbmUnits units) {
  return units == RbmUnits::bernoulli ? "bernoulli" : "gaussian";
}

void unit_means(RbmUnits units, MatrixRef z) {
  if (units == RbmUnits::bernoulli) add_bias_and_activate(Activation::sigmoid, z, Matrix());
}

void sample_units(RbmUnits units, ConstMatrixRef means, MatrixRef samples, Rng& rng) {
  AEKIT_ASSERT(means.rows() == samples.rows() && means.cols() == samples.cols());
  for (Index i = 0; i < means.rows(); ++i)
    for (Index j = 0; j < means.cols(); ++j) {
      const Scalar m = means(i, j);
      samples(i, j) = units == RbmUnits::bernoulli ? Scalar(rng.uniform() < double(m))
                                                   : m + Scalar(rng.normal());
    }
}

}  // namespace aekit::models
