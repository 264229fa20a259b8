// One contiguous block for all parameters: named slices, offsets and binding into layers.
#include "aekit/nn/parameters.hpp"

#include <gtest/gtest.h>

#include "aekit/nn/dense.hpp"

namespace aekit::nn {
namespace {

TEST(Parameters, SlicesAreContiguousNamedAndBoundIntoTheLayers) {
  Dense first(4, 3), second(3, 2);
  Parameters params;
  params.allocate_and_bind({{"a", &first}, {"b", &second}});
  ASSERT_EQ(params.size(), 4 * 3 + 3 + 3 * 2 + 2);
  const auto& s = params.slices();
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0].name, "a.weight");
  EXPECT_EQ(s[1].name, "a.bias");
  EXPECT_EQ(s[2].name, "b.weight");
  EXPECT_EQ(s[2].offset, 15);
  EXPECT_EQ(s[3].offset, 21);
  // The layer's weight is a view into the block: writing the block changes the layer.
  params.values()[s[2].offset] = 42;
  EXPECT_EQ(second.weight()(0, 0), 42);
  second.weight_grad()(1, 2) = 7;
  EXPECT_EQ(params.grads()[s[2].offset + 1 * 3 + 2], 7);
  params.zero_grads();
  EXPECT_EQ(second.weight_grad()(1, 2), 0);
}

}  // namespace
}  // namespace aekit::nn
