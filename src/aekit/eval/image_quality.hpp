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
// MS-SSIM (Wang, Simoncelli, Bovik 2003), per channel, then averaged over the channels:
//   MS-SSIM = prod_{j=1..M} t_j^(w_j / sum_{i<=M} w_i),  w = 0.0448 0.2856 0.3001 0.2363 0.1333
//   t_j = max(0, mean cs at scale j) for j < M,  t_M = max(0, mean SSIM (l * cs) at scale M)
//   (cs = S without its luminance factor; means over the pixels at least 5 from every border)
// Scale 1 is the image, scale j+1 the 2x2 means of scale j (floor(h/2) x floor(w/2): an odd
// last row or column is dropped). M = 5 when the smallest side is at least 176 (scale 5 at
// least 11x11); a smaller image uses the M < 5 scales that are at least 11x11, with the first
// M weights renormalized to sum 1 (M = 1 is SSIM). The max(0, .) keeps powers of negative
// means real (as TensorFlow's ssim_multiscale and pytorch_msssim do).
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

// How many scales MS-SSIM uses on a height x width image: 0..5 (see above).
int ms_ssim_scales(Index height, Index width);

// MS-SSIM of two images of `shape`, in [0, 1], 1 for identical images. Throws aekit::Error
// if a row's length is not shape.size(), the image is smaller than 11x11 or data_range <= 0.
double ms_ssim(const Eigen::Ref<const RowVector>& a, const Eigen::Ref<const RowVector>& b,
               Shape shape, double data_range);

}  // namespace aekit::eval
