// [gan] (settings/gan_settings.cpp): the GAN and its training from the settings, the objective's
// name in reports, and the refusals.
#include <gtest/gtest.h>

#include "aekit/error.hpp"
#include "aekit/settings/train_config.hpp"
#include "support/expect_error.hpp"

namespace aekit::train {
namespace {

TEST(GanSettings, BuildTheGanOfTheRun) {
  auto c = TrainConfig::defaults();
  for (const auto& [name, value] : std::vector<std::pair<const char*, const char*>>{
           {"model", "gan"}, {"latent", "64"}, {"generator_layers", "dense 128 relu, dense 784 sigmoid"},
           {"discriminator_layers", "dense 128 leaky_relu, dense 1"}, {"generator_loss", "minimax"},
           {"d_steps", "5"}, {"d_lr", "0.0004"}})
    c.set(name, value);
  EXPECT_NO_THROW(c.validate());
  EXPECT_EQ(c.gan_model.latent, 64);
  EXPECT_EQ(c.gan_model.generator_layers, (std::vector<std::string>{"dense 128 relu", "dense 784 sigmoid"}));
  EXPECT_EQ(c.gan_model.discriminator_layers, (std::vector<std::string>{"dense 128 leaky_relu", "dense 1"}));
  EXPECT_EQ(c.gan.generator_loss, models::GeneratorLoss::minimax);
  EXPECT_EQ(c.gan.d_steps, 5);
  EXPECT_DOUBLE_EQ(c.gan.discriminator_lr, 0.0004);
  EXPECT_EQ(c.objective_name(), "discriminator loss L_D (minimax generator loss)");
}

TEST(GanSettings, RefuseWhatMakesNoGan) {
  const auto refused = [](const char* name, const char* value, std::initializer_list<std::string_view> phrases) {
    auto c = TrainConfig::defaults();
    c.set("model", "gan");
    test::expect_error<UsageError>(
        [&] {
          c.set(name, value);
          c.validate();
        },
        phrases);
  };
  refused("d_steps", "0", {"d_steps"});
  refused("latent", "0", {"latent"});
  refused("d_lr", "-0.1", {"d_lr"});
  refused("generator_loss", "hinge", {"generator_loss", "hinge"});
  refused("discriminator_layers", "dense 8 relu, dense 1 sigmoid", {"must have no activation", "logit of D(x)"});
  refused("generator_layers", "dense 8 relu, conv", {"generator_layers"});
  refused("beta", "2", {"beta", "not to model gan"});
}

}  // namespace
}  // namespace aekit::train
