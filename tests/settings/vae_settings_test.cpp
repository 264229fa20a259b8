// [vae] (settings/vae_settings.cpp) and the VAE that TrainConfig::vae_config builds: the
// decoder from loss, the fixed variance, beta and warm-up, a conv VAE from layer lists, and the
// refusals.
#include <gtest/gtest.h>

#include "aekit/error.hpp"
#include "aekit/models/vae/vae.hpp"
#include "aekit/settings/train_config.hpp"
#include "support/expect_error.hpp"

namespace aekit::train {
namespace {

TEST(VaeSettings, BuildTheVaeOfTheRun) {
  auto c = TrainConfig::defaults();
  for (const auto& [name, value] : std::vector<std::pair<const char*, const char*>>{
           {"model", "vae"}, {"dims", "784,200,50"}, {"activation", "tanh"}, {"loss", "mse"},
           {"vae_variance", "0.25"}, {"beta", "4"}, {"kl_warmup", "500"}})
    c.set(name, value);
  EXPECT_NO_THROW(c.validate());
  const auto v = c.vae_config();
  EXPECT_EQ(v.dims, (std::vector<Index>{784, 200, 50}));
  EXPECT_EQ(v.hidden, Activation::tanh);
  EXPECT_EQ(v.likelihood, models::VaeLikelihood::gaussian);
  EXPECT_DOUBLE_EQ(v.variance, 0.25);
  EXPECT_FALSE(v.binarize);
  EXPECT_DOUBLE_EQ(c.vae.beta, 4);
  EXPECT_EQ(c.vae.kl_warmup, 500);
  EXPECT_EQ(c.objective_name(), "negative ELBO, gaussian decoder");
  c.set("loss", "bce");
  EXPECT_EQ(c.vae_config().likelihood, models::VaeLikelihood::bernoulli);
}

TEST(VaeSettings, RefuseWhatMakesNoVae) {
  const auto refused = [](std::vector<std::pair<const char*, const char*>> values) {
    auto c = TrainConfig::defaults();
    c.set("model", "vae");
    for (const auto& [name, value] : values) c.set(name, value);
    EXPECT_THROW(c.validate(), UsageError) << values.front().first;
  };
  refused({{"binarize", "true"}, {"loss", "mse"}});
  refused({{"dims", "784,50"}});
  refused({{"vae_variance", "0"}, {"loss", "mse"}});
  refused({{"beta", "-1"}});
  refused({{"kl_warmup", "-5"}});
}

// Layer lists make a conv VAE whose latent size is `code`; the Vae is built for the data's shape.
TEST(VaeSettings, LayerListsBuildAConvVae) {
  auto c = TrainConfig::defaults();
  c.set("model", "vae");
  c.set("code", "8");
  c.set("encoder_layers", "conv 4 3x3 stride=2 pad=1 relu, flatten");
  c.set("decoder_layers", "dense 196 relu, reshape 4x7x7, deconv 1 3x3 stride=2 pad=1 outpad=1");
  EXPECT_NO_THROW(c.validate());
  c.model.input_shape = {1, 14, 14};
  const auto v = c.vae_config();
  EXPECT_TRUE(v.conv());
  EXPECT_EQ(v.dims, (std::vector<Index>{196, 8}));
  const models::Vae model(v);
  EXPECT_EQ(model.latent_size(), 8);
  EXPECT_EQ(model.input_size(), 196);
  EXPECT_EQ(model.dense_decoder(), nullptr);  // conv layers: no plain Dense decoder for the report's explorer
  const auto round_trip = models::VaeConfig::from_json(v.to_json());
  EXPECT_EQ(round_trip.to_json(), v.to_json());
}

TEST(VaeSettings, RefuseConvVaesThatCannotWork) {
  const auto refused = [](std::vector<std::pair<const char*, const char*>> values, std::vector<std::string> phrases) {
    auto c = TrainConfig::defaults();
    c.set("model", "vae");
    for (const auto& [name, value] : values) c.set(name, value);
    test::expect_error<UsageError>([&] { c.validate(); }, phrases);
  };
  const char* encoder = "conv 4 3x3 stride=2 pad=1 relu";
  const char* decoder = "dense 196 relu, reshape 4x7x7, deconv 1 3x3 stride=2 pad=1 outpad=1";
  refused({{"encoder_layers", encoder}}, {"needs both encoder_layers and decoder_layers"});
  refused({{"encoder_layers", "conv 4 3x3 pad=1, batchnorm"}, {"decoder_layers", decoder}},
          {"encoder_layers", "'batchnorm'", "not batchnorm or dropout"});
  refused({{"loss", "bce"}, {"encoder_layers", encoder},
           {"decoder_layers", "dense 196 relu, reshape 4x7x7, deconv 1 3x3 stride=2 pad=1 outpad=1 sigmoid"}},
          {"decoder_layers", "must have no activation", "logits"});
  refused({{"encoder_layers", encoder}, {"decoder_layers", decoder}, {"conditional", "true"}},
          {"conditional = true needs an mlp vae"});
}

// The layers must fit the data's shape and give it back; found when the Vae is built.
TEST(VaeSettings, ConvVaeLayersMustFitTheData) {
  auto c = TrainConfig::defaults();
  c.set("model", "vae");
  c.set("encoder_layers", "conv 4 3x3 stride=2 pad=1 relu");
  c.set("decoder_layers", "dense 196 relu, reshape 4x7x7, deconv 1 3x3 stride=2 pad=1 outpad=1");
  c.model.input_shape = {1, 28, 28};
  test::expect_error<UsageError>([&] { models::Vae model(c.vae_config()); },
                                 {"decoder_layers end in shape [1, 14, 14], expected [1, 28, 28]"});
  c.set("learn_variance", "true");
  c.set("loss", "mse");
  c.model.input_shape = {1, 14, 14};
  test::expect_error<UsageError>([&] { models::Vae model(c.vae_config()); },
                                 {"expected [2, 14, 14]", "means and log variances"});
}

}  // namespace
}  // namespace aekit::train
