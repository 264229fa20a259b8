// The learned codec model: its shapes, its quality ladder (steps ~1.41x apart, CompressAI's
// lambdas), a model rebuilt for another tile size sharing its values, its state round-tripping, and its settings' errors.
#include "aekit/models/codec/learned_codec.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "aekit/error.hpp"
#include "support/expect_error.hpp"

namespace aekit::models {
namespace {

LearnedCodecConfig small_config(Shape shape) {
  LearnedCodecConfig config;
  config.input_shape = shape;
  config.filters = 4;
  config.latent_channels = 3;
  return config;
}

TEST(LearnedCodec, ShapesAndQualityLadder) {
  LearnedCodec codec(small_config({3, 32, 48}));
  EXPECT_EQ(codec.latent_shape(), (Shape{3, 2, 3}));
  EXPECT_EQ(codec.code_size(), 18);
  EXPECT_EQ(codec.config().qualities(), 8);
  for (int q = 2; q <= 8; ++q) {
    EXPECT_NEAR(codec.config().step(q - 1) / codec.config().step(q), std::sqrt(2.0), 1e-12);
    EXPECT_GT(codec.config().lambda(q), codec.config().lambda(q - 1));
  }
  EXPECT_NEAR(codec.config().step(1) * codec.config().step(8), 1, 1e-12);  // centred on 1
}

TEST(LearnedCodec, AnotherInputShapeComputesTheSameFunction) {
  LearnedCodec codec(small_config({1, 16, 16}));
  Rng rng(2);
  codec.initialize(rng);
  auto wide = codec.with_input_shape({1, 16, 32});
  EXPECT_EQ(wide->state(), codec.state());
  Matrix small(1, 256), twice(1, 512);
  Rng pixels(5);
  for (Index i = 0; i < small.size(); ++i) small.data()[i] = Scalar(pixels.uniform());
  twice.setZero();
  EXPECT_EQ(wide->reconstruct(twice).cols(), 512);
  // Back to the first shape: the same function as the original, bit for bit.
  auto back = wide->with_input_shape({1, 16, 16});
  EXPECT_EQ(Matrix(back->reconstruct(small)), Matrix(codec.reconstruct(small)));
}

TEST(LearnedCodec, StateRoundTripsAndJsonRebuildsTheConfig) {
  LearnedCodec codec(small_config({3, 16, 16}));
  Rng rng(3);
  codec.initialize(rng);
  const auto json = codec.to_json();
  EXPECT_EQ(json.at("kind"), "codec");
  LearnedCodec copy(LearnedCodecConfig::from_json(json));
  copy.set_state(codec.state());
  Matrix x(2, codec.input_size());
  x.setConstant(0.25f);
  x(1, 5) = 0.9f;
  EXPECT_EQ(Matrix(copy.reconstruct(x)), Matrix(codec.reconstruct(x)));
  EXPECT_EQ(Matrix(copy.encode(x)), Matrix(codec.encode(x)));
}

TEST(LearnedCodec, RefusesImpossibleSettings) {
  auto config = small_config({3, 20, 16});
  test::expect_error<UsageError>([&] { LearnedCodec{config}; }, {"multiple", "16", "20"});
  config = small_config({2, 16, 16});
  test::expect_error<UsageError>([&] { LearnedCodec{config}; }, {"channels", "2"});
  config = small_config({1, 16, 16});
  config.filters = 0;
  test::expect_error<UsageError>([&] { LearnedCodec{config}; }, {"filters"});
  config = small_config({1, 16, 16});
  config.lambdas = {0.01, -1};
  test::expect_error<UsageError>([&] { LearnedCodec{config}; }, {"lambda"});
  test::expect_error<UsageError>([] { parse_codec_quantization("dither"); }, {"straight_through", "dither"});
}

}  // namespace
}  // namespace aekit::models
