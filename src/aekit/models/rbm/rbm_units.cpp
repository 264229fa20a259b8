#include "aekit/models/rbm/rbm_units.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"
#include "aekit/tensor/activation.hpp"
#include "aekit/tensor/random_blocks.hpp"

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
  for_random_segments(rng, means.rows(), means.cols(), [&](Rng& block_rng, Index r, Index c, Index m) {
    Scalar draws[kRandomSegment];
    const Scalar* mean = means.row(r).data() + c;
    Scalar* sample = samples.row(r).data() + c;
    if (units == RbmUnits::bernoulli) {
      fill_uniform(block_rng, draws, m);
      for (Index i = 0; i < m; ++i) sample[i] = Scalar(draws[i] < mean[i]);
    } else {
      fill_normal(block_rng, draws, m);
      for (Index i = 0; i < m; ++i) sample[i] = mean[i] + draws[i];
    }
  });
}

}  // namespace aekit::models
