// im2col / col2im: every patch entry is the pixel the formula names (0 in the padding), the
// grid size matches PyTorch's output-size formula, and col2im is the adjoint of im2col:
// <im2col(x), c> = <x, col2im(c)> for any x and c.
#include "aekit/tensor/im2col.hpp"

#include <gtest/gtest.h>

#include "support/random_matrix.hpp"

namespace aekit {
namespace {

const ConvGeometry kGeometries[] = {
    {{1, 5, 5}, {3, 1, 0, 1}},  // plain 3x3
    {{2, 6, 7}, {3, 2, 1, 1}},  // stride 2, padding 1, non-square
    {{3, 7, 6}, {2, 1, 1, 2}},  // dilation 2
    {{1, 4, 4}, {1, 1, 0, 1}},  // 1x1: the identity
};

TEST(Im2col, EveryEntryIsThePixelItNames) {
  for (const auto& g : kGeometries) {
    ASSERT_TRUE(g.valid());
    const auto& k = g.kernel;
    Rng rng(1);
    const Matrix image = test::random_matrix(1, g.image.size(), -1, 1, rng);
    Matrix cols(g.patch_size(), g.positions());
    im2col(g, image.data(), cols);
    for (Index c = 0; c < g.image.c; ++c)
      for (Index i = 0; i < k.size; ++i)
        for (Index j = 0; j < k.size; ++j)
          for (Index oh = 0; oh < g.grid_h(); ++oh)
            for (Index ow = 0; ow < g.grid_w(); ++ow) {
              const Index y = oh * k.stride - k.padding + i * k.dilation;
              const Index x = ow * k.stride - k.padding + j * k.dilation;
              const bool inside = y >= 0 && y < g.image.h && x >= 0 && x < g.image.w;
              const Scalar expected = inside ? image(0, (c * g.image.h + y) * g.image.w + x) : 0;
              EXPECT_EQ(cols((c * k.size + i) * k.size + j, oh * g.grid_w() + ow), expected);
            }
  }
}

TEST(Im2col, GridFollowsTheOutputSizeFormula) {
  // PyTorch: floor((H + 2p - d (k - 1) - 1) / s) + 1.
  EXPECT_EQ((ConvGeometry{{1, 28, 28}, {3, 2, 1, 1}}.grid_h()), 14);
  EXPECT_EQ((ConvGeometry{{1, 28, 28}, {5, 1, 0, 1}}.grid_w()), 24);
  EXPECT_EQ((ConvGeometry{{1, 9, 9}, {3, 1, 0, 3}}.grid_h()), 3);
  EXPECT_FALSE((ConvGeometry{{1, 2, 2}, {5, 1, 0, 1}}.valid())) << "kernel larger than the image";
}

TEST(Col2im, IsTheAdjointOfIm2col) {
  for (const auto& g : kGeometries) {
    Rng rng(2);
    const Matrix x = test::random_matrix(1, g.image.size(), -1, 1, rng);
    const Matrix c = test::random_matrix(g.patch_size(), g.positions(), -1, 1, rng);
    Matrix cols(g.patch_size(), g.positions()), back(1, g.image.size());
    im2col(g, x.data(), cols);
    col2im(g, c, back.data());
    EXPECT_NEAR((cols.array() * c.array()).sum(), (x.array() * back.array()).sum(), 1e-4);
  }
}

// Geometries for the fast kernels' paths: "same" padding with stride 1 (a row is one
// contiguous copy), dilated "same" padding, padding wider than the kernel reaches, stride 3,
// and the layers of the default Fashion-MNIST conv autoencoder.
const ConvGeometry kFastCases[] = {
    {{2, 5, 7}, {3, 1, 1, 1}},   {{1, 6, 6}, {3, 1, 2, 2}},   {{2, 4, 5}, {2, 1, 3, 1}},
    {{1, 10, 8}, {3, 3, 1, 1}},  {{2, 6, 7}, {3, 2, 1, 1}},   {{3, 7, 6}, {2, 1, 1, 2}},
    {{1, 28, 28}, {3, 1, 1, 1}}, {{32, 14, 14}, {3, 2, 1, 1}}, {{16, 28, 28}, {3, 2, 1, 1}},
};

TEST(Im2col, FastKernelsMatchTheReferenceExactly) {
  for (const auto& g : kFastCases) {
    ASSERT_TRUE(g.valid());
    Rng rng(3);
    const Matrix image = test::random_matrix(1, g.image.size(), -1, 1, rng);
    // cols as a block of a wider matrix (a row stride larger than its width) and full of
    // garbage, so every entry must be written.
    Matrix wide = Matrix::Constant(g.patch_size(), g.positions() + 3, Scalar(7));
    Matrix expected(g.patch_size(), g.positions());
    im2col(g, image.data(), wide.leftCols(g.positions()));
    im2col_reference(g, image.data(), expected);
    EXPECT_EQ(Matrix(wide.leftCols(g.positions())), expected);

    const Matrix c = test::random_matrix(g.patch_size(), g.positions(), -1, 1, rng);
    Matrix fast = Matrix::Constant(1, g.image.size(), Scalar(7)), reference(1, g.image.size());
    col2im(g, c, fast.data());
    col2im_reference(g, c, reference.data());
    EXPECT_EQ(fast, reference) << "same sums in the same order";
  }
}

}  // namespace
}  // namespace aekit
