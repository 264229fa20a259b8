// An autoencoder's decoder as plain Dense layers (models/capabilities/dense_decoder.hpp): the
// layer list's forward pass, computed here with Eigen, gives the model's own decode (mlp, tied
// or not, every output activation) and a VAE's; models whose decoder has other layers offer none.
#include <gtest/gtest.h>

#include "aekit/models/autoencoder/autoencoder.hpp"
#include "aekit/models/linear/pca_model.hpp"
#include "aekit/models/vae/vae.hpp"
#include "support/random_data.hpp"

namespace aekit::models {
namespace {

// x^ = f_out(f_L(... f_1(h W_1^T + b_1) ...)), one layer after another.
FloatMatrix forward(const DenseChain& chain, FloatMatrix a) {
  for (const auto& layer : chain.layers) {
    FloatMatrix next = a * layer.weight.transpose();
    add_bias_and_activate(layer.activation, next, layer.bias);
    a = std::move(next);
  }
  add_bias_and_activate(chain.output, a, FloatMatrix());
  return a;
}

struct Case {
  std::vector<Index> dims;
  bool tied;
  Activation hidden, output;
};

class DenseDecoderOfAnMlp : public ::testing::TestWithParam<Case> {};

TEST_P(DenseDecoderOfAnMlp, RunsLikeTheModelsDecode) {
  const Case& c = GetParam();
  AutoencoderConfig config;
  config.dims = c.dims;
  config.tied = c.tied;
  config.hidden = c.hidden;
  config.output = c.output;
  Autoencoder model(config);
  Rng rng(5);
  model.initialize(rng);
  // Biases are zero at initialization: give them values so a misplaced one shows.
  auto values = model.parameters().values();
  for (const auto& slice : model.parameters().slices())
    if (slice.name.ends_with("bias"))
      for (Index i = 0; i < slice.rows * slice.cols; ++i)
        values[slice.offset + i] = Scalar(0.1) * Scalar(i % 7) - Scalar(0.3);

  const DenseDecoder* decoder = model.dense_decoder();
  ASSERT_NE(decoder, nullptr);
  const DenseChain chain = decoder->dense_layers();
  ASSERT_EQ(chain.layers.size(), c.dims.size() - 1);
  EXPECT_EQ(chain.layers.front().weight.cols(), c.dims.back());   // takes the code
  EXPECT_EQ(chain.layers.back().weight.rows(), c.dims.front());   // gives a data row
  EXPECT_EQ(chain.output, c.output);

  const FloatMatrix codes = test::uniform_data(5, c.dims.back(), 9).array() * 2 - 1;
  const FloatMatrix expected = model.decode(codes).cast<float>();
  const FloatMatrix got = forward(chain, codes);
  ASSERT_EQ(got.rows(), expected.rows());
  ASSERT_EQ(got.cols(), expected.cols());
  EXPECT_LE((got - expected).cwiseAbs().maxCoeff(), 1e-5f * std::max(1.0f, expected.cwiseAbs().maxCoeff()));
}

INSTANTIATE_TEST_SUITE_P(
    MlpDecoders, DenseDecoderOfAnMlp,
    ::testing::Values(Case{{12, 3}, false, Activation::relu, Activation::sigmoid},
                      Case{{12, 8, 3}, false, Activation::relu, Activation::sigmoid},
                      Case{{12, 8, 5, 3}, true, Activation::tanh, Activation::identity},
                      Case{{12, 8, 3}, true, Activation::leaky_relu, Activation::tanh},
                      Case{{12, 8, 3}, false, Activation::softplus, Activation::relu}));

TEST(DenseDecoder, AVaesDecoderRunsLikeItsDecode) {
  for (const auto likelihood : {VaeLikelihood::bernoulli, VaeLikelihood::gaussian}) {
    VaeConfig config;
    config.dims = {12, 8, 6, 3};
    config.likelihood = likelihood;
    Vae model(config);
    Rng rng(6);
    model.initialize(rng);
    const DenseChain chain = model.dense_decoder()->dense_layers();
    ASSERT_EQ(chain.layers.size(), 3u);
    EXPECT_EQ(chain.output, likelihood == VaeLikelihood::bernoulli ? Activation::sigmoid : Activation::identity);
    const FloatMatrix codes = test::uniform_data(4, 3, 2).array() * 2 - 1;
    const FloatMatrix expected = model.decode(codes.cast<Scalar>()).cast<float>();
    EXPECT_LE((forward(chain, codes) - expected).cwiseAbs().maxCoeff(), 1e-5f);
  }
}

TEST(DenseDecoder, AConvDecoderOrAPcaHasNone) {
  AutoencoderConfig config;
  config.architecture = Architecture::conv;
  config.input_shape = {1, 8, 8};
  config.encoder_layers = {"conv 4 3x3 pad=1 relu"};
  config.decoder_layers = {"conv 1 3x3 pad=1"};
  const Autoencoder conv(config);
  EXPECT_EQ(conv.dense_decoder(), nullptr);
  const PcaModel pca(Pca::fit(test::uniform_data(20, 6, 1).cast<Scalar>(), 2));
  EXPECT_EQ(pca.dense_decoder(), nullptr);
}

}  // namespace
}  // namespace aekit::models
