// Packing matrices into a model's float32 state and back, in order.
#include "aekit/models/model_state.hpp"

#include <gtest/gtest.h>

namespace aekit::models {
namespace {

TEST(ModelState, MatricesComeBackInTheOrderTheyWentIn) {
  const Matrix a = (Matrix(2, 3) << 1, 2, 3, 4, 5, 6).finished();
  const RowVector b = (RowVector(2) << 7, 8).finished();
  StateWriter out;
  out.add(a);
  out.add(b);
  EXPECT_EQ(out.values(), (std::vector<float>{1, 2, 3, 4, 5, 6, 7, 8}));
  StateReader in(out.values());
  EXPECT_EQ(in.take(2, 3), a);
  EXPECT_EQ(Matrix(in.take(1, 2)), Matrix(b));
}

}  // namespace
}  // namespace aekit::models
