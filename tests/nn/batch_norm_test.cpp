// BatchNorm: training normalizes each channel of the batch to mean beta and deviation gamma,
// updates the running statistics like PyTorch (momentum 0.1, unbiased variance), and
// inference uses them.
#include "aekit/nn/batch_norm.hpp"

#include <gtest/gtest.h>

#include "aekit/nn/parameters.hpp"
#include "support/random_data.hpp"

namespace aekit::nn {
namespace {

TEST(BatchNorm, TrainingNormalizesEachChannelAndTracksRunningStatistics) {
  BatchNorm norm(2, 3);  // 2 channels of 3 values
  Parameters params;
  params.allocate_and_bind({{"bn", &norm}});
  Rng rng(1);
  norm.initialize(rng);
  Matrix x = test::uniform_data(8, 6, 2);
  x.middleCols(3, 3).array() = x.middleCols(3, 3).array() * 10 + 5;  // channel 1: other scale
  norm.set_training(&rng);
  const Matrix y = norm.forward(x);
  for (Index c = 0; c < 2; ++c) {
    const auto block = y.middleCols(c * 3, 3).array();
    const double mean = block.mean();
    EXPECT_NEAR(mean, 0, 1e-5);
    EXPECT_NEAR((block - Scalar(mean)).square().mean(), 1, 1e-3);  // eps = 1e-5
    const auto xb = x.middleCols(c * 3, 3).array();
    const double xm = xb.mean(), var_unbiased = (xb - Scalar(xm)).square().sum() / 23.0;
    EXPECT_NEAR(norm.running_mean()[c], 0.1 * xm, 1e-5);
    EXPECT_NEAR(norm.running_var()[c], 0.9 + 0.1 * var_unbiased, 1e-4);
  }
  norm.set_training(nullptr);
  const Matrix inference = norm.forward(x);
  const double expected = (x(0, 0) - norm.running_mean()[0]) / std::sqrt(norm.running_var()[0] + 1e-5);
  EXPECT_NEAR(inference(0, 0), expected, 1e-5);
  EXPECT_EQ(norm.config().at("per_channel"), 3);
}

}  // namespace
}  // namespace aekit::nn
