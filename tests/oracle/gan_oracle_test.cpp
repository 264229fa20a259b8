// Cross-check of the GAN step against PyTorch (tests/oracle/gan_oracle.py): for the same
// generator and discriminator (layer texts built by both), real rows and noise, one
// discriminator step (L_D and every discriminator gradient), one Adam step of D, then one
// generator step on fresh noise (L_G through the updated D and every generator gradient) and
// one Adam step of G, with separate learning rates; then every parameter. An mlp GAN with the
// non-saturating loss, a small conv GAN with the lecture's minimax loss, a small DCGAN (batch
// norm in training mode, leaky ReLU of slope 0.2), a conditional conv GAN (labels as planes
// after the image) and an InfoGAN (L_G + lambda L_I into G and the Q head). If
// /usr/bin/python3 or torch is missing the test FAILS (it never skips).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "aekit/models/gan/gan_step.hpp"
#include "oracle/oracle_support.hpp"
#include "support/test_support.hpp"

namespace aekit::models {
namespace {

namespace fs = std::filesystem;

class GanOracle : public ::testing::TestWithParam<const char*> {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<test::TempDir>();
    script_ = test::run_oracle_script("gan_oracle.py", dir_->path());
  }
  static void TearDownTestSuite() { dir_.reset(); }

  static std::unique_ptr<test::TempDir> dir_;
  static test::ScriptRun script_;
};

std::unique_ptr<test::TempDir> GanOracle::dir_;
test::ScriptRun GanOracle::script_;

// The slices of `params` whose names start with `prefix`, against folder/<name>.npy.
void expect_part_close(const std::string& what, const nn::Parameters& params, std::span<const Scalar> ours,
                       const fs::path& folder, const std::string& prefix, double& worst) {
  int compared = 0;
  for (const auto& slice : params.slices()) {
    if (slice.name.rfind(prefix, 0) != 0) continue;
    const FloatMatrix theirs = test::load_npy(folder / (slice.name + ".npy"));
    ASSERT_EQ(theirs.size(), slice.rows * slice.cols) << slice.name;
    EXPECT_TRUE(test::all_close(what + slice.name, ours.data() + slice.offset, theirs.data(), theirs.size(), 1e-4,
                                1e-5, worst));
    ++compared;
  }
  EXPECT_GT(compared, 0) << "no parameter named " << prefix << "*";
}

TEST_P(GanOracle, OneDiscriminatorAndOneGeneratorStepMatchPyTorch) {
  ASSERT_TRUE(script_.ok) << "the PyTorch oracle script failed; it needs /usr/bin/python3 with numpy and torch "
                             "(Debian python3-torch, see scripts/install-deps)\n" << script_.report;
  const fs::path dir = dir_->path() / GetParam();
  const auto c = nlohmann::json::parse(std::ifstream(dir / "config.json"));
  GanConfig config;
  config.latent = c["latent"].get<Index>();
  const auto shape = c["data_shape"].get<std::vector<Index>>();
  config.data_shape = {shape[0], shape[1], shape[2]};
  config.generator_layers = c["generator_layers"].get<std::vector<std::string>>();
  config.discriminator_layers = c["discriminator_layers"].get<std::vector<std::string>>();
  config.classes = c.value("classes", Index(0));
  config.categorical = c.value("categorical", Index(0));
  config.continuous = c.value("continuous", Index(0));
  Gan model(config);
  Rng noise(1);
  model.set_training(&noise);  // batch norm: the batch's statistics, as torch's train mode
  nn::Parameters& params = model.parameters();
  ASSERT_TRUE(test::load_parameters(params, dir / "initial"));
  const Matrix x = test::load_npy(dir / "x.npy").cast<Scalar>(), z_d = test::load_npy(dir / "z_d.npy").cast<Scalar>(),
               z_g = test::load_npy(dir / "z_g.npy").cast<Scalar>();
  GanStep step(model, optim::OptimizerConfig{}, 0.005,
               {parse_generator_loss(c["loss"].get<std::string>()), 1, /*discriminator_lr=*/0.01,
                c.value("info_weight", 1.0)});
  const auto labels = [&](const char* name) {
    std::vector<std::int32_t> y;
    if (!model.conditional()) return y;
    const FloatMatrix values = test::load_npy(dir / name);
    for (Index i = 0; i < values.size(); ++i) y.push_back(std::int32_t(values.data()[i]));
    return y;
  };
  const auto y = labels("y.npy"), y_d = labels("y_d.npy"), y_g = labels("y_g.npy");
  auto& generator = step.groups()[0];
  auto& discriminator = step.groups()[1];

  double worst_loss = 0, worst_d = 0, worst_g = 0, worst_final = 0;
  std::vector<double> losses(step.loss_names().size());
  step.discriminator_gradients(x, z_d, losses, y, y_d);
  const Scalar d_loss = Scalar(losses[0]);
  EXPECT_TRUE(test::all_close("d_loss", &d_loss, test::load_npy(dir / "d_loss.npy").data(), 1, 1e-5, 1e-6, worst_loss));
  expect_part_close("d gradient ", params, params.grads(), dir / "d_grad", "discriminator.", worst_d);
  discriminator.optimizer->step(discriminator.values, discriminator.grads, discriminator.learning_rate);

  const Scalar g_loss = Scalar(step.generator_gradients(z_g, y_g));
  EXPECT_TRUE(test::all_close("g_loss", &g_loss, test::load_npy(dir / "g_loss.npy").data(), 1, 1e-5, 1e-6, worst_loss));
  expect_part_close("g gradient ", params, params.grads(), dir / "g_grad", "generator.", worst_g);
  if (model.info_gan()) expect_part_close("q gradient ", params, params.grads(), dir / "g_grad", "q.", worst_g);
  generator.optimizer->step(generator.values, generator.grads, generator.learning_rate);

  std::vector<FloatMatrix> final_values;
  ASSERT_TRUE(test::read_parameters(params, dir / "final", final_values));
  test::expect_slices_close("final ", params, params.values(), final_values, 1e-3, 1e-4, worst_final);
  std::printf("[ oracle   ] %s: largest relative difference to PyTorch: losses %.1e, D gradients %.1e, "
              "G gradients %.1e, parameters after the two Adam steps %.1e\n",
              GetParam(), worst_loss, worst_d, worst_g, worst_final);
}

INSTANTIATE_TEST_SUITE_P(Cases, GanOracle, ::testing::Values("mlp_non_saturating", "conv_minimax", "dcgan_non_saturating",
                                                               "conditional_conv", "infogan"),
                         [](const auto& info) { return std::string(info.param); });

}  // namespace
}  // namespace aekit::models
