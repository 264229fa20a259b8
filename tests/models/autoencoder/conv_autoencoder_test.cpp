// The convolutional autoencoder (models/autoencoder.hpp, architecture conv): the default
// model of lecture 003, layer lists that do not fit, regularizers that make no sense for it,
// train/inference modes, and model files that carry BatchNorm's running statistics.
#include <gtest/gtest.h>

#include "aekit/store/autoencoder_file.hpp"
#include "aekit/store/saved_model.hpp"
#include "aekit/models/autoencoder/objective.hpp"
#include "support/expect_error.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::models {
namespace {

AutoencoderConfig conv_config(Shape shape, std::vector<std::string> encoder = {},
                              std::vector<std::string> decoder = {}) {
  AutoencoderConfig c;
  c.architecture = Architecture::conv;
  c.input_shape = shape;
  c.encoder_layers = std::move(encoder);
  c.decoder_layers = std::move(decoder);
  return c;
}

TEST(ConvAutoencoder, DefaultIsLecture003sModelWithAbout25kParameters) {
  Autoencoder model(conv_config({1, 28, 28}));
  EXPECT_EQ(model.parameters().size(), 23585);
  EXPECT_EQ(model.code_shape(), (Shape{32, 7, 7}));
  EXPECT_EQ(model.code_size(), 32 * 49);
  EXPECT_EQ(model.config().encoder_layers.size(), 4u) << "the defaults are written out";
  Rng rng(1);
  model.initialize(rng);
  const Matrix x = test::uniform_data(5, 784, 3).cast<Scalar>();
  const Matrix y = model.reconstruct(x);
  EXPECT_EQ(y.rows(), 5);
  EXPECT_EQ(y.cols(), 784);
  EXPECT_TRUE((y.array() > 0).all() && (y.array() < 1).all()) << "sigmoid output";
  // The same defaults fit image patches whose sides are multiples of 4, with their channels.
  Autoencoder rgb(conv_config({3, 32, 32}));
  EXPECT_EQ(rgb.code_shape(), (Shape{32, 8, 8}));
}

TEST(ConvAutoencoder, DenoiserPresetIsFullyConvolutionalForAnyPatchSize) {
  auto config = conv_config({1, 30, 17});
  config.conv_preset = ConvPreset::denoiser;
  Autoencoder model(config);
  EXPECT_EQ(model.code_shape(), (Shape{32, 30, 17}));
  EXPECT_EQ(model.parameters().size(), (9 * 32 + 32) + 3 * (32 * 9 * 32 + 32) + (32 * 9 + 1));
}

TEST(ConvAutoencoder, LayerListsThatDoNotFitAreRefusedWithTheShapes) {
  using test::expect_error;
  expect_error<UsageError>([] { Autoencoder m(conv_config({1, 30, 30})); },
                           {"[1, 28, 28]", "[1, 30, 30]", "multiples of 4", "conv_preset denoiser"});
  expect_error<UsageError>(
      [] { Autoencoder m(conv_config({1, 8, 8}, {"conv 2 3 pad=1"}, {"conv 3 3 pad=1"})); },
      {"decoder_layers end in shape [3, 8, 8]", "[1, 8, 8]"});
  expect_error<UsageError>(
      [] { Autoencoder m(conv_config({1, 8, 8}, {"conv 2 9"}, {"conv 1 3 pad=1"})); },
      {"encoder_layers", "'conv 2 9'", "[1, 8, 8]"});
  expect_error<UsageError>(
      [] { Autoencoder m(conv_config({1, 8, 8}, {"conv 2 3 pad=1"}, {"conv 1 3 pad=1 sigmoid"})); },
      {"last layer 'conv 1 3 pad=1 sigmoid' must have no activation", "output_activation"});
  expect_error<UsageError>(
      [] { Autoencoder m(conv_config({1, 8, 8}, {"conv 2 3 pad=1"}, {})); },
      {"both encoder_layers and decoder_layers"});
  expect_error<UsageError>([] { Autoencoder m(conv_config({1, 8, 8}, {"cnv 2 3"}, {"conv 1 3"})); },
                           {"encoder_layers: layer 'cnv 2 3'", "unknown layer"});
}

TEST(ConvAutoencoder, RegularizersThatMakeNoSenseForItAreRefused) {
  using test::expect_error;
  auto tied = conv_config({1, 8, 8});
  tied.tied = true;
  expect_error<UsageError>([&] { tied.validate(); }, {"tied weights need model mlp"});
  auto noisy = conv_config({1, 8, 8}, {"conv 2 3 pad=1 sigmoid"}, {"conv 1 3 pad=1"});
  noisy.code_noise = 1;
  expect_error<UsageError>([&] { noisy.validate(); }, {"code_noise needs a dense code layer"});
  // The presets' encoders end in pooling or a convolution: refused before any layer is built
  // (this used to reach a cast of the pooling layer to Dense and fail an assertion).
  for (const ConvPreset preset : {ConvPreset::convae, ConvPreset::denoiser}) {
    auto preset_noisy = conv_config({1, 8, 8});
    preset_noisy.conv_preset = preset;
    preset_noisy.code_noise = 4;
    expect_error<UsageError>([&] { preset_noisy.validate(); },
                             {"code_noise needs a dense code layer", "conv_preset " + conv_preset_name(preset)});
    expect_error<UsageError>([&] { Autoencoder m(preset_noisy); }, {"code_noise needs a dense code layer"});
  }
  Regularization contractive;
  contractive.contractive.weight = 0.1;
  expect_error<UsageError>([&] { contractive.validate(conv_config({1, 8, 8})); },
                           {"contractive penalty needs model mlp"});
  Regularization kl;
  kl.sparsity = SparsityPenalty::parse("kl:0.05:1");
  expect_error<UsageError>([&] { kl.validate(conv_config({1, 8, 8})); }, {"kl sparsity", "identity"});
  kl.validate(conv_config({1, 8, 8}, {"conv 2 3 pad=1 sigmoid"}, {"conv 1 3 pad=1"}));
  // A dense sigmoid code takes code noise (semantic hashing on a conv encoder).
  auto hashing = conv_config({1, 8, 8}, {"conv 2 3 pad=1 relu", "dense 6 sigmoid"},
                             {"dense 64 relu", "reshape 1x8x8"});
  hashing.code_noise = 2;
  Autoencoder model(hashing);
  Rng rng(3), noise(4);
  model.initialize(rng);
  const Matrix x = test::uniform_data(4, 64, 9).cast<Scalar>();
  const Matrix clean = model.forward_logits(x);
  EXPECT_NE(clean, Matrix(model.forward_logits(x, &noise))) << "code noise is on in training";
  EXPECT_EQ(clean, Matrix(model.forward_logits(x))) << "and off in inference";
}

TEST(ConvAutoencoder, DropoutAndBatchNormTrainInForwardLogitsAndInferInEncode) {
  Autoencoder model(conv_config({1, 8, 8}, {"conv 3 3 pad=1", "batchnorm", "relu", "dropout 0.5"},
                                {"conv 1 3 pad=1"}));
  Rng rng(3), noise(5);
  model.initialize(rng);
  const Matrix x = test::uniform_data(6, 64, 2).cast<Scalar>();
  const Matrix first = model.reconstruct(x);
  EXPECT_EQ(first, Matrix(model.reconstruct(x))) << "inference is deterministic";
  const Vector before = model.buffer_values();
  model.forward_logits(x, &noise);
  EXPECT_NE(before, model.buffer_values()) << "training updates the running statistics";
  EXPECT_EQ(model.buffers().size(), 2u);
  EXPECT_EQ(model.buffers()[0].name, "encoder.1.running_mean");
}

TEST(ConvAutoencoder, ModelFileRoundTripKeepsLayersParametersAndRunningStatistics) {
  test::TempDir dir;
  Autoencoder model(conv_config({2, 8, 8}, {"conv 3 3 pad=1", "batchnorm", "relu", "maxpool 2"},
                                {"deconv 4 3 stride=2 pad=1 outpad=1", "batchnorm", "tanh",
                                 "conv 2 3 pad=1"}));
  Rng rng(3), noise(5);
  model.initialize(rng);
  const Matrix x = test::uniform_data(6, 128, 2).cast<Scalar>();
  for (int i = 0; i < 3; ++i) model.forward_logits(x, &noise);  // move the statistics
  store::save_model(dir / "conv.aek", model, data::Scaling(), {2, 8, 8});
  const auto saved = store::load_autoencoder(dir / "conv.aek");
  EXPECT_EQ(saved.model->config().to_json(), model.config().to_json());
  EXPECT_EQ(saved.model->buffer_values(), model.buffer_values());
  EXPECT_EQ(Matrix(saved.model->reconstruct(x)), Matrix(model.reconstruct(x)));
  // every parameter, then the 4 running statistics of the two BatchNorm layers
  EXPECT_EQ(saved.header["state"].size(), model.parameters().slices().size() + 4);
  EXPECT_EQ(saved.header["model"]["architecture"], "conv");
}

TEST(ConvAutoencoder, MlpFilesWithoutAnArchitectureStillLoad) {
  AutoencoderConfig mlp;
  mlp.dims = {6, 3};
  nlohmann::json json = mlp.to_json();
  EXPECT_EQ(json["architecture"], "mlp");
  json.erase("architecture");
  EXPECT_EQ(AutoencoderConfig::from_json(json).to_json(), mlp.to_json());
}

}  // namespace
}  // namespace aekit::models
