#pragma once
// InfoGAN's mutual-information term (Chen et al. 2016) on the auxiliary head Q of the
// discriminator. The generator's code is c = [z | one-hot(k) | u] [N, Z + K + M]: noise
// z ~ N(0, I), a categorical code k uniform over 0..K-1 and continuous codes u ~ U(-1, 1)^M.
// Q maps a generated row to q[N, K + M] = [logits of k | means of u], and the variational lower
// bound on I(c; G(c)) is maximized by minimizing
//   L_I = 1/N sum_n [ -log softmax(q_n[0..K))_{k_n}  +  1/2 ||q_n[K..K+M) - u_n||^2 ]
// (a categorical posterior and a Gaussian of unit variance), whose gradient is
//   dL_I/dq_n = [ softmax(q_n[0..K)) - one-hot(k_n)  |  q_n[K..) - u_n ] / N.
// codes: the generator's input c; q: Q's output for G(c).
#include "aekit/tensor/matrix.hpp"
#include "aekit/tensor/rng.hpp"

namespace aekit::models {

struct InfoCodes {
  Index noise = 0, categorical = 0, continuous = 0;  // Z, K, M
  Index width() const { return noise + categorical + continuous; }
  bool any() const { return categorical + continuous > 0; }
};

double info_loss(const InfoCodes& codes, ConstMatrixRef c, ConstMatrixRef q);
void info_loss_gradient(const InfoCodes& codes, ConstMatrixRef c, ConstMatrixRef q, MatrixRef dq);  // overwrites

// Fills c[N, Z + K + M]: z ~ N(0, I), a one-hot of k uniform over 0..K-1, u ~ U(-1, 1) (without
// codes, c = z drawn as fill_normal draws it).
void draw_codes(const InfoCodes& codes, Rng& rng, MatrixRef c);

}  // namespace aekit::models
