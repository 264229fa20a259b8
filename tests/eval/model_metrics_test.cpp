// What `aekit eval` and each run report (eval/model_metrics.hpp): the reconstruction scores
// agree with evaluate_reconstruction (and the squared error per row with its definition), the code statistics with the codes themselves, the
// denoising fields appear only with a corruption, and the same seed gives the same noise.
#include "aekit/eval/model_metrics.hpp"

#include <gtest/gtest.h>

#include "aekit/models/autoencoder/jacobian.hpp"
#include "support/random_data.hpp"

namespace aekit::eval {
namespace {

class ModelMetricsTest : public ::testing::Test {
 protected:
  ModelMetricsTest() : model_(config()), x_(test::manifold_data(300, 20, 1)) {
    Rng rng(2);
    model_.initialize(rng);
  }
  static models::AutoencoderConfig config() {
    models::AutoencoderConfig c;
    c.dims = {20, 12, 5};
    c.code = Activation::relu;
    return c;
  }
  models::Autoencoder model_;
  Matrix x_;
};

TEST_F(ModelMetricsTest, CleanScoresCodeStatisticsAndJacobian) {
  const ModelMetrics m = measure_model(model_, x_);
  const auto direct = models::evaluate_reconstruction(model_, x_);
  EXPECT_DOUBLE_EQ(m.reconstruction.mse, direct.mse);
  EXPECT_DOUBLE_EQ(m.reconstruction.bce, direct.bce);
  const Matrix codes = model_.encode(x_);
  const auto stats = models::code_statistics(codes);
  ASSERT_TRUE(m.code.has_value());
  EXPECT_EQ(m.code->entries, 300 * 5);
  EXPECT_EQ(m.code->zeros, stats.zeros);
  EXPECT_NEAR(m.code->mean_activation(), stats.mean_activation(), 1e-6);
  ASSERT_TRUE(m.jacobian_fro.has_value());
  EXPECT_NEAR(*m.jacobian_fro, models::mean_jacobian_frobenius(model_, x_), 1e-9);
  EXPECT_FALSE(m.denoising.has_value());
  const auto json = m.to_json();
  EXPECT_EQ(json.at("n"), 300);
  // Hinton & Salakhutdinov's measure: the squared error summed over a row, mean over rows.
  // The reference sums in double; the metric sums floats (loss::mse per batch), which round
  // to about 1e-6 of the sum in an order each compiler vectorizes its own way.
  const double per_row = (model_.reconstruct(x_) - x_).cast<double>().rowwise().squaredNorm().mean();
  EXPECT_NEAR(json.at("squared_error_per_row").get<double>(), per_row, 1e-5 * per_row);
  EXPECT_FALSE(json.contains("denoised_mse"));
  EXPECT_EQ(json.at("code").at("activation"), "relu");
  for (const char* key : {"mean_activation", "zero_fraction"})
    EXPECT_TRUE(json.at("code").contains(key)) << key;
  EXPECT_FALSE(json.at("code").contains("binary_fraction")) << "near 0 or 1 means nothing for relu";
}

// Each activation gets the statistics that mean something for it, in the JSON and the line.
TEST(CodeSummary, FitsTheCodesActivation) {
  ModelMetrics m;
  m.code = models::code_statistics(Matrix{{0.0f, 0.95f, 0.5f, -0.97f}});
  m.code_activation = Activation::relu;
  EXPECT_EQ(code_summary(m), "code (relu): mean 0.1200, exact zeros 25.0%");
  m.code_activation = Activation::sigmoid;
  EXPECT_EQ(code_summary(m), "code (sigmoid): mean 0.1200, exact zeros 25.0%, near 0 or 1 (< 0.1 or > 0.9) 75.0%");
  EXPECT_DOUBLE_EQ(m.to_json().at("code").at("binary_fraction").get<double>(), 0.75);
  m.code_activation = Activation::tanh;
  EXPECT_EQ(code_summary(m), "code (tanh): mean 0.1200, exact zeros 25.0%, saturated (|h| > 0.9) 50.0%");
  EXPECT_FALSE(m.to_json().at("code").contains("binary_fraction"));
  EXPECT_DOUBLE_EQ(m.to_json().at("code").at("saturated_fraction").get<double>(), 0.5);
  m.code = models::code_statistics(Matrix{{1.0f, -1.0f, 3.0f, -3.0f}});
  m.code_activation = Activation::identity;
  EXPECT_EQ(code_summary(m), "code (identity): mean 0.0000, std 2.2361");
  EXPECT_NEAR(m.to_json().at("code").at("std").get<double>(), std::sqrt(5.0), 1e-12);
  EXPECT_EQ(code_summary(ModelMetrics{}), "") << "no encoder, no line";
}

TEST_F(ModelMetricsTest, CorruptionAddsDenoisingScoresFromASeededDraw) {
  const auto uniform = models::Corruption::parse("uniform:0.3");
  const ModelMetrics a = measure_model(model_, x_, uniform, 5);
  const ModelMetrics b = measure_model(model_, x_, uniform, 5);
  const ModelMetrics c = measure_model(model_, x_, uniform, 6);
  ASSERT_TRUE(a.denoising.has_value());
  EXPECT_EQ(a.corruption, "uniform:0.3");
  EXPECT_NEAR(a.noisy_mse, 0.3 * 0.3 / 3, 0.003) << "U(-a, a) has variance a^2/3";
  EXPECT_EQ(a.denoising->mse, b.denoising->mse) << "same seed, same noise";
  EXPECT_NE(a.denoising->mse, c.denoising->mse) << "another seed, other noise";
  EXPECT_NE(a.denoising->mse, a.reconstruction.mse);
  const auto json = a.to_json();
  EXPECT_EQ(json.at("noise"), "uniform:0.3");
  EXPECT_DOUBLE_EQ(json.at("denoised_mse").get<double>(), a.denoising->mse);
}

}  // namespace
}  // namespace aekit::eval
