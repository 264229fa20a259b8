#pragma once
// A pre-trained stack unrolled into one deep autoencoder (Hinton & Salakhutdinov 2006): the
// encoder runs the layers' up passes, the decoder their down passes in reverse order, so for
// RBMs the unrolled net computes exactly the mean-field up-down pass of the stack:
//   h_k = f_up,k(h_{k-1} W_up,k^T + b_up,k),   x^ = down_1(down_2(... down_L(h_L)))
// The autoencoder's dims are [D_0, H_1, ..., H_L]; its hidden activation is the one every
// inner up and down pass shares (sigmoid for binary units), its code activation the top up
// pass's, its output activation the bottom down pass's.
#include <memory>
#include <span>

#include "aekit/models/autoencoder/autoencoder.hpp"
#include "aekit/models/deep/stack_layer.hpp"

namespace aekit::models {

// Throws UsageError when the layers do not chain (layer k's inputs != layer k-1's units) or
// the inner activations differ.
std::unique_ptr<Autoencoder> unroll(std::span<const StackLayer> layers);

}  // namespace aekit::models
