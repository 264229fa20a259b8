// Cross-check of the MLP autoencoder against PyTorch (tests/oracle/mlp_oracle.py).
//
// The script writes, for each case, the initial parameters (named as aekit names them), a
// list of batches, the loss and every parameter gradient on the first batch, and the loss
// trace and final parameters of 20 torch.optim.Adam steps. Here the same model is built,
// loaded with the same parameters, and must agree:
//   loss and gradients      |a - b| <= 1e-4 max(|a|, |b|) + 1e-6
//   Adam loss trace         the same, step by step
//   final parameters        |a - b| <= 1e-3 max(|a|, |b|) + 1e-5   (20 steps of drift)
// This is how we know that our math is PyTorch's math. If /usr/bin/python3 or torch is
// missing the test FAILS (it never skips): install python3-torch (scripts/install-deps).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

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
  bool tied;
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

TEST_P(MlpOracle, LossGradientsAndAdamTraceMatchPyTorch) {
  ASSERT_TRUE(script_ok_) << "the PyTorch oracle script failed; it needs /usr/bin/python3 with "
                             "numpy and torch (Debian python3-torch, see scripts/install-deps)\n"
                          << script_report_;
  const OracleCase c = GetParam();
  const std::filesystem::path dir = dir_->path() / c.name;
  ASSERT_TRUE(std::filesystem::is_directory(dir)) << "the script wrote no folder " << dir
                                                  << "\n" << script_report_;

  AutoencoderConfig config;
  config.dims = {20, 12, 4};
  config.hidden = Activation::relu;
  config.code = c.code;
  config.output = Activation::sigmoid;
  config.tied = c.tied;
  Autoencoder model(config);
  auto& params = model.parameters();

  // Load every parameter by name; the script must have written exactly ours.
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".npy" && entry.path().stem().extension() != ".grad" &&
        entry.path().filename() != "batches.npy" && entry.path().filename() != "loss.npy" &&
        entry.path().filename() != "trace.npy")
      ++files;
  EXPECT_EQ(files, params.slices().size()) << "parameter files in " << dir;
  for (const auto& slice : params.slices()) {
    const FloatMatrix value = load(dir / (slice.name + ".npy"));
    ASSERT_EQ(value.size(), slice.rows * slice.cols) << slice.name;
    std::copy(value.data(), value.data() + value.size(), params.values().data() + slice.offset);
  }

  const FloatMatrix batches = load(dir / "batches.npy");
  ASSERT_EQ(batches.rows(), kSteps * kBatch);
  ASSERT_EQ(batches.cols(), 20);
  const Matrix x = batches.cast<Scalar>();

  // Loss and every gradient at the initial values on batch 0.
  Objective objective(c.loss, config.output);
  const double loss = objective.compute_gradients(model, x.topRows(kBatch));
  const FloatMatrix torch_loss = load(dir / "loss.npy");
  ASSERT_EQ(torch_loss.size(), 1);
  const Scalar ours_loss = Scalar(loss);
  double worst_loss = 0, worst_grad = 0, worst_trace = 0, worst_final = 0;
  EXPECT_TRUE(all_close("loss", &ours_loss, torch_loss.data(), 1, 1e-4, 1e-6, worst_loss));
  for (const auto& slice : params.slices()) {
    const FloatMatrix grad = load(dir / (slice.name + ".grad.npy"));
    ASSERT_EQ(grad.size(), slice.rows * slice.cols) << slice.name;
    EXPECT_TRUE(all_close("gradient of " + slice.name, params.grads().data() + slice.offset,
                          grad.data(), grad.size(), 1e-4, 1e-6, worst_grad));
  }

  // 20 Adam steps, batch t at step t, loss recorded before each step.
  optim::OptimizerConfig adam;
  adam.kind = "adam";
  adam.beta1 = 0.9;
  adam.beta2 = 0.999;
  adam.eps = 1e-8;
  auto optimizer = optim::make_optimizer(adam);
  Vector trace(kSteps);
  for (int t = 0; t < kSteps; ++t) {
    trace[t] = Scalar(objective.compute_gradients(model, x.middleRows(t * kBatch, kBatch)));
    optimizer->step(params.values(), params.grads(), 1e-2);
  }
  const FloatMatrix torch_trace = load(dir / "trace.npy");
  ASSERT_EQ(torch_trace.size(), kSteps);
  EXPECT_TRUE(all_close("Adam loss trace", trace.data(), torch_trace.data(), kSteps, 1e-4, 1e-6,
                        worst_trace));
  for (const auto& slice : params.slices()) {
    const FloatMatrix final_value = load(dir / "final" / (slice.name + ".npy"));
    ASSERT_EQ(final_value.size(), slice.rows * slice.cols) << slice.name;
    EXPECT_TRUE(all_close("after 20 Adam steps, " + slice.name,
                          params.values().data() + slice.offset, final_value.data(),
                          final_value.size(), 1e-3, 1e-5, worst_final));
  }
  std::printf("[ oracle   ] %s: largest relative difference to PyTorch: loss %.1e, gradients "
              "%.1e, Adam trace %.1e, final parameters %.1e\n",
              c.name, worst_loss, worst_grad, worst_trace, worst_final);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MlpOracle,
    ::testing::Values(OracleCase{"mse_sigmoid_code", LossKind::mse, Activation::sigmoid, false},
                      OracleCase{"bce_linear_code", LossKind::bce, Activation::identity, false},
                      OracleCase{"mse_tied_tanh_code", LossKind::mse, Activation::tanh, true}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace aekit::models
