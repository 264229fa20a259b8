// The encoder's Jacobian norm (models/jacobian.hpp, double precision build): the mean
// ||J_f(x)||_F of one- and three-layer encoders against numerical Jacobians, in chunks
// smaller than the data.
#include "aekit/models/autoencoder/jacobian.hpp"

#include <gtest/gtest.h>

#include "support/numerical_jacobian.hpp"
#include "support/random_matrix.hpp"

namespace aekit::models {
namespace {

TEST(Jacobian, MeanNormOfADeepEncoderMatchesNumericalJacobians) {
  for (const bool deep : {false, true}) {
    AutoencoderConfig config;
    config.dims = deep ? std::vector<Index>{6, 5, 4, 3} : std::vector<Index>{6, 4};
    config.hidden = Activation::tanh;
    config.code = Activation::sigmoid;
    Autoencoder model(config);
    Rng rng(6);
    model.initialize(rng);
    const Matrix x = test::random_matrix(9, 6, 0, 1, rng);
    const Vector numeric = test::numerical_jacobian_norms([&](const Matrix& in) { return Matrix(model.encode(in)); }, x);
    EXPECT_NEAR(mean_jacobian_frobenius(model, x, 4), numeric.mean(), 1e-6) << "deep " << deep;
  }
}

}  // namespace
}  // namespace aekit::models
