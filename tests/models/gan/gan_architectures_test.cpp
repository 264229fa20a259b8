// The GAN's default layer lists (models/gan/gan_architectures.hpp): the mlp GAN for flat and
// image rows, the DCGAN's for images with sizes a multiple of 4 and its refusal of other rows,
// the initializations, and the architectures' names.
#include "aekit/models/gan/gan_architectures.hpp"

#include <gtest/gtest.h>

#include "aekit/error.hpp"
#include "support/expect_error.hpp"

namespace aekit::models {
namespace {

TEST(GanArchitectures, TheMlpGanEndsInTheDatasSizeAndShape) {
  const GanLayers flat = default_gan_layers(GanArchitecture::mlp, {1, 1, 6}, Activation::sigmoid);
  EXPECT_EQ(flat.generator.back(), "dense 6 sigmoid");
  EXPECT_EQ(flat.discriminator.back(), "dense 1");
  const GanLayers images = default_gan_layers(GanArchitecture::mlp, {1, 28, 28}, Activation::tanh);
  EXPECT_EQ(images.generator.back(), "reshape 1x28x28");
  EXPECT_EQ(images.generator[3], "dense 784 tanh");
}

TEST(GanArchitectures, TheDcganNeedsImagesOfSizesAMultipleOfFour) {
  const GanLayers rgb = default_gan_layers(GanArchitecture::dcgan, {3, 32, 16}, Activation::tanh);
  EXPECT_EQ(rgb.generator.front(), "dense 4096") << "128 x 8 x 4";
  EXPECT_EQ(rgb.generator[1], "reshape 128x8x4");
  EXPECT_EQ(rgb.generator.back(), "deconv 3 4 stride=2 pad=1 tanh");
  EXPECT_EQ(rgb.discriminator.front(), "conv 64 4 stride=2 pad=1 leaky_relu_0.2");
  for (const Shape bad : {Shape{1, 1, 784}, Shape{1, 30, 28}, Shape{1, 28, 6}})
    test::expect_error<UsageError>([&] { default_gan_layers(GanArchitecture::dcgan, bad, Activation::tanh); },
                                   {"H and W multiples of 4", "--shape"});
  EXPECT_EQ(default_gan_init(GanArchitecture::dcgan).name(), "normal:0.02");
  EXPECT_EQ(default_gan_init(GanArchitecture::mlp).name(), "glorot");
  EXPECT_EQ(parse_gan_architecture(gan_architecture_name(GanArchitecture::dcgan)), GanArchitecture::dcgan);
  test::expect_error<UsageError>([] { parse_gan_architecture("wgan"); }, {"'wgan'", "mlp or dcgan"});
}

}  // namespace
}  // namespace aekit::models
