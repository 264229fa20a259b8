#pragma once
// The rate of quantized latents under a factorized logistic prior: each of M channels has
// its own logistic density, location mu_c and scale s_c = exp(l_c), convolved with the
// quantization bin [y - delta/2, y + delta/2]:
//   p(y) = sigmoid(a) - sigmoid(b),   a = (y + delta/2 - mu_c) / s_c,  b = (y - delta/2 - mu_c) / s_c
// y[N, M*P] is channel-major (channel c holds columns c*P .. c*P + P - 1; P positions).
// Forward:   bits[n] = sum_{c,p} -log2 max(p(y[n, cP + p]), kMinBinProbability)
// Backward,  g = dbits[n] * -1 / (max(p, kMin) ln 2)   (the floor keeps the gradient finite and
//            always pushes p up, as CompressAI's lower bound does), sigma'(t) = sigma(t) sigma(-t):
//   dy     += g (sigma'(a) - sigma'(b)) / s_c
//   dmu_c  += -g (sigma'(a) - sigma'(b)) / s_c
//   dl_c   += -g (a sigma'(a) - b sigma'(b))
// p is evaluated on the side of mu where both sigmoids are small (sigmoid(-b) - sigmoid(-a)
// above mu), in double, so far tails keep their digits.
// Threads: none (a few exp per latent, next to convolutions that cost thousands of multiply-adds
// per latent); each loop is its own reference.
#include <span>

#include "aekit/tensor/matrix.hpp"

namespace aekit {

inline constexpr double kMinBinProbability = 1e-9;

// p(y) for one value: the probability of the bin of width delta around y.
double logistic_bin_probability(double y, double delta, double mu, double log_scale);

// bits[N, 1]; returns their sum.
double logistic_rate_forward(ConstMatrixRef y, std::span<const Scalar> mu, std::span<const Scalar> log_scale,
                             double delta, MatrixRef bits);
// Accumulates into dy[N, M*P], dmu[M] and dlog_scale[M].
void logistic_rate_backward(ConstMatrixRef y, std::span<const Scalar> mu, std::span<const Scalar> log_scale,
                            double delta, ConstMatrixRef dbits, MatrixRef dy, std::span<Scalar> dmu,
                            std::span<Scalar> dlog_scale);

}  // namespace aekit
