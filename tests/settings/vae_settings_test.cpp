// [vae] (settings/vae_settings.cpp) and the VAE that TrainConfig::vae_config builds: the
// decoder from loss, the fixed variance, beta and warm-up, and the refusals.
#include <gtest/gtest.h>

#include "aekit/error.hpp"
#include "aekit/settings/train_config.hpp"

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

}  // namespace
}  // namespace aekit::train
