// Upsample against PyTorch's nn.Upsample(scale_factor=2, align_corners=False) on a 2x2 image,
// and its config.
#include "aekit/nn/upsample.hpp"

#include <gtest/gtest.h>

namespace aekit::nn {
namespace {

Matrix two_by_two() { return (Matrix(1, 4) << 1, 2, 3, 4).finished(); }

TEST(Upsample, NearestRepeatsPixels) {
  Upsample layer({1, 2, 2}, 2, UpsampleMode::nearest);
  Matrix expected(1, 16);
  expected << 1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4;
  EXPECT_EQ(Matrix(layer.forward(two_by_two())), expected);
}

TEST(Upsample, BilinearMatchesPyTorch) {
  Upsample layer({1, 2, 2}, 2, UpsampleMode::bilinear);
  Matrix expected(1, 16);
  expected << 1.0, 1.25, 1.75, 2.0,
              1.5, 1.75, 2.25, 2.5,
              2.5, 2.75, 3.25, 3.5,
              3.0, 3.25, 3.75, 4.0;
  EXPECT_LT((layer.forward(two_by_two()) - expected).cwiseAbs().maxCoeff(), 1e-6);
}

TEST(Upsample, ConfigDescribesTheLayer) {
  const Upsample layer({3, 4, 5}, 3, UpsampleMode::bilinear);
  EXPECT_EQ(layer.output_shape(), (Shape{3, 12, 15}));
  EXPECT_EQ(layer.config(), (nlohmann::json{{"kind", "upsample"}, {"input", {3, 4, 5}},
                                            {"scale", 3}, {"mode", "bilinear"}}));
}

}  // namespace
}  // namespace aekit::nn
