// Cross-check of the convolutional autoencoder against PyTorch (tests/oracle/conv_oracle.py).
//
// The script writes each case's model as aekit layer-list texts (config.json) and builds the
// same network from them with torch.nn; here the model is built from that config, loaded
// with the script's initial parameters, and must match (oracle/oracle_support.hpp):
// objective and gradients on batch 0, the objective over 20 Adam steps, the parameters after
// them, and also the BatchNorm running statistics after the steps (model buffers) and the
// reconstruction of batch 0 in inference mode. The cases cover every layer of
// nn/layer_spec.hpp but dropout (its mask cannot be reproduced), with mse, bce, l1 and kl.
// If /usr/bin/python3 or torch is missing the test FAILS (it never skips).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "aekit/models/autoencoder/objective.hpp"
#include "oracle/oracle_support.hpp"
#include "support/test_support.hpp"

namespace aekit::models {
namespace {

constexpr Index kBatch = 8;
constexpr int kSteps = 20;

class ConvOracle : public ::testing::TestWithParam<const char*> {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<test::TempDir>();
    script_ = test::run_oracle_script("conv_oracle.py", dir_->path());
  }
  static void TearDownTestSuite() { dir_.reset(); }

  static std::unique_ptr<test::TempDir> dir_;
  static test::ScriptRun script_;
};

std::unique_ptr<test::TempDir> ConvOracle::dir_;
test::ScriptRun ConvOracle::script_;

TEST_P(ConvOracle, LossGradientsAdamTraceBuffersAndInferenceMatchPyTorch) {
  ASSERT_TRUE(script_.ok) << "the PyTorch oracle script failed; it needs /usr/bin/python3 with "
                             "numpy and torch (Debian python3-torch, see scripts/install-deps)\n"
                          << script_.report;
  const std::filesystem::path dir = dir_->path() / GetParam();
  ASSERT_TRUE(std::filesystem::is_directory(dir)) << "the script wrote no folder " << dir
                                                  << "\n" << script_.report;
  const auto json = nlohmann::json::parse(std::ifstream(dir / "config.json"));
  AutoencoderConfig config;
  config.architecture = Architecture::conv;
  const auto shape = json.at("input_shape").get<std::vector<Index>>();
  config.input_shape = {shape.at(0), shape.at(1), shape.at(2)};
  config.encoder_layers = json.at("encoder_layers").get<std::vector<std::string>>();
  config.decoder_layers = json.at("decoder_layers").get<std::vector<std::string>>();
  config.output = Activation::sigmoid;
  Autoencoder model(config);

  const Matrix x = test::load_npy(dir / "batches.npy").cast<Scalar>();
  ASSERT_EQ(x.rows(), kSteps * kBatch);
  ASSERT_EQ(x.cols(), config.input_shape.size());
  Regularization regularization;
  regularization.sparsity = SparsityPenalty::parse(json.at("sparsity").get<std::string>());
  regularization.validate(config);
  Objective objective(parse_loss(json.at("loss").get<std::string>()), config.output,
                      regularization);
  // Training mode (BatchNorm batch statistics) needs a training Rng; nothing here draws from it.
  Rng training(7);
  const auto objective_at = [&](Index t) {
    return objective.compute_gradients(model, x.middleRows(t * kBatch, kBatch), &training);
  };
  const auto worst = test::expect_matches_pytorch(model, dir, kSteps, 1e-2, objective_at);

  double worst_buffer = 0;
  for (const auto& buffer : model.buffers()) {
    const FloatMatrix theirs = test::load_npy(dir / "buffers" / (buffer.name + ".npy"));
    ASSERT_EQ(theirs.size(), Index(buffer.values.size())) << buffer.name;
    EXPECT_TRUE(test::all_close("buffer " + buffer.name, buffer.values.data(), theirs.data(),
                                theirs.size(), 1e-3, 1e-4, worst_buffer));
  }
  const FloatMatrix inference = test::load_npy(dir / "inference.npy");
  const Matrix ours = model.reconstruct(x.topRows(kBatch));
  double worst_inference = 0;
  ASSERT_EQ(inference.size(), ours.size());
  EXPECT_TRUE(test::all_close("inference reconstruction", ours.data(), inference.data(),
                              ours.size(), 1e-3, 1e-5, worst_inference));
  std::printf("[ oracle   ] %s: %lld parameters, %zu buffers; largest relative difference to "
              "PyTorch: objective %.1e, gradients %.1e, Adam trace %.1e, final parameters %.1e, "
              "running statistics %.1e, inference %.1e\n",
              GetParam(), static_cast<long long>(model.parameters().size()),
              model.buffers().size(), worst.objective, worst.gradients, worst.trace,
              worst.final_parameters, worst_buffer, worst_inference);
}

INSTANTIATE_TEST_SUITE_P(Cases, ConvOracle,
                         ::testing::Values("conv_pool_deconv_mse", "batchnorm_dense_code_bce",
                                           "l1_feature_maps"),
                         [](const auto& info) { return std::string(info.param); });

}  // namespace
}  // namespace aekit::models
