#pragma once
// Convolution geometries the conv tests share: stride 1/2, padding 0/1, dilation 1/2,
// non-square images and kernels of size 1 to 3.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "aekit/tensor/im2col.hpp"

namespace aekit::test {

struct ConvCase {
  std::string name;
  Shape input;
  Index out_channels;
  ConvKernel kernel;  // size, stride, padding, dilation
};

inline const std::vector<ConvCase> kConvCases = {
    {"Plain", {1, 5, 5}, 2, {3, 1, 0, 1}},
    {"Stride2Pad1", {2, 6, 8}, 3, {3, 2, 1, 1}},
    {"Dilation2Pad1", {2, 7, 5}, 2, {3, 1, 1, 2}},
    {"Stride2Dilation2", {3, 8, 6}, 2, {2, 2, 0, 2}},
    {"Pointwise", {2, 3, 4}, 3, {1, 1, 0, 1}},
};

// The [O, OH, OW] image a Conv2d of this case makes.
inline Shape conv_output(const ConvCase& c) {
  const ConvGeometry g{c.input, c.kernel};
  return {c.out_channels, g.grid_h(), g.grid_w()};
}

// The output_padding that makes a ConvTranspose2d map conv_output(c) back to c.input's size:
// the rows (and columns) the convolution's stride skipped at the far edge.
inline Index output_padding(const ConvCase& c) {
  const ConvKernel& k = c.kernel;
  const auto skipped = [&](Index extent) {
    return (extent + 2 * k.padding - k.dilation * (k.size - 1) - 1) % k.stride;
  };
  EXPECT_EQ(skipped(c.input.h), skipped(c.input.w)) << "one output_padding for both axes";
  return skipped(c.input.h);
}

struct ConvCaseName {
  std::string operator()(const ::testing::TestParamInfo<ConvCase>& info) const {
    return info.param.name;
  }
};

}  // namespace aekit::test
