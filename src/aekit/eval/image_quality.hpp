#pragma once
// How close a restored image is to the clean one, on rows of C*H*W values (Shape{C,H,W}).
//
// PSNR = 10 log10(R^2 / MSE), MSE = mean over all C*H*W values of (a - b)^2, R = data range
//        (1 for [0,1] images); +infinity when the images are equal.
// SSIM (Wang, Bovik, Sheikh, Simoncelli 2004), as skimage.metrics.structural_similarity with
//        gaussian_weights=True, use_sample_covariance=False, data_range=R, channel_axis=C:
//   mu_a = G * a, mu_b = G * b,   var_a = G * a^2 - mu_a^2,   cov = G * ab - mu_a mu_b
//   S = (2 mu_a mu_b + C1)(2 cov + C2) / ((mu_a^2 + mu_b^2 + C1)(var_a + var_b + C2))
//   C1 = (0.01 R)^2, C2 = (0.03 R)^2
// G is the 11x11 Gaussian window, sigma 1.5 (scipy's gaussian_filter, truncate 3.5): a 1-D
// filter w[k] ~ exp(-k^2 / 4.5), k = -5..5, sum 1, along y then x, mirrored at the borders
// (reflect: ... b a | a b ... ). SSIM is the mean of S over the pixels at least 5 from every
// border, averaged over the channels; images must be at least 11x11.
#include "aekit/tensor/matrix.hpp"

namespace aekit::eval {

// PSNR in dB of `restored` against `clean` (rows of equal length). Throws aekit::Error for
// different lengths, an empty row or data_range <= 0.
double psnr(const Eigen::Ref<const RowVector>& clean, const Eigen::Ref<const RowVector>& restored,
            double data_range);

// Mean SSIM of two images of `shape`, in [-1, 1], 1 for identical images. Throws aekit::Error
// if a row's length is not shape.size(), the image is smaller than 11x11 or data_range <= 0.
double ssim(const Eigen::Ref<const RowVector>& a, const Eigen::Ref<const RowVector>& b,
            Shape shape, double data_range);

}  // namespace aekit::eval
