// The GAN family (app/gan_family.cpp): a run from the settings, its model shaped by the data, and
// the default generator's last activation following the scaling (sigmoid for [0, 1], tanh for
// [-1, 1]).
#include <gtest/gtest.h>

#include "aekit/app/family.hpp"
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

}  // namespace
}  // namespace aekit::app
