// Cross-check of the classifier and its hybrid objective against PyTorch
// (tests/oracle/classifier_oracle.py): for the same parameters, rows and labels, the three
// losses (total, cross-entropy, reconstruction) and every parameter's gradient after one
// ClassifierStep, then the parameters after 10 Adam steps on the same batch (aekit's two
// groups, each with its own Adam, against one torch.optim.Adam over all of them: the update
// is per entry, so they are the same). Every row is labelled here (R = X); the rows drawn
// from an unlabelled pool are checked in C++ (classifier_step_grad_test, classifier_step_test).
// If /usr/bin/python3 or torch is missing the test FAILS (it never skips).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "aekit/models/classifier/classifier_step.hpp"
#include "oracle/oracle_support.hpp"
#include "support/step_contexts.hpp"
#include "support/test_support.hpp"

namespace aekit::models {
namespace {

struct ClassifierCase {
  const char* name;  // the script's case name
  std::vector<Index> dims;
  Activation hidden, code;
  LossKind loss;
  double alpha;
};
void PrintTo(const ClassifierCase& c, std::ostream* os) { *os << c.name; }

class ClassifierOracle : public ::testing::TestWithParam<ClassifierCase> {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<test::TempDir>();
    script_ = test::run_oracle_script("classifier_oracle.py", dir_->path());
  }
  static void TearDownTestSuite() { dir_.reset(); }

  static std::unique_ptr<test::TempDir> dir_;
  static test::ScriptRun script_;
};

std::unique_ptr<test::TempDir> ClassifierOracle::dir_;
test::ScriptRun ClassifierOracle::script_;

TEST_P(ClassifierOracle, LossesGradientsAndAdamStepsMatchPyTorch) {
  ASSERT_TRUE(script_.ok) << "the PyTorch oracle script failed; it needs /usr/bin/python3 with numpy and torch "
                             "(Debian python3-torch, see scripts/install-deps)\n" << script_.report;
  const ClassifierCase c = GetParam();
  const std::filesystem::path dir = dir_->path() / c.name;
  AutoencoderConfig config;
  config.dims = c.dims;
  config.hidden = c.hidden;
  config.code = c.code;
  EncoderClassifier model(config, 4, c.alpha > 0);
  nn::Parameters& autoencoder = model.autoencoder().parameters();
  nn::Parameters& head = model.head_parameters();
  ASSERT_TRUE(test::load_parameters(autoencoder, dir / "initial"));
  ASSERT_TRUE(test::load_parameters(head, dir / "initial" / "head"));
  const Matrix x = test::load_npy(dir / "x.npy").cast<Scalar>();
  const FloatMatrix label_values = test::load_npy(dir / "labels.npy");
  std::vector<int> labels;
  for (Index i = 0; i < label_values.size(); ++i) labels.push_back(int(label_values.data()[i]));
  ASSERT_EQ(Index(labels.size()), x.rows());

  optim::OptimizerConfig adam;  // betas 0.9 / 0.999, eps 1e-8, as the script's
  ClassifierStep step(model, adam, 1e-2, {c.alpha, c.loss, {}});
  std::vector<double> losses(step.loss_names().size());
  test::OptimizerContext first(1);
  test::GradientsOnlyContext gradients_only(1);
  step.step({x, labels}, gradients_only, losses);

  const FloatMatrix expected_losses = test::load_npy(dir / "loss.npy");
  const std::vector<Scalar> ours(losses.begin(), losses.end());  // 3 losses, or the cross-entropy alone
  double worst = 0;
  EXPECT_TRUE(test::all_close("losses", ours.data(), expected_losses.data(), Index(ours.size()), 1e-4, 1e-6, worst));
  std::vector<FloatMatrix> grad_autoencoder, grad_head, final_autoencoder, final_head;
  ASSERT_TRUE(test::read_parameters(autoencoder, dir / "grad", grad_autoencoder));
  ASSERT_TRUE(test::read_parameters(head, dir / "grad" / "head", grad_head));
  double worst_gradient = 0;
  test::expect_slices_close("gradient", autoencoder, autoencoder.grads(), grad_autoencoder, 1e-4, 1e-6, worst_gradient);
  test::expect_slices_close("gradient", head, head.grads(), grad_head, 1e-4, 1e-6, worst_gradient);

  for (int t = 0; t < 10; ++t) step.step({x, labels}, first, losses);
  ASSERT_TRUE(test::read_parameters(autoencoder, dir / "final", final_autoencoder));
  ASSERT_TRUE(test::read_parameters(head, dir / "final" / "head", final_head));
  double worst_final = 0;
  test::expect_slices_close("final", autoencoder, autoencoder.values(), final_autoencoder, 1e-3, 1e-4, worst_final);
  test::expect_slices_close("final", head, head.values(), final_head, 1e-3, 1e-4, worst_final);
  std::printf("[ oracle   ] %s: largest relative difference to PyTorch: losses %.1e, gradients %.1e, "
              "parameters after 10 Adam steps %.1e\n", c.name, worst, worst_gradient, worst_final);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ClassifierOracle,
    ::testing::Values(
        ClassifierCase{"supervised_sigmoid", {12, 8, 5}, Activation::sigmoid, Activation::sigmoid, LossKind::bce, 0.0},
        ClassifierCase{"hybrid_bce", {12, 8, 5}, Activation::sigmoid, Activation::sigmoid, LossKind::bce, 0.5},
        ClassifierCase{"hybrid_mse_relu", {12, 9, 6}, Activation::relu, Activation::identity, LossKind::mse, 2.0}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace aekit::models
