// Cross-check of the MLP autoencoder and its Objective against PyTorch
// (tests/oracle/mlp_oracle.py).
//
// The script writes, for each case, the initial parameters (named as aekit names them), a
// list of batches, the objective and every parameter gradient on the first batch, and the
// objective's trace and final parameters over 20 torch.optim.Adam steps. Here the same model
// and Objective are built, loaded with the same parameters, and must agree:
//   objective and gradients  |a - b| <= 1e-4 max(|a|, |b|) + 1e-6
//   Adam trace               the same, step by step
//   final parameters         |a - b| <= 1e-3 max(|a|, |b|) + 1e-5   (20 steps of drift)
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

#include "aekit/data/npy.hpp"
#include "aekit/models/objective.hpp"
#include "aekit/optim/optimizer.hpp"
#include "support/test_support.hpp"

namespace aekit::models {
namespace {

constexpr Index kBatch = 16;
constexpr int kSteps = 20;

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
    const std::string command = std::string(AEKIT_PYTHON) + " " + AEKIT_SOURCE_DIR +
                                "/tests/oracle/mlp_oracle.py " + dir_->path().string();
    const auto result = test::run_command(command);
    script_ok_ = result.exit_code == 0;
    script_report_ = "command: " + command + "\nexit code: " + std::to_string(result.exit_code) +
                     "\noutput:\n" + result.output;
  }
  static void TearDownTestSuite() { dir_.reset(); }

  static std::unique_ptr<test::TempDir> dir_;
  static bool script_ok_;
  static std::string script_report_;
};

std::unique_ptr<test::TempDir> MlpOracle::dir_;
bool MlpOracle::script_ok_ = false;
std::string MlpOracle::script_report_;

FloatMatrix load(const std::filesystem::path& path) { return data::read_npy(path).x; }

// Reads folder/<name>.npy for every slice of `params`, in slice order, into `out`; fails
// unless the folder holds exactly those files, each of its slice's size.
::testing::AssertionResult read_parameters(const nn::Parameters& params,
                                           const std::filesystem::path& folder,
                                           std::vector<FloatMatrix>& out) {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    files += entry.path().extension() == ".npy";
  if (files != params.slices().size())
    return ::testing::AssertionFailure() << folder << " holds " << files
                                         << " parameter files, the model has "
                                         << params.slices().size() << " parameters";
  out.clear();
  for (const auto& slice : params.slices()) {
    out.push_back(load(folder / (slice.name + ".npy")));
    if (out.back().size() != slice.rows * slice.cols)
      return ::testing::AssertionFailure() << folder << ": " << slice.name << " has "
                                           << out.back().size() << " entries, expected "
                                           << slice.rows * slice.cols;
  }
  return ::testing::AssertionSuccess();
}

// Counts and reports entries of `ours` that differ from `theirs` beyond rtol/atol; `worst`
// collects the largest relative difference seen, for the summary line.
::testing::AssertionResult all_close(const std::string& what, const Scalar* ours,
                                     const float* theirs, Index n, double rtol, double atol,
                                     double& worst) {
  Index bad = 0;
  std::string report;
  for (Index i = 0; i < n; ++i) {
    const double a = ours[i], b = theirs[i];
    const double scale = std::max(std::abs(a), std::abs(b));
    const double diff = std::abs(a - b);
    if (scale > 0) worst = std::max(worst, diff / scale);
    if (!(diff <= rtol * scale + atol)) {
      if (bad++ < 5)
        report += "\n  [" + std::to_string(i) + "] aekit " + std::to_string(a) + "  torch " +
                  std::to_string(b) + "  (|diff| " + std::to_string(diff) + ")";
    }
  }
  if (bad == 0) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << what << ": " << bad << " of " << n
                                       << " entries differ from PyTorch" << report;
}

// all_close for each parameter slice of the flat array `ours` (values or gradients) against
// the script's arrays, in slice order.
void expect_slices_close(const std::string& what, const nn::Parameters& params,
                         std::span<const Scalar> ours, const std::vector<FloatMatrix>& theirs,
                         double rtol, double atol, double& worst) {
  for (std::size_t i = 0; i < theirs.size(); ++i) {
    const nn::NamedSlice& slice = params.slices()[i];
    EXPECT_TRUE(all_close(what + slice.name, ours.data() + slice.offset, theirs[i].data(),
                          theirs[i].size(), rtol, atol, worst));
  }
}

