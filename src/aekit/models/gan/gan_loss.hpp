#pragma once
// The GAN value function of lecture 000 (Goodfellow et al. 2014) on the discriminator's
// logits s (D(x) = sigmoid(s)), real rows' s_r[N,1] and generated rows' s_f[M,1]:
//   discriminator  L_D = -1/N sum log D(x_n) - 1/M sum log(1 - D(G(z_m)))
//                      =  1/N sum softplus(-s_r)  +  1/M sum softplus(s_f)
//                  dL_D/ds_r = (sigmoid(s_r) - 1) / N,   dL_D/ds_f = sigmoid(s_f) / M
//   generator, minimax (the lecture's: minimize 1/M sum log(1 - D(G(z))))
//                  L_G = -1/M sum softplus(s_f),         dL_G/ds_f = -sigmoid(s_f) / M
//   generator, non-saturating (Goodfellow et al.'s fix: maximize log D(G(z)))
//                  L_G =  1/M sum softplus(-s_f),        dL_G/ds_f = (sigmoid(s_f) - 1) / M
// softplus(a) = log(1 + e^a), computed as max(a, 0) + log1p(e^-|a|). The minimax loss
// saturates early: when D rejects the fakes (s_f << 0) its gradient sigmoid(s_f) vanishes,
// while the non-saturating one's tends to -1/M.
#include <string>
#include <string_view>

#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

enum class GeneratorLoss { minimax, non_saturating };
GeneratorLoss parse_generator_loss(std::string_view name);  // "minimax" | "non_saturating"
std::string generator_loss_name(GeneratorLoss loss);

double discriminator_loss(ConstMatrixRef real_logits, ConstMatrixRef fake_logits);
// The gradients of L_D (overwritten): d_real[N,1] wrt s_r, d_fake[M,1] wrt s_f; each depends on
// its own logits only, so D can run backward on the real rows before its pass on the fakes.
void discriminator_real_gradient(ConstMatrixRef real_logits, MatrixRef d_real);
void discriminator_fake_gradient(ConstMatrixRef fake_logits, MatrixRef d_fake);

double generator_loss(GeneratorLoss loss, ConstMatrixRef fake_logits);
void generator_loss_gradient(GeneratorLoss loss, ConstMatrixRef fake_logits, MatrixRef d_fake);

}  // namespace aekit::models
