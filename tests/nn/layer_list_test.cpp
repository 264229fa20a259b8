// Layer lists (nn/layer_list.hpp): a list of layer texts built in order into a Sequential with
// the shape tracked through it, and errors that name the list before the layer.
#include "aekit/nn/layer_list.hpp"

#include <gtest/gtest.h>

#include "support/expect_error.hpp"

namespace aekit::nn {
namespace {

TEST(LayerList, BuildsInOrderAndReturnsTheLastShape) {
  Sequential chain;
  const Shape out = build_layer_list({"conv 4 3x3 stride=2 pad=1 relu", "dense 10 tanh", "reshape 1x2x5"}, "encoder_layers",
                                     {1, 8, 8}, Init{}, chain);
  EXPECT_EQ(out, (Shape{1, 2, 5}));
  EXPECT_EQ(chain.size(), 3u);
  EXPECT_EQ(chain.in_features(), 64);
  EXPECT_EQ(chain.out_features(), 10);
  EXPECT_EQ(shape_text(out), "[1, 2, 5]");
  EXPECT_EQ(parse_layer_list({"maxpool 2", "flatten"}, "x").size(), 2u);
}

TEST(LayerList, ErrorsNameTheListTheLayerAndTheShape) {
  test::expect_error<UsageError>([] { parse_layer_list({"dense 4", "cnv 3 3"}, "decoder_layers"); },
                                 {"decoder_layers: ", "cnv"});
  Sequential chain;
  test::expect_error<UsageError>(
      [&] { build_layer_list({"conv 2 5x5"}, "generator_layers", {1, 3, 3}, Init{}, chain); },
      {"generator_layers: ", "conv 2 5x5", "[1, 3, 3]"});
}

}  // namespace
}  // namespace aekit::nn
