// Cross-check of the MLP autoencoder and its Objective against PyTorch
// (tests/oracle/mlp_oracle.py).
//
// The script writes, for each case, the initial parameters (named as aekit names them), a
// list of batches, the objective and every parameter gradient on the first batch, and the
// objective's trace and final parameters over 20 torch.optim.Adam steps. Here the same model
// and Objective are built, loaded with the same parameters, and must agree within the
// tolerances of oracle/oracle_support.hpp.
// The cases: mse and bce, untied and tied, and every regularizer of the Objective:
//   sparsity     l1 on a ReLU code, kl on a sigmoid code
//   contractive  one-layer encoders (sigmoid; tanh, tied), where the penalty is lambda/N
//                sum_n ||J_f(x_n)||_F^2 of the whole encoder, and a two-layer encoder
//                (20,10,6) where aekit penalizes the FIRST layer's Jacobian dh1/dx only, and
//                so does the script. The script takes J by autograd, not by our closed form.
//   denoising    aekit's noise stream cannot be reproduced in PyTorch: the script masks the
//                inputs itself (noisy.npy), and both sides score the reconstruction of the
//                same x~ against the clean x, here by Objective::compute_gradients(model,
//                x~, x), the step compute_gradients(model, x, noise) takes with x~ = C(x).
// Code noise (AutoencoderConfig::code_noise) is drawn inside the model and is left out here;
// tests/models/objective_grad_test.cpp checks its gradient by finite differences.
// This is how we know that our math is PyTorch's math. If /usr/bin/python3 or torch is
// missing the test FAILS (it never skips): install python3-torch (scripts/install-deps).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "aekit/models/autoencoder/objective.hpp"
#include "oracle/oracle_support.hpp"
#include "support/test_support.hpp"

namespace aekit::models {
namespace {

constexpr Index kMlpBatch = 16;
constexpr int kMlpSteps = 20;

struct OracleCase {
  const char* name;  // the script's case name (its output folder)
  LossKind loss;
  Activation code;
  bool tied = false;
  std::vector<Index> dims = {20, 12, 4};
  Activation hidden = Activation::relu;
  const char* sparsity = "none";  // SparsityPenalty::parse text
  double contractive = 0;         // lambda
  bool denoising = false;         // inputs noisy.npy, targets batches.npy
};
void PrintTo(const OracleCase& c, std::ostream* os) { *os << c.name; }

// Runs the script once for all cases; every test reads its own case's folder.
class MlpOracle : public ::testing::TestWithParam<OracleCase> {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<test::TempDir>();
    script_ = test::run_oracle_script("mlp_oracle.py", dir_->path());
  }
  static void TearDownTestSuite() { dir_.reset(); }

  static std::unique_ptr<test::TempDir> dir_;
  static test::ScriptRun script_;
};

std::unique_ptr<test::TempDir> MlpOracle::dir_;
test::ScriptRun MlpOracle::script_;

TEST_P(MlpOracle, LossGradientsAndAdamTraceMatchPyTorch) {
  ASSERT_TRUE(script_.ok) << "the PyTorch oracle script failed; it needs /usr/bin/python3 with "
                             "numpy and torch (Debian python3-torch, see scripts/install-deps)\n"
                          << script_.report;
  const OracleCase c = GetParam();
  const std::filesystem::path dir = dir_->path() / c.name;
  ASSERT_TRUE(std::filesystem::is_directory(dir)) << "the script wrote no folder " << dir
                                                  << "\n" << script_.report;

  AutoencoderConfig config;
  config.dims = c.dims;
  config.hidden = c.hidden;
  config.code = c.code;
  config.output = Activation::sigmoid;
  config.tied = c.tied;
  Autoencoder model(config);

  const Matrix x = test::load_npy(dir / "batches.npy").cast<Scalar>();  // clean [kMlpSteps * kMlpBatch, D]
  ASSERT_EQ(x.rows(), kMlpSteps * kMlpBatch);
  ASSERT_EQ(x.cols(), config.dims.front());
  const Matrix noisy = c.denoising ? Matrix(test::load_npy(dir / "noisy.npy").cast<Scalar>()) : Matrix();
  if (c.denoising) {
    ASSERT_EQ(noisy.rows(), x.rows());
    ASSERT_EQ(noisy.cols(), x.cols());
  }

  Regularization regularization;
  regularization.sparsity = SparsityPenalty::parse(c.sparsity);
  regularization.contractive.weight = c.contractive;
  regularization.validate(config);
  Objective objective(c.loss, config.output, regularization);
  // The objective and gradients on batch t: the model sees noisy batch t when denoising, and
  // its reconstruction is scored against clean batch t.
  const auto objective_at = [&](Index t) {
    const auto rows = [t](const Matrix& m) { return m.middleRows(t * kMlpBatch, kMlpBatch); };
    return c.denoising ? objective.compute_gradients(model, rows(noisy), rows(x))
                       : objective.compute_gradients(model, rows(x));
  };
  const auto worst = test::expect_matches_pytorch(model, dir, kMlpSteps, 1e-2, objective_at);
  std::printf("[ oracle   ] %s: largest relative difference to PyTorch: objective %.1e, "
              "gradients %.1e, Adam trace %.1e, final parameters %.1e\n",
              c.name, worst.objective, worst.gradients, worst.trace, worst.final_parameters);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MlpOracle,
    ::testing::Values(
        OracleCase{.name = "mse_sigmoid_code", .loss = LossKind::mse, .code = Activation::sigmoid},
        OracleCase{.name = "bce_linear_code", .loss = LossKind::bce, .code = Activation::identity},
        OracleCase{.name = "mse_tied_tanh_code", .loss = LossKind::mse, .code = Activation::tanh,
                   .tied = true},
        OracleCase{.name = "l1_relu_code", .loss = LossKind::mse, .code = Activation::relu,
                   .sparsity = "l1:0.05"},
        OracleCase{.name = "kl_sigmoid_code", .loss = LossKind::bce, .code = Activation::sigmoid,
                   .sparsity = "kl:0.1:0.2"},
        OracleCase{.name = "contractive_sigmoid", .loss = LossKind::mse,
                   .code = Activation::sigmoid, .dims = {20, 8}, .contractive = 0.5},
        OracleCase{.name = "contractive_tied_tanh", .loss = LossKind::mse, .code = Activation::tanh,
                   .tied = true, .dims = {20, 8}, .contractive = 0.05},
        OracleCase{.name = "contractive_two_layers", .loss = LossKind::bce,
                   .code = Activation::sigmoid, .dims = {20, 10, 6},
                   .hidden = Activation::sigmoid, .contractive = 0.5},
        OracleCase{.name = "denoising_mask", .loss = LossKind::bce, .code = Activation::sigmoid,
                   .denoising = true}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace aekit::models
