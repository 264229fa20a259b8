// The GAN model (models/gan/gan.hpp): a conditional GAN's inputs ([z | y] into G, [x | y] into
// D as planes after images for a conv D, as values after the row otherwise), its class-major samples and the errors
// for missing or unknown labels; the model file's config round trip; the state holding batch
// norm's running statistics after the parameters.
#include "aekit/models/gan/gan.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "aekit/error.hpp"
#include "support/expect_error.hpp"

namespace aekit::models {
namespace {

GanConfig conditional_images() {
  GanConfig c;
  c.latent = 2;
  c.classes = 3;
  c.data_shape = {1, 4, 4};
  c.generator_layers = {"dense 16 sigmoid", "reshape 1x4x4"};
  c.discriminator_layers = {"conv 2 3x3 pad=1 leaky_relu", "batchnorm", "dense 1"};
  return c;
}

StateBlock block(const Gan& gan, const std::string& name) {
  const auto layout = gan.state_layout();
  const auto it = std::find_if(layout.begin(), layout.end(), [&](const StateBlock& b) { return b.name == name; });
  EXPECT_NE(it, layout.end()) << name;
  return it == layout.end() ? StateBlock{} : *it;
}

TEST(Gan, AConditionalGanTakesOneHotLabelsIntoBothNetworks) {
  Gan images(conditional_images());
  EXPECT_EQ(block(images, "generator.0.weight").cols, 2 + 3) << "[z | y]";
  EXPECT_EQ(block(images, "discriminator.0.weight").cols, (1 + 3) * 9) << "3 label planes after the image's channel";
  EXPECT_EQ(images.condition_classes(), 3);
  GanConfig dense_first = conditional_images();
  dense_first.discriminator_layers = {"dense 5 leaky_relu", "dense 1"};
  EXPECT_EQ(block(Gan(dense_first), "discriminator.0.weight").cols, 16 + 3)
      << "a dense first layer flattens the image: 3 values after it, not 3 planes";
  EXPECT_EQ(images.decoder(), nullptr) << "a code alone does not make a row";

  GanConfig flat;
  flat.latent = 2;
  flat.classes = 2;
  flat.data_shape = {1, 1, 6};
  flat.generator_layers = {"dense 6 sigmoid"};
  flat.discriminator_layers = {"dense 4 tanh", "dense 1"};
  Gan rows(flat);
  EXPECT_EQ(block(rows, "discriminator.0.weight").cols, 6 + 2) << "2 values after the row";
  flat.classes = 0;
  EXPECT_NE(Gan(flat).decoder(), nullptr);
}

TEST(Gan, ConditionalSamplesComeInClassMajorBlocksAndNeedKnownLabels) {
  Gan gan(conditional_images());
  Rng rng(1);
  gan.initialize(rng);
  const Matrix first = gan.sample(6, rng);
  EXPECT_EQ(first.rows(), 6);
  const std::int32_t classes[] = {0, 0, 1, 1, 2, 2};
  Rng again(2), same(2);
  EXPECT_EQ(Matrix(gan.sample(6, again)), Matrix(gan.sample_classes(classes, same)));
  const Matrix z = Matrix::Zero(2, 2);
  test::expect_error<Error>([&] { gan.generate(z); }, {"a conditional gan needs a class label per row", "0 labels for 2 rows"});
  const std::int32_t unknown[] = {0, 3};
  test::expect_error<Error>([&] { gan.generate(z, unknown); }, {"label 3 of row 1", "classes 0 to 2"});
}

TEST(Gan, TheModelFileKeepsTheConfigAndTheStateHoldsRunningStatistics) {
  GanConfig c = conditional_images();
  c.architecture = GanArchitecture::dcgan;
  Gan gan(c);
  const GanConfig back = GanConfig::from_json(gan.to_json());
  EXPECT_EQ(back.classes, 3);
  EXPECT_EQ(back.architecture, GanArchitecture::dcgan);
  EXPECT_EQ(back.generator_layers, c.generator_layers);
  EXPECT_EQ(back.discriminator_layers, c.discriminator_layers);
  auto older = gan.to_json();  // files written before conditional GANs and DCGANs
  older.erase("classes");
  older.erase("architecture");
  EXPECT_EQ(GanConfig::from_json(older).classes, 0);
  EXPECT_EQ(GanConfig::from_json(older).architecture, GanArchitecture::mlp);

  EXPECT_EQ(block(gan, "discriminator.1.running_mean").cols, 2);
  EXPECT_EQ(gan.state().size(), gan.parameters().values().size() + 4) << "mean and variance of 2 channels";
  Rng rng(3);
  gan.initialize(rng);
  std::vector<float> state = gan.state();
  state.back() = 7;  // the last running variance
  gan.set_state(state);
  EXPECT_EQ(gan.buffers().values()(3), Scalar(7));
}

}  // namespace
}  // namespace aekit::models