TEST_P(MlpOracle, LossGradientsAndAdamTraceMatchPyTorch) {
  ASSERT_TRUE(script_ok_) << "the PyTorch oracle script failed; it needs /usr/bin/python3 with "
                             "numpy and torch (Debian python3-torch, see scripts/install-deps)\n"
                          << script_report_;
  const OracleCase c = GetParam();
  const std::filesystem::path dir = dir_->path() / c.name;
  ASSERT_TRUE(std::filesystem::is_directory(dir)) << "the script wrote no folder " << dir
                                                  << "\n" << script_report_;

  AutoencoderConfig config;
  config.dims = c.dims;
  config.hidden = c.hidden;
  config.code = c.code;
  config.output = Activation::sigmoid;
  config.tied = c.tied;
  Autoencoder model(config);
  auto& params = model.parameters();
  std::vector<FloatMatrix> initial, grads, finals;
  ASSERT_TRUE(read_parameters(params, dir / "initial", initial));
  ASSERT_TRUE(read_parameters(params, dir / "grad", grads));
  ASSERT_TRUE(read_parameters(params, dir / "final", finals));
  for (std::size_t i = 0; i < initial.size(); ++i)
    std::copy(initial[i].data(), initial[i].data() + initial[i].size(),
              params.values().data() + params.slices()[i].offset);

  const Matrix x = load(dir / "batches.npy").cast<Scalar>();  // clean [kSteps * kBatch, D]
  ASSERT_EQ(x.rows(), kSteps * kBatch);
  ASSERT_EQ(x.cols(), config.dims.front());
  const Matrix noisy = c.denoising ? Matrix(load(dir / "noisy.npy").cast<Scalar>()) : Matrix();
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
  const auto compute_gradients = [&](Index t) {
    const auto rows = [t](const Matrix& m) { return m.middleRows(t * kBatch, kBatch); };
    return c.denoising ? objective.compute_gradients(model, rows(noisy), rows(x))
                       : objective.compute_gradients(model, rows(x));
  };

  // Objective and every gradient at the initial values on batch 0.
  const Scalar ours_loss = Scalar(compute_gradients(0));
  const FloatMatrix torch_loss = load(dir / "loss.npy");
  ASSERT_EQ(torch_loss.size(), 1);
  double worst_loss = 0, worst_grad = 0, worst_trace = 0, worst_final = 0;
  EXPECT_TRUE(all_close("objective", &ours_loss, torch_loss.data(), 1, 1e-4, 1e-6, worst_loss));
  expect_slices_close("gradient of ", params, params.grads(), grads, 1e-4, 1e-6, worst_grad);

  // 20 Adam steps, batch t at step t, objective recorded before each step.
  optim::OptimizerConfig adam;
  adam.kind = "adam";
  adam.beta1 = 0.9;
  adam.beta2 = 0.999;
  adam.eps = 1e-8;
  auto optimizer = optim::make_optimizer(adam);
  Vector trace(kSteps);
  for (int t = 0; t < kSteps; ++t) {
    trace[t] = Scalar(compute_gradients(t));
    optimizer->step(params.values(), params.grads(), 1e-2);
  }
  const FloatMatrix torch_trace = load(dir / "trace.npy");
  ASSERT_EQ(torch_trace.size(), kSteps);
  EXPECT_TRUE(all_close("Adam trace of the objective", trace.data(), torch_trace.data(), kSteps,
                        1e-4, 1e-6, worst_trace));
  expect_slices_close("after 20 Adam steps, ", params, params.values(), finals, 1e-3, 1e-5,
                      worst_final);
  std::printf("[ oracle   ] %s: largest relative difference to PyTorch: objective %.1e, "
              "gradients %.1e, Adam trace %.1e, final parameters %.1e\n",
              c.name, worst_loss, worst_grad, worst_trace, worst_final);
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
