// The GAN family (app/gan_family.cpp): a run from the settings, its model shaped by the data, and
// the default generator's last activation following the scaling (sigmoid for [0, 1], tanh for
// [-1, 1]); --model dcgan: Radford et al.'s layers, init and settings, and its refusal of rows
// that are not images.
#include <gtest/gtest.h>

#include "aekit/app/family.hpp"
#include "aekit/models/gan/gan.hpp"
#include "support/expect_error.hpp"
#include "support/random_data.hpp"

namespace aekit::app {
namespace {

std::string started_model(const std::string& scaling) {
  auto c = train::TrainConfig::defaults();
  c.set("model", "gan");
  c.set("latent", "3");
  c.set("scaling", scaling);
  c.validate();
  c.model.input_shape = {1, 1, 6};  // run_training sets it from the training data
  const Matrix x = test::uniform_data(10, 6, 1).cast<Scalar>();
  const auto run = find_family("gan").start(c, {x, {}});
  EXPECT_NE(run->step(), nullptr);
  EXPECT_EQ(run->model().kind(), "gan");
  EXPECT_EQ(run->model().input_size(), 6);
  EXPECT_EQ(run->model().sampler()->latent_size(), 3);
  return run->model().description();
}

TEST(GanFamily, TheDefaultGeneratorEndsInTheDatasRange) {
  EXPECT_NE(started_model("unit").find("dense 6 sigmoid -> [1, 1, 6]"), std::string::npos) << started_model("unit");
  EXPECT_NE(started_model("symmetric").find("dense 6 tanh -> [1, 1, 6]"), std::string::npos)
      << started_model("symmetric");
}

TEST(GanFamily, DcganTakesRadfordsLayersInitAndSettings) {
  auto c = train::TrainConfig::defaults();
  c.set("model", "dcgan");
  c.set("batch", "64");  // set by the user: kept
  c.validate();
  EXPECT_DOUBLE_EQ(c.lr, 0.0002);
  EXPECT_DOUBLE_EQ(c.optimizer.beta1, 0.5);
  EXPECT_EQ(c.batch, 64);
  EXPECT_EQ(c.scaling, "symmetric");
  c.model.input_shape = {1, 8, 12};
  const Matrix x = test::uniform_data(4, 96, 1).cast<Scalar>();
  const auto run = find_family("dcgan").start(c, {x, {}});
  auto& gan = dynamic_cast<models::Gan&>(run->model());
  EXPECT_EQ(gan.config().init.name(), "normal:0.02");
  EXPECT_EQ(gan.config().generator_layers,
            (std::vector<std::string>{"dense 768", "reshape 128x2x3", "batchnorm", "relu", "deconv 64 4 stride=2 pad=1",
                                      "batchnorm", "relu", "deconv 1 4 stride=2 pad=1 tanh"}));
  EXPECT_EQ(gan.config().discriminator_layers,
            (std::vector<std::string>{"conv 64 4 stride=2 pad=1 leaky_relu_0.2", "conv 128 4 stride=2 pad=1",
                                      "batchnorm", "leaky_relu_0.2", "dense 1"}));
  EXPECT_EQ(gan.buffers().list().size(), 6u) << "running mean and variance of 3 batch norm layers";
  EXPECT_EQ(gan.state().size(), gan.parameters().values().size() + std::size_t(gan.buffers().values().size()));

  c.model.input_shape = {1, 1, 96};
  test::expect_error<UsageError>([&] { find_family("dcgan").start(c, {x, {}}); },
                                 {"image rows [C, H, W] with H and W multiples of 4", "[1, 1, 96]", "--shape"});
}

}  // namespace
}  // namespace aekit::app
