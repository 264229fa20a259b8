#pragma once
// One trained layer of a stack, as the two Dense layers it becomes when the stack unrolls:
//   up    h = f_up(x W_up^T + b_up)        W_up [H,D], b_up [1,H]     (encoder)
//   down  x = f_down(h W_down^T + b_down)  W_down [D,H], b_down [1,D] (decoder)
// An RBM gives up = p(h | v): (W, c, its hidden units' mean), down = p(v | h): (W^T, b, its
// visible units' mean); a one-layer autoencoder its encoder and decoder layers.
#include "aekit/models/autoencoder/autoencoder.hpp"
#include "aekit/models/rbm/rbm.hpp"
#include "aekit/tensor/activation.hpp"

namespace aekit::models {

struct StackLayer {
  Matrix up_weight, up_bias, down_weight, down_bias;
  Activation up = Activation::sigmoid, down = Activation::sigmoid;

  Index inputs() const { return up_weight.cols(); }  // D
  Index units() const { return up_weight.rows(); }   // H
};

StackLayer stack_layer(const Rbm& rbm);
// An untied mlp autoencoder with dims {D, H}; throws Error for any other.
StackLayer stack_layer(const Autoencoder& autoencoder);

}  // namespace aekit::models
