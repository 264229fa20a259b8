// Finite-difference check of predictive sparse decomposition's parameter gradients
// (models/psd_loss.hpp), in double precision, at fixed codes with zeros among them.
#include "aekit/models/sparse/psd_loss.hpp"

#include <gtest/gtest.h>

#include "support/gradient_check.hpp"
#include "support/random_matrix.hpp"

namespace aekit::models {
namespace {

TEST(PsdGradients, DictionaryEncoderWeightsAndBias) {
  Rng rng(21);
  const Index m = 7, d = 5, k = 4;
  const Matrix x = test::random_matrix(m, d, -1, 1, rng);
  Matrix codes = test::random_matrix(m, k, -1, 1, rng);
  codes(0, 1) = codes(3, 2) = codes(5, 0) = 0;  // sparse codes: |h| adds no parameter gradient
  PsdParameters p{test::random_matrix(k, d, -0.5, 0.5, rng),
                  test::random_matrix(k, d, -0.5, 0.5, rng),
                  test::random_matrix(1, k, -0.5, 0.5, rng)};
  const double lambda = 0.3, gamma = 1.7;
  PsdParameters analytic;
  psd_loss(x, codes, p, lambda, gamma, &analytic);
  const auto f = [&] { return psd_loss(x, codes, p, lambda, gamma); };
  const auto span_of = [](auto& m) { return std::span<double>(m.data(), std::size_t(m.size())); };
  for (auto [name, value, gradient] :
       {std::tuple{"dictionary", &p.dictionary, &analytic.dictionary},
        std::tuple{"weight", &p.weight, &analytic.weight}}) {
    const auto check = test::check_gradient(name, span_of(*value), f, span_of(*gradient));
    EXPECT_TRUE(check.ok) << check.report;
  }
  const auto check = test::check_gradient("bias", span_of(p.bias), f, span_of(analytic.bias));
  EXPECT_TRUE(check.ok) << check.report;
}

TEST(PsdLoss, IsTheMeanOfItsThreeTerms) {
  Matrix x(1, 2), codes(1, 1);
  x << 1, 2;
  codes << 2;
  PsdParameters p{Matrix::Constant(1, 2, 0.5), Matrix::Zero(1, 2), RowVector::Zero(1)};
  // x - hD = (0, 1); f = tanh(0) = 0:  1/2 * 1 + 0.1 * 2 + 3/2 * 4
  EXPECT_NEAR(psd_loss(x, codes, p, 0.1, 3.0), 0.5 + 0.2 + 6.0, 1e-12);
}

}  // namespace
}  // namespace aekit::models
