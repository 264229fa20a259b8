// Gradient-norm clipping as torch.nn.utils.clip_grad_norm_.
#include "aekit/optim/clip.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace aekit::optim {
namespace {

TEST(ClipGradientNorm, ScalesDownToMaxNormAndReturnsTheNormBefore) {
  std::vector<Scalar> g = {3, 4};  // ||g|| = 5
  EXPECT_DOUBLE_EQ(clip_gradient_norm(g, 1.0), 5.0);
  // g * 1 / (5 + 1e-6)
  EXPECT_NEAR(g[0], 0.6, 1e-6);
  EXPECT_NEAR(g[1], 0.8, 1e-6);
  EXPECT_LE(std::hypot(double(g[0]), double(g[1])), 1.0);
  EXPECT_NEAR(clip_gradient_norm(g, 0), 1.0, 1e-6);  // the new norm
}

TEST(ClipGradientNorm, UntouchedAtOrBelowMaxNormOrWhenDisabled) {
  std::vector<Scalar> g = {3, 4, 0};
  EXPECT_DOUBLE_EQ(clip_gradient_norm(g, 10.0), 5.0);
  EXPECT_EQ(g, (std::vector<Scalar>{3, 4, 0}));
  EXPECT_DOUBLE_EQ(clip_gradient_norm(g, 5.0), 5.0);  // exactly at the limit: not scaled
  EXPECT_EQ(g, (std::vector<Scalar>{3, 4, 0}));
  EXPECT_DOUBLE_EQ(clip_gradient_norm(g, 0.0), 5.0);  // 0 disables clipping
  EXPECT_DOUBLE_EQ(clip_gradient_norm(g, -1.0), 5.0);
  EXPECT_EQ(g, (std::vector<Scalar>{3, 4, 0}));
  std::vector<Scalar> zeros(7, 0);
  EXPECT_DOUBLE_EQ(clip_gradient_norm(zeros, 1.0), 0.0);
  EXPECT_EQ(zeros, std::vector<Scalar>(7, 0));
}

TEST(ClipGradientNorm, LongVector) {
  std::vector<Scalar> g(10000, 0.5f);  // norm = 0.5 * 100 = 50
  EXPECT_NEAR(clip_gradient_norm(g, 2.0), 50.0, 1e-4);
  for (const Scalar x : g) ASSERT_NEAR(x, 0.02, 1e-7);  // 0.5 * 2 / 50
}

// ----------------------------------------------------------------------- validation

// Expects config.validate() (and make_optimizer) to throw a UsageError whose message

}  // namespace
}  // namespace aekit::optim
