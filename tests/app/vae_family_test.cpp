// The VAE family (app/vae_family.cpp): a run from the settings, its model's shape and decoder
// from [autoencoder]'s dims and loss, and data outside [0, 1] refused for a Bernoulli decoder.
#include <gtest/gtest.h>

#include "aekit/app/family.hpp"
#include "aekit/error.hpp"
#include "support/random_data.hpp"

namespace aekit::app {
namespace {

train::TrainConfig vae_config(const std::string& loss, const std::string& binarize) {
  auto c = train::TrainConfig::defaults();
  c.set("model", "vae");
  c.set("dims", "6,5,2");
  c.set("loss", loss);
  c.set("binarize", binarize);
  c.validate();
  return c;
}

TEST(VaeFamily, StartsTheVaeOfItsSettings) {
  const Matrix x = test::uniform_data(10, 6, 1).cast<Scalar>();
  const auto run = find_family("vae").start(vae_config("bce", "true"), {x, {}});
  EXPECT_NE(run->step(), nullptr);
  EXPECT_EQ(run->model().kind(), "vae");
  EXPECT_EQ(run->model().encoder()->code_size(), 2);
  EXPECT_TRUE(run->model().likelihood()->binarized_inputs());
  EXPECT_NE(run->model().description().find("bernoulli"), std::string::npos);
  const auto gaussian = find_family("vae").start(vae_config("mse", "false"), {x.array() * 4, {}});
  EXPECT_NE(gaussian->model().description().find("gaussian"), std::string::npos);
}

TEST(VaeFamily, ABernoulliDecoderNeedsDataInTheUnitInterval) {
  const Matrix outside = test::uniform_data(10, 6, 1).cast<Scalar>().array() * 4;
  EXPECT_THROW(find_family("vae").start(vae_config("bce", "false"), {outside, {}}), UsageError);
  EXPECT_THROW(find_family("vae").start(vae_config("bce", "true"), {outside, {}}), UsageError);
}

}  // namespace
}  // namespace aekit::app
