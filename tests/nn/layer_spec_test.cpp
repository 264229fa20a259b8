// Layer texts (nn/layer_spec.hpp): what each one builds, its output shape, and a one-line
// error for every kind of mistake.
#include "aekit/nn/layer_spec.hpp"

#include <gtest/gtest.h>

#include "support/expect_error.hpp"

namespace aekit::nn {
namespace {

struct Built {
  std::string kind;
  Shape output;
  Index parameters = 0;
};

Built build(const std::string& text, Shape input) {
  const auto built = build_layer(parse_layer_spec(text), input, Init{});
  Index parameters = 0;
  for (const auto& spec : built.layer->param_specs()) parameters += spec.size();
  EXPECT_EQ(built.layer->in_features(), input.size()) << text;
  EXPECT_EQ(built.layer->out_features(), built.output.size()) << text;
  return {built.layer->kind(), built.output, parameters};
}

TEST(LayerSpec, EveryLayerKindBuildsWithItsOutputShape) {
  const Shape image{2, 8, 8};
  struct Expected {
    const char* text;
    const char* kind;
    Shape output;
    Index parameters;
  };
  const Expected cases[] = {
      {"conv 4 3x3 pad=1 relu", "conv2d", {4, 8, 8}, 4 * 2 * 9 + 4},
      {"conv 4 3 stride=2", "conv2d", {4, 3, 3}, 76},
      {"conv 4 3 dilation=2 pad=2 tanh", "conv2d", {4, 8, 8}, 76},
      {"deconv 3 3x3 stride=2 pad=1 outpad=1 sigmoid", "conv_transpose2d", {3, 16, 16}, 2 * 3 * 9 + 3},
      {"maxpool 2", "max_pool2d", {2, 4, 4}, 0},
      {"avgpool 3 stride=1", "avg_pool2d", {2, 6, 6}, 0},
      {"upsample 2", "upsample", {2, 16, 16}, 0},
      {"upsample 3 bilinear", "upsample", {2, 24, 24}, 0},
      {"dense 10 sigmoid", "dense", {1, 1, 10}, 128 * 10 + 10},
      {"flatten", "reshape", {1, 1, 128}, 0},
      {"reshape 8x4x4", "reshape", {8, 4, 4}, 0},
      {"batchnorm", "batch_norm", {2, 8, 8}, 4},
      {"dropout 0.25", "dropout", {2, 8, 8}, 0},
      {"leaky_relu", "activation", {2, 8, 8}, 0},
  };
  for (const auto& c : cases) {
    const Built b = build(c.text, image);
    EXPECT_EQ(b.kind, c.kind) << c.text;
    EXPECT_EQ(b.output, c.output) << c.text;
    EXPECT_EQ(b.parameters, c.parameters) << c.text;
  }
}

TEST(LayerSpec, ParsesOptionsInAnyOrderAndTheActivation) {
  const auto spec = parse_layer_spec("  conv 8 5x5   pad=2 dilation=1 stride=3 softplus ");
  EXPECT_EQ(spec.kind, LayerSpec::Kind::conv);
  EXPECT_EQ(spec.size, 8);
  EXPECT_EQ(spec.kernel, (ConvKernel{5, 3, 2, 1}));
  ASSERT_TRUE(spec.activation.has_value());
  EXPECT_EQ(*spec.activation, Activation::softplus);
  EXPECT_FALSE(parse_layer_spec("dense 3").activation.has_value());
  EXPECT_EQ(parse_layer_spec("maxpool 3").kernel.stride, 3) << "pooling stride defaults to K";
}

TEST(LayerSpec, BatchnormIsPerChannelOnImagesAndPerFeatureOnFlatRows) {
  const auto image = build_layer(parse_layer_spec("batchnorm"), {3, 4, 4}, Init{});
  EXPECT_EQ(image.layer->param_specs().front().size(), 3);
  const auto flat = build_layer(parse_layer_spec("batchnorm"), {1, 1, 10}, Init{});
  EXPECT_EQ(flat.layer->param_specs().front().size(), 10);
}

TEST(LayerSpec, MistakesAreNamedWithTheGrammar) {
  using test::expect_error;
  const auto parse = [](const char* text) { return [text] { parse_layer_spec(text); }; };
  expect_error<UsageError>(parse(""), {"layer ''", "it is empty", "conv OUT K"});
  expect_error<UsageError>(parse("convolution 3 3"), {"unknown layer 'convolution'"});
  expect_error<UsageError>(parse("conv 3"), {"'conv 3'", "missing the kernel size"});
  expect_error<UsageError>(parse("conv 0 3"), {"output channels", ">= 1", "'0'"});
  expect_error<UsageError>(parse("conv 4 3x5"), {"square", "'3x5'"});
  expect_error<UsageError>(parse("conv 4 3 stride=0"), {"stride", ">= 1"});
  expect_error<UsageError>(parse("conv 4 3 padding=1"), {"unknown option 'padding=1'", "pad="});
  expect_error<UsageError>(parse("conv 4 3 relu extra"), {"unexpected 'extra' at the end"});
  expect_error<UsageError>(parse("conv 4 3 fast"), {"'fast'", "activation"});
  expect_error<UsageError>(parse("upsample 2 cubic"), {"nearest or bilinear", "'cubic'"});
  expect_error<UsageError>(parse("dropout 1"), {"[0, 1)", "'1'"});
  expect_error<UsageError>(parse("reshape 4x4"), {"CxHxW", "'4x4'"});
  expect_error<UsageError>(parse("maxpool 2 relu"), {"unexpected 'relu'"});
}

TEST(LayerSpec, LayersThatDoNotFitTheirInputAreNamedWithTheShape) {
  using test::expect_error;
  const auto build_on = [](const char* text, Shape shape) {
    return [text, shape] { build_layer(parse_layer_spec(text), shape, Init{}); };
  };
  expect_error<UsageError>(build_on("conv 4 5", {1, 3, 3}), {"'conv 4 5'", "[1, 3, 3]", "larger"});
  expect_error<UsageError>(build_on("maxpool 4", {1, 3, 3}), {"pooling window"});
  expect_error<UsageError>(build_on("reshape 2x2x2", {1, 3, 3}), {"holds 8 values", "9"});
  expect_error<UsageError>(build_on("deconv 2 3 stride=2 outpad=2", {1, 3, 3}), {"outpad", "stride (2)"});
}

// Fuzzing (docs/reliability.md, fuzz/regressions/layer_spec/): sizes whose products overflow 64
// bits were undefined behaviour (Shape::size()) instead of a refusal.
TEST(LayerSpec, SizesTooLargeToCountAreRefused) {
  using test::expect_error;
  expect_error<UsageError>([] { parse_layer_spec("conv 9223372036854775807 2"); },
                           {"output channels", "<= 1048576", "'9223372036854775807'"});
  expect_error<UsageError>([] { parse_layer_spec("conv 4 3 pad=4611686018427387904"); }, {"pad", "<= 1048576"});
  expect_error<UsageError>([] { build_layer(parse_layer_spec("upsample 1048576"), {1, 8, 8}, Init{}); },
                           {"'upsample 1048576'", "[1, 8, 8]", "its output row would hold more than 1099511627776 values"});
  expect_error<UsageError>([] { build_layer(parse_layer_spec("dense 1048576"), {1048576, 1048576, 1}, Init{}); },
                           {"its weights would hold more than"});
}

}  // namespace
}  // namespace aekit::nn
