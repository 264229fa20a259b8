#pragma once
// How much the encoder f = f_k o ... o f_1 stretches its input: ||J_f(x)||_F per sample,
// with f_l(u) = s_l(u W_l^T + b_l) and g_l = s_l'(a_l) taken from each layer's output:
//
//   J_f(x) = diag(g_k) W_k ... diag(g_1) W_1            [K, D]
//
// One layer: ||J||_F^2 = sum_j g_j^2 sum_i W_ji^2 (closed form, models/contractive.hpp).
// Deeper encoders: the product is formed per sample (cost K*H*D each), in parallel over rows.
// Rifai et al. (2011) report this norm averaged over test data: 0.73e-4 for a CAE vs
// 17.5e-4 for a plain autoencoder on MNIST.
#include "aekit/models/autoencoder/autoencoder.hpp"

namespace aekit::models {

// Mean of ||J_f(x_n)||_F over the rows of x[N,D], in chunks of `batch` rows.
double mean_jacobian_frobenius(Autoencoder& model, ConstMatrixRef x, Index batch = 512);

}  // namespace aekit::models
