// The contractive penalty (double precision build): its gradient wrt a layer's weights and
// biases against finite differences for every activation, its closed-form ||J||_F^2 against
// a numerical Jacobian, and its errors.
#include "aekit/models/autoencoder/contractive.hpp"

#include <gtest/gtest.h>

#include "aekit/nn/parameters.hpp"
#include "support/all_activations.hpp"
#include "support/expect_error.hpp"
#include "support/gradient_check.hpp"
#include "support/numerical_jacobian.hpp"
#include "support/random_matrix.hpp"

namespace aekit::models {
namespace {

using test::random_matrix;

class ContractiveGradient : public ::testing::TestWithParam<Activation> {};

TEST_P(ContractiveGradient, MatchesFiniteDifferencesOfThePenalty) {
  nn::Dense layer(5, 4, GetParam());
  nn::Parameters params;
  params.allocate_and_bind({{"layer", &layer}});
  Rng rng(3);
  for (auto& v : params.values()) v = rng.uniform(-0.9, 0.9);
  const Matrix x = random_matrix(6, 5, -1, 1, rng);
  ContractivePenalty penalty = ContractivePenalty::parse("0.7");

  // Analytic: penalty gradient into dh1 and dW, then the layer's own backward.
  params.zero_grads();
  ConstMatrixRef h1 = layer.forward(x);
  Matrix dh1 = Matrix::Zero(h1.rows(), h1.cols());
  const double p = penalty.accumulate(layer, h1, dh1);
  layer.backward(dh1);
  const Vector analytic = Eigen::Map<const Vector>(params.grads().data(), params.size());
  const auto f = [&] { return penalty.value(layer, layer.forward(x)); };
  EXPECT_NEAR(p, f(), 1e-12);
  const auto check = test::check_gradient("contractive", params.values(), f,
                                          {analytic.data(), std::size_t(analytic.size())});
  EXPECT_TRUE(check.ok) << check.report;
}

TEST_P(ContractiveGradient, ClosedFormNormIsTheLayersJacobianNorm) {
  nn::Dense layer(5, 3, GetParam());
  nn::Parameters params;
  params.allocate_and_bind({{"layer", &layer}});
  Rng rng(4);
  for (auto& v : params.values()) v = rng.uniform(-0.9, 0.9);
  const Matrix x = random_matrix(7, 5, -1, 1, rng);
  Vector closed(x.rows());
  squared_jacobian_norms(layer.activation(), layer.forward(x), layer.weight(), closed);
  const Vector numeric = test::numerical_jacobian_norms([&](const Matrix& in) { return Matrix(layer.forward(in)); }, x);
  for (Index n = 0; n < x.rows(); ++n) EXPECT_NEAR(std::sqrt(closed[n]), numeric[n], 1e-6);
}

INSTANTIATE_TEST_SUITE_P(All, ContractiveGradient, ::testing::ValuesIn(test::kAllActivations),
                         test::ActivationTestName());

TEST(Contractive, BadLambdaIsAUsageError) {
  test::expect_error<UsageError>([] { ContractivePenalty::parse("-0.1"); },
                                 {"contractive lambda must be a finite number >= 0, found -0.1"});
  test::expect_error<UsageError>([] { ContractivePenalty::parse("x"); },
                                 {"expected a number lambda >= 0, found 'x'"});
  EXPECT_FALSE(ContractivePenalty::parse("0").active());
}

}  // namespace
}  // namespace aekit::models
