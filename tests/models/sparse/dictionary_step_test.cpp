// Online dictionary learning's training step (models/sparse/dictionary_step.hpp): a group
// without an optimizer, scikit-learn's forgetting factor, and A, B as extra state.
#include "aekit/models/sparse/dictionary_step.hpp"

#include <gtest/gtest.h>

#include "aekit/models/sparse/dictionary_init.hpp"
#include "support/random_data.hpp"

namespace aekit::models {
namespace {

TEST(DictionaryStep, ForgettingFactorFollowsScikitLearn) {
  // theta = (t + 1) m for t < m - 1, else m^2 + t + 1 - m; beta = (theta + 1 - m) / (theta + 1)
  EXPECT_DOUBLE_EQ(forgetting_factor(0, 4), 1.0 / 5.0);
  EXPECT_DOUBLE_EQ(forgetting_factor(2, 4), 9.0 / 13.0);
  EXPECT_DOUBLE_EQ(forgetting_factor(3, 4), 13.0 / 17.0);
}

TEST(DictionaryStep, ItsGroupHasNoOptimizerAndExtraStateRoundTrips) {
  const Matrix x = test::manifold_data(50, 8, 2).cast<Scalar>();
  SparseCodingConfig config;
  config.atoms = 5;
  config.batch_size = 10;
  Rng init(1);
  DictionaryStep step(config, initial_dictionary(x, 5, DictionaryInit::data, init));
  ASSERT_EQ(step.groups().size(), 1u);
  EXPECT_EQ(step.groups()[0].optimizer, nullptr);
  EXPECT_EQ(step.groups()[0].values.data(), step.dictionary().data());
  const Vector zero = step.extra_state();
  ASSERT_EQ(zero.size(), 5 * 5 + 5 * 8);
  EXPECT_EQ(zero.squaredNorm(), 0);
  Vector values = Vector::LinSpaced(zero.size(), 1, Scalar(zero.size()));
  step.set_extra_state({values.data(), std::size_t(values.size())});
  EXPECT_TRUE(step.extra_state() == values);
}

}  // namespace
}  // namespace aekit::models
