#pragma once
// Training data for sparse coding on images (lecture 002): square patches cut at random
// places of random images, then contrast-normalized one by one.
//
//   random_patches   patch r is the size x size window of image i_r with top-left pixel
//                    (y_r, x_r), drawn from rng in that order: i_r uniform in [0, N),
//                    y_r in [0, H - size], x_r in [0, W - size]. A window whose std (over its
//                    C*size*size values, population) is below min_std is drawn again, so
//                    flat background does not crowd out the strokes. Rows are channel-major
//                    like the images:
//                      patch[r, k*s*s + y*s + x] = image[i_r, k*H*W + (y_r + y)*W + (x_r + x)]
//   standardize_rows each row minus its mean, divided by its std (population): mean 0, std 1
//                    per patch; a constant row becomes zeros.
// bench/sklearn_dictionary.py cuts the bench's patches in Python (it divides by one global
// std instead).
#include "aekit/tensor/matrix.hpp"
#include "aekit/tensor/rng.hpp"

namespace aekit::data {

// The most draws per requested patch before random_patches gives up.
inline constexpr Index kPatchDrawsPerPatch = 1000;

// images[N, C*H*W] of `shape` -> [count, C*size*size]. Throws aekit::UsageError if size is not
// in [1, min(H, W)], count < 1, min_std < 0 or images.cols() != shape.size(), and
// aekit::Error if kPatchDrawsPerPatch * count draws find fewer than count windows with
// std >= min_std.
FloatMatrix random_patches(const FloatMatrix& images, Shape shape, Index size, Index count,
                           float min_std, Rng& rng);

void standardize_rows(FloatMatrix& rows);

}  // namespace aekit::data
