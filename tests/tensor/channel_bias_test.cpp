// Per-channel bias of image rows: added to every pixel of its channel, and summed back
// (accumulating) over rows and pixels for the bias gradient.
#include "aekit/tensor/channel_bias.hpp"

#include <gtest/gtest.h>

namespace aekit {
namespace {

TEST(ChannelBias, AddsEachChannelsBiasToItsPixels) {
  Matrix y = Matrix::Zero(2, 6);  // 2 rows, 3 channels of 2 pixels
  Matrix bias(1, 3);
  bias << 1, 2, 3;
  add_channel_bias(y, bias);
  Matrix expected(2, 6);
  expected << 1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3;
  EXPECT_EQ(y, expected);
}

TEST(ChannelBias, SumsAccumulateOverRowsAndPixels) {
  Matrix x(2, 4);  // 2 channels of 2 pixels
  x << 1, 2, 3, 4, 5, 6, 7, 8;
  Matrix sums(1, 2);
  sums << 100, 200;
  add_channel_sums(x, sums);
  EXPECT_FLOAT_EQ(sums(0, 0), 100 + 1 + 2 + 5 + 6);
  EXPECT_FLOAT_EQ(sums(0, 1), 200 + 3 + 4 + 7 + 8);
}

}  // namespace
}  // namespace aekit
